// Runs web-test-runner with the TypeScript loader registered, so its config can start the
// sandbox emulator from src/ (scripts/wtr-sandbox-plugin.mjs). Arguments pass through.
import {spawnSync} from 'node:child_process';
import {findChrome} from './find-chrome.mjs';

const result = spawnSync(
  process.execPath,
  ['--import', './scripts/register-ts.mjs', 'node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)],
  {stdio: 'inherit', env: {...process.env, CHROME_PATH: process.env.CHROME_PATH ?? findChrome()}}
);
process.exit(result.status ?? 1);
