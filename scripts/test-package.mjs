// `npm test`'s package suite (also `node scripts/test-package.mjs` alone, after `npm run build`):
// checks the package as users receive it, from the packed tarball.
//  1. `npm pack` dist/ into test-output/pack/;
//  2. test/consumers (React 19 + Vue 3 apps on Vite, Preact and Svelte typings): `npm ci` from its
//     lockfile (every version pinned, the package's own runtime dependencies included, so the
//     tarball's install fetches nothing more), then `npm install --no-save` of the tarball;
//  3. `node --test` over test/package/*.test.mjs: publint --strict and attw on the tarball, the
//     manifest and integrity files, the CDN page with SRI and the classic loader in Chromium, the
//     consumer apps type-checked strictly, built and run in Chromium (render, properties, events,
//     late definition, SSR + hydration).
// Prints each step's time; TAP output for scripts/test.mjs's counts.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {join, resolve} from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const PACK = join(ROOT, 'test-output', 'pack');
const CONSUMERS = join(ROOT, 'test', 'consumers');
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

function step(label, command, args, options = {}) {
  const t0 = Date.now();
  const result = spawnSync(command, args, {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options});
  console.log(`# package suite: ${label} (${seconds(t0)})`);
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    console.log(`not ok 1 - ${label}\n# pass 0\n# fail 1`);
    process.exit(1);
  }
  return result.stdout;
}

// CI builds first; a fresh clone running `npm test` alone gets a build here.
if (!existsSync(join(ROOT, 'dist', 'types', 'frameworks')) || !existsSync(join(ROOT, 'dist', 'integrity.json'))) step('npm run build', 'npm', ['run', '--silent', 'build']);
rmSync(PACK, {recursive: true, force: true});
mkdirSync(PACK, {recursive: true});
step('npm pack', 'npm', ['pack', '--silent', '--pack-destination', PACK]);
const tarball = join(PACK, readdirSync(PACK).find((file) => file.endsWith('.tgz')));
const npmFlags = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
step('consumers: npm ci', 'npm', ['ci', ...npmFlags], {cwd: CONSUMERS});
step('consumers: install the tarball', 'npm', ['install', '--no-save', ...npmFlags, tarball], {cwd: CONSUMERS});
const installed = JSON.parse(readFileSync(join(CONSUMERS, 'node_modules', 'antom-card-binding', 'package.json'), 'utf8'));
console.log(`# package suite: installed ${installed.name}@${installed.version} from ${tarball.slice(ROOT.length + 1)}`);

const files = readdirSync(join(ROOT, 'test', 'package')).filter((file) => file.endsWith('.test.mjs')).sort().map((file) => join('test', 'package', file));
const t0 = Date.now();
const result = spawnSync(process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=1', ...files], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {...process.env, ANTOM_TARBALL: tarball},
});
console.log(`# package suite: tests (${seconds(t0)}); in all ${seconds(started)}`);
process.exit(result.status ?? 1);
