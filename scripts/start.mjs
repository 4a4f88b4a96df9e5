// `npm start`: builds, then starts on 127.0.0.1 with free ports the Antom sandbox emulator (this
// project's local stand-in, not the real Antom service) and the sample merchant serving the demo
// page. Prints the URLs; Ctrl-C stops both. Nothing outside this machine is contacted.
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
console.log('building...');
execFileSync('npm', ['run', '--silent', 'build'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']});

const {startSandbox} = await import('../dist/sandbox/index.js');
const server = await import('../dist/server/index.js');
const {startMerchant} = await import('../demo/merchant-server.mjs');

const sandbox = await startSandbox({logger: (line) => console.log(`[sandbox] ${line}`)});
const merchant = await startMerchant({root, sandbox, server});

console.log(`
Antom sandbox emulator (local stand-in, not Antom): ${sandbox.url}
  client id: ${sandbox.clientId}
Demo merchant and page:                             ${merchant.url}/demo/
Test cards: see docs/sandbox.md (4242 4242 4242 4242 binds; 4000 0000 0000 3220 asks for 3-D Secure).
Ctrl-C stops everything.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([merchant.close(), sandbox.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
