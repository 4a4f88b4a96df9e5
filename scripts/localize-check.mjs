// Localization gate for CI:
//  1. `lit-localize extract` must leave locales/*.xlf unchanged (the XLIFF files are not stale
//     against the msg() calls in src/);
//  2. every message must have a <target> in every XLIFF file (checked here, because
//     `lit-localize build` only warns and exits 0 on a missing translation);
//  3. `lit-localize build` regenerates src/generated/ (git-ignored) for the build and tests.
import {execFileSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';

const DIR = 'locales';
const snapshot = () =>
  Object.fromEntries(readdirSync(DIR).filter((f) => f.endsWith('.xlf')).map((f) => [f, readFileSync(join(DIR, f), 'utf8')]));
const lit = (command) => execFileSync('node', ['node_modules/@lit/localize-tools/bin/lit-localize.js', command], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});

let failed = false;
const before = snapshot();
lit('extract');
const after = snapshot();
for (const file of new Set([...Object.keys(before), ...Object.keys(after)])) {
  if (before[file] !== after[file]) {
    console.error(`${DIR}/${file} is stale: run \`npm run localize:extract\`, translate, and commit it.`);
    failed = true;
  }
}

for (const [file, text] of Object.entries(after)) {
  const units = [...text.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)];
  const missing = units.filter(([, , body]) => !/<target[^>]*>[\s\S]*?\S[\s\S]*?<\/target>/.test(body)).map(([, id]) => id);
  if (missing.length > 0) {
    console.error(`${DIR}/${file}: ${missing.length} of ${units.length} messages have no translation: ${missing.join(', ')}`);
    failed = true;
  } else {
    console.log(`${DIR}/${file}: ${units.length} messages, all translated`);
  }
}

const build = lit('build');
if (/is missing/.test(build)) {
  console.error(build);
  failed = true;
}
process.exit(failed ? 1 : 0);
