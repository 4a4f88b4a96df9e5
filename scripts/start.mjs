// `npm start`: builds dist/ and custom-elements.json, then starts on 127.0.0.1 with free ports the
// local Antom sandbox emulator (this project's stand-in, not the real Antom service), the sample
// merchant app and the catalogue (demo/start-demo.mjs). Prints the URLs; Ctrl-C stops them all.
// Nothing outside this machine is contacted.
//   --no-build   skip the build when dist/ is up to date
//   --quiet      no request log lines
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!args.has('--no-build') || !existsSync(new URL('../dist/antom-card-binding.bundle.js', import.meta.url))) {
  console.log('building dist/ ...');
  execFileSync(npm, ['run', '--silent', 'build'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']});
}
if (!args.has('--no-build') || !existsSync(new URL('../custom-elements.json', import.meta.url))) {
  console.log('writing custom-elements.json ...');
  execFileSync(npm, ['run', '--silent', 'analyze'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']});
}

const {startDemo} = await import('../demo/start-demo.mjs');
const demo = await startDemo({port: 0, log: args.has('--quiet') ? undefined : (line) => console.log(line)});

console.log(`
Catalogue (stories, controls, events, API):          ${demo.urls.catalogue}
Sample merchant app (binding management, SQLite):    ${demo.urls.merchant}
Local Antom sandbox emulator (a stand-in, not Antom): ${demo.urls.sandbox}
  client id ${demo.sandbox.clientId}; bindings at ${demo.urls.sandbox}/__sandbox/bindings
Test cards: 4242 4242 4242 4242 binds, 4000 0000 0000 0002 is declined, 4000 0000 0000 3220 asks for
3-D Secure (any future expiry, any code); the full list is under
"Scenario cards" in README.md.
Ctrl-C stops everything.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await demo.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
