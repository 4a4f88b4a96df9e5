// Runs the Node test suite: every test/node/**/*.test.ts through `node --test`, with TypeScript
// loaded by scripts/register-ts.mjs. Node 20's --test takes no glob, so the files are listed here.
// Extra arguments pass through (e.g. `npm run test:node -- --test-name-pattern=signature`).
import {spawn} from 'node:child_process';
import {generateKeyPair} from 'node:crypto';
import {promisify} from 'node:util';
import {readdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testDir = join(root, 'test', 'node');

const files = readdirSync(testDir, {recursive: true, withFileTypes: true})
  .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
  .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)))
  .sort();

if (files.length === 0) {
  console.error('No test files found under test/node/.');
  process.exit(1);
}

// RSA key generation dominates the suite's CPU time: make the test keys once, in parallel, and
// hand them to every test process (test/node/helpers/keys.ts reads them).
const KEY_NAMES = ['merchant', 'antom', 'card', 'other', 'merchant-2'];
const pairs = await Promise.all(KEY_NAMES.map(() => promisify(generateKeyPair)('rsa', {modulusLength: 2048})));
const testKeys = Object.fromEntries(
  KEY_NAMES.map((name, index) => [name, pairs[index].privateKey.export({format: 'pem', type: 'pkcs8'})]),
);

const child = spawn(
  process.execPath,
  ['--import', './scripts/register-ts.mjs', '--test', ...process.argv.slice(2), ...files],
  {cwd: root, stdio: 'inherit', env: {...process.env, ANTOM_TEST_KEYS: JSON.stringify(testKeys)}},
);
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
