// `npm test`: every suite, in order, with one closing line `N passed, N failed`.
//  1. browser tests (web-test-runner in Chromium, with coverage of src/): card rules, session,
//     element behaviour, accessibility, the binding flow against the sandbox emulator;
//  2. Node tests (node --test): merchant helper and sandbox emulator;
//  3. end-to-end tests (playwright-core driving Chromium) where present;
//  4. package checks (scripts/test-package.mjs): the packed tarball through publint --strict and
//     attw, the CDN integrity and loader in Chromium, React 19 and Vue 3 consumer apps installed
//     from the tarball, type-checked strictly, built and run in Chromium.
// Finds a browser first (scripts/find-chrome.mjs: CHROME_PATH, usual places, or apt-get as root).
import {spawn} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {findChrome} from './find-chrome.mjs';

const chromePath = findChrome();
const env = {...process.env, CHROME_PATH: chromePath, FORCE_COLOR: '0'};

function run(label, command, args) {
  console.log(`\n== ${label}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {env, stdio: ['ignore', 'pipe', 'pipe']});
    let output = '';
    const collect = (stream, sink) =>
      stream.on('data', (chunk) => {
        output += chunk;
        sink.write(chunk);
      });
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    child.on('close', (code) => resolve({code: code ?? 1, output}));
  });
}

/** Reads pass/fail counts from wtr's summary line or node --test's TAP/spec summary. */
function counts(output) {
  const wtr = [...output.matchAll(/^wtr: (\d+) passed, (\d+) failed/gm)].pop();
  if (wtr) return {passed: Number(wtr[1]), failed: Number(wtr[2])};
  const pass = [...output.matchAll(/^(?:# |ℹ )pass (\d+)$/gm)].pop();
  const fail = [...output.matchAll(/^(?:# |ℹ )fail (\d+)$/gm)].pop();
  if (pass || fail) return {passed: Number(pass?.[1] ?? 0), failed: Number(fail?.[1] ?? 0)};
  return {passed: 0, failed: 1};
}

const suites = [['browser tests (wtr)', 'node', ['--import', './scripts/register-ts.mjs', 'node_modules/@web/test-runner/dist/bin.js', '--coverage']]];
if (existsSync('test/node') && readdirSync('test/node', {recursive: true}).some((f) => String(f).endsWith('.test.ts'))) {
  suites.push(['node tests', 'node', ['scripts/run-node-tests.mjs', '--test-reporter=tap']]);
}
if (existsSync('test/e2e') && readdirSync('test/e2e').some((f) => f.endsWith('.test.mjs'))) {
  suites.push(['end-to-end tests', 'node', ['scripts/run-e2e-tests.mjs']]);
}
if (existsSync('scripts/test-package.mjs')) suites.push(['package checks (tarball, CDN, consumers)', 'node', ['scripts/test-package.mjs']]);

let passed = 0;
let failed = 0;
let exitCode = 0;
for (const [label, command, args] of suites) {
  const result = await run(label, command, args);
  const suiteCounts = counts(result.output);
  passed += suiteCounts.passed;
  failed += suiteCounts.failed;
  if (result.code !== 0) {
    exitCode = 1;
    if (suiteCounts.failed === 0) failed += 1; // failed outside any test: coverage, import, crash
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode);
