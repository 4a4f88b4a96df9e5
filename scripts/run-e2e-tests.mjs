// Runs the end-to-end tests (test/e2e/*.test.mjs) with `node --test` and the TAP reporter, which
// scripts/test.mjs reads (`# pass N`, `# fail N`). Builds dist/ first when the bundle is missing
// (a fresh clone running `npm test` alone) and writes custom-elements.json when it is missing.
// Extra arguments pass through (e.g. `npm run test:e2e -- --test-name-pattern=merchant`).
import {execFileSync, spawn} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {findChrome} from './find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync(join(root, 'dist', 'antom-card-binding.bundle.js')) || !existsSync(join(root, 'dist', 'sandbox', 'index.js'))) {
  console.log('# dist/ is missing: npm run build');
  execFileSync(npm, ['run', '--silent', 'build'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']});
}
if (!existsSync(join(root, 'custom-elements.json'))) {
  console.log('# custom-elements.json is missing: npm run analyze');
  execFileSync(npm, ['run', '--silent', 'analyze'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']});
}

const files = readdirSync(join(root, 'test', 'e2e'))
  .filter((name) => name.endsWith('.test.mjs'))
  .sort()
  .map((name) => join('test', 'e2e', name));

const child = spawn(
  process.execPath,
  ['--test', '--test-reporter=tap', '--test-concurrency=2', ...process.argv.slice(2), ...files],
  {cwd: root, stdio: 'inherit', env: {...process.env, CHROME_PATH: findChrome()}}
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
