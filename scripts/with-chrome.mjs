// Runs a command from node_modules/.bin with CHROME_PATH set to a browser found (or installed)
// by find-chrome.mjs, so every browser-using tool agrees on one binary.
import {spawnSync} from 'node:child_process';
import {findChrome} from './find-chrome.mjs';

const [command, ...args] = process.argv.slice(2);
const env = {...process.env, CHROME_PATH: findChrome()};
const result = spawnSync(command, args, {stdio: 'inherit', env, shell: process.platform === 'win32'});
process.exit(result.status ?? 1);
