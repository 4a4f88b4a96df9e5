// `npm run bench`: prints figures, never asserts (these machines are shared and noisy; timing
// belongs here, not in tests). Medians of repeated runs, each next to a baseline measured in the
// same run:
//  - gzip bytes of the self-contained bundle, the lit-external build, the lazy chunks (per
//    locale, submit path); baseline: a minimal Lit element bundled the same way;
//  - import-to-`ready` in headless Chromium, median of warm loads in interleaved rounds; baselines:
//    the minimal element (the budget's), and the same form drawn by a logic-free Lit element (the
//    element's own shadow DOM and styles, dumped at bench time): what Lit alone needs for this form;
//  - input-to-formatted latency over 400 real keystrokes (median, p95); baseline: a bare <input>;
//  - the card rules per keystroke next to keeping digits only (scripts/bench-card-rules.mjs);
//  - the server helper's sign+verify rate next to bare node:crypto (scripts/bench-server.mjs);
//  - the card-binding relay's submissions per second next to bare JWE decryption (scripts/bench-relay.mjs);
//  - tree-shaking of the root entry in an app's bundler (esbuild, rollup): card rules or event
//    classes alone next to the element class (scripts/bench-treeshake.mjs).
import {execFileSync, spawnSync} from 'node:child_process';
import {createServer} from 'node:http';
import {existsSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {extname, join, normalize} from 'node:path';
import {gzipSync} from 'node:zlib';
import {rollup} from 'rollup';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import {chromium} from 'playwright-core';
import {findChrome, CHROME_ARGS} from './find-chrome.mjs';

// localeGzip: 2 KB until issue 13 and the last `error` code took the catalogue to 87 messages; Korean
// (three UTF-8 bytes a character) is the largest at about 2.06 KB.
const BUDGETS = {bundleGzip: 20 * 1024, localeGzip: 2.25 * 1024, readyRatio: 1.25, keystrokeP95Ms: 2};
const WARM_LOADS = 10; // per round
const ROUNDS = 3; // pages take turns, so a busy spell on the machine hits them all alike
const KEYSTROKES = 400;

const gzip = (file) => gzipSync(readFileSync(file), {level: 9}).length;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const ms = (value) => `${value.toFixed(2)} ms`;
const verdict = (ok) => (ok ? 'within budget' : 'OVER BUDGET');
const line = (label, value, extra = '') => console.log(`${label.padEnd(44)} ${String(value).padStart(12)}  ${extra}`);

// ---- build ----
console.log('building (npm run build)...');
execFileSync('npm', ['run', '--silent', 'build'], {stdio: ['ignore', 'ignore', 'inherit']});
const baselinePlugins = () => [
  nodeResolve({exportConditions: ['production', 'default', 'module', 'import'], browser: true}),
  terser({ecma: 2022, module: true, format: {comments: false}}),
];
const baselineBundle = await rollup({input: 'bench/baseline-element.js', plugins: baselinePlugins()});
await baselineBundle.write({file: 'dist/bench/baseline.bundle.js', format: 'es'});

// ---- sizes ----
console.log('\n== sizes (gzip -9)');
const bundleGzip = gzip('dist/antom-card-binding.bundle.js');
const baselineGzip = gzip('dist/bench/baseline.bundle.js');
line('bundle entry (lit inside; zod in a lazy chunk)', kb(bundleGzip), `${(bundleGzip / baselineGzip).toFixed(2)}x baseline`);
line('baseline: minimal Lit element, same build', kb(baselineGzip));
// The lit-external build: define.js and every chunk it imports statically (not the lazy ones).
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g)) {
    staticClosure(normalize(join(file, '..', spec)), seen);
  }
  return seen;
}
const externalFiles = [...staticClosure('dist/define.js')];
const externalGzip = externalFiles.reduce((sum, f) => sum + gzip(f), 0);
line('lit-external build (define.js + static chunks)', kb(externalGzip), `${externalFiles.length} files; lit and @lit/* are the app's own`);
// Lazy chunks beside the bundle: one per locale (only the active one loads); the submit path
// (submit-path-*.js: zod, the full session check, encryption, the gateway client) and the outcome
// chunk (outcome-*.js: the answer's views, strings and events), fetched in parallel on the first
// submit, with every chunk they import statically; hosted mode (hosted-mode-*.js and its static
// imports beyond those), which loads only for an Antom (hosted) session, never for own fields.
const bundleChunk = (pattern) => readdirSync('dist/bundle-chunks').find((f) => pattern.test(f));
const closureOf = (entry) => (entry ? [...staticClosure(join('dist/bundle-chunks', entry))].map((f) => f.split('/').pop()) : []);
const submitFiles = new Set([/^(submit-path|bind-card)-.*\.js$/, /^outcome-.*\.js$/].flatMap((p) => closureOf(bundleChunk(p))));
const hostedAll = closureOf(bundleChunk(/^hosted-mode-.*\.js$/));
const hostedFiles = new Set(hostedAll.filter((f) => !submitFiles.has(f)));
// One chunk per card network's mark (src/element/brand-marks/), fetched when shown: the detected
// brand's, and the accepted-brands row's when the page or session names its brands.
const MARK_MODULES = readdirSync('src/element/brand-marks').filter((f) => f.endsWith('.ts') && f !== 'loaders.ts').map((f) => f.slice(0, -3));
const BRAND_MARK = new RegExp(`^(${MARK_MODULES.join('|')})-.*\\.js$`);
const chunkRole = (file) =>
  /^(pt-BR|[a-z]{2})\.js$/.test(file)
    ? 'locale'
    : BRAND_MARK.test(file)
      ? 'brand mark, fetched when shown'
      : submitFiles.has(file)
      ? 'loaded on the first submit'
      : hostedFiles.has(file)
        ? 'hosted mode only (an Antom session)'
        : 'loaded when a session is set';
let sessionChunks = 0;
let submitChunks = 0;
let hostedChunks = 0;
for (const file of readdirSync('dist/bundle-chunks').filter((f) => f.endsWith('.js')).sort()) {
  const size = gzip(join('dist/bundle-chunks', file));
  const role = chunkRole(file);
  if (role === 'loaded when a session is set') sessionChunks += size;
  if (role === 'loaded on the first submit') submitChunks += size;
  if (hostedAll.includes(file)) hostedChunks += size;
  line(`lazy chunk ${file}`, kb(size), role === 'locale' ? `budget ${kb(BUDGETS.localeGzip)}: ${verdict(size <= BUDGETS.localeGzip)}` : role);
}
const ownFields = bundleGzip + sessionChunks;
line('own-fields page with a session, before submit', kb(ownFields), `entry + session chunks; budget ${kb(BUDGETS.bundleGzip)}: ${verdict(ownFields <= BUDGETS.bundleGzip)}`);
const markGzip = (brand) => gzip(join('dist/bundle-chunks', bundleChunk(new RegExp(`^${brand}-.*\\.js$`))));
const typicalMarks = ['visa', 'mastercard', 'amex'].reduce((sum, brand) => sum + markGzip(brand), 0);
line('+ marks: a VISA MASTERCARD AMEX row', kb(typicalMarks), `brand-mark chunks (the detected brand's is one of them); without a brand list only the detected brand's (${kb(markGzip('visa'))} for Visa)`);
line('+ on the first submit', kb(submitChunks), 'submit path and outcome chunks, in parallel');
line('hosted mode (an Antom session) adds', kb(hostedChunks), 'hosted-mode chunk and its static imports; not in the own-fields figure');

console.log("\n== tree-shaking: `import {…} from 'antom-card-binding'` in an app (minified, gzip -9)");
const {measureTreeShaking} = await import('./bench-treeshake.mjs');
for (const row of await measureTreeShaking()) {
  line(`${row.label}, ${row.tool}`, kb(row.gzip), `${kb(row.bytes)} raw; ${row.lit ? 'lit included' : 'no lit'}`);
}

// ---- browser timings ----
const TYPES = {'.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json'};
const PAGE = (script, tag) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><main>
<script type="module">
  const t0 = performance.now();
  await import('${script}');
  const el = document.createElement('${tag}');
  el.addEventListener('ready', () => { window.__readyMs = performance.now() - t0; }, {once: true});
  document.querySelector('main').append(el);
</script></main></body></html>`;
const PAGES = {
  '/element.html': PAGE('/dist/antom-card-binding.bundle.js', 'antom-card-binding'),
  '/baseline.html': PAGE('/dist/bench/baseline.bundle.js', 'baseline-input'),
  '/form-baseline.html': PAGE('/dist/bench/form-baseline.bundle.js', 'form-baseline'),
  '/plain.html': '<!doctype html><html lang="en"><body><main><label for="x">Card number</label><input id="x"></main></body></html>',
};
const root = process.cwd();
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://127.0.0.1').pathname;
  if (PAGES[path]) {
    response.writeHead(200, {'content-type': 'text/html', 'cache-control': 'no-store'});
    return response.end(PAGES[path]);
  }
  const file = normalize(join(root, path));
  if (!file.startsWith(join(root, 'dist')) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404);
    return response.end();
  }
  response.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600'});
  response.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({executablePath: findChrome(), args: CHROME_ARGS});

// The second baseline: the element's own first render (shadow DOM, comments dropped, and its
// adopted styles) drawn by a Lit element with no logic and no bindings, one static template.
async function buildFormBaseline() {
  const page = await browser.newPage();
  await page.goto(origin + '/element.html');
  await page.waitForFunction(() => typeof window.__readyMs === 'number');
  const {markup, styles} = await page.evaluate(() => {
    const root = document.querySelector('antom-card-binding').shadowRoot;
    return {
      markup: root.innerHTML.replace(/<!--[^>]*-->/g, ''),
      styles: root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n'),
    };
  });
  await page.close();
  const source = `import {LitElement, html, unsafeCSS} from 'lit';
class FormBaseline extends LitElement {
  static styles = unsafeCSS(${JSON.stringify(styles)});
  static shadowRootOptions = {...LitElement.shadowRootOptions, delegatesFocus: true};
  render() { return html\`${markup.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${')}\`; }
  firstUpdated() { this.dispatchEvent(new Event('ready', {bubbles: true, composed: true})); }
}
customElements.define('form-baseline', FormBaseline);
`;
  writeFileSync('dist/bench/form-baseline.js', source);
  const bundle = await rollup({input: 'dist/bench/form-baseline.js', plugins: baselinePlugins()});
  await bundle.write({file: 'dist/bench/form-baseline.bundle.js', format: 'es'});
}

async function readyTimes(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const times = [];
  for (let i = 0; i <= WARM_LOADS; i++) {
    await page.goto(origin + path);
    await page.waitForFunction(() => typeof window.__readyMs === 'number');
    const value = await page.evaluate(() => window.__readyMs);
    if (i > 0) times.push(value); // the first load is cold (HTTP cache, compile cache)
  }
  await context.close();
  return times;
}

// Each keystroke: from the input event's creation (event.timeStamp) to the end of a listener
// registered after the element's own, i.e. once the value is reformatted and the caret placed;
// and to the element's next render (brand icon, errors) where there is one. Real key presses of
// test-card digits, the field cleared per card.
async function keystrokeLatencies(path, locate) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin + path);
  await page.waitForFunction(() => typeof window.__readyMs === 'number' || document.querySelector('#x'));
  await page.evaluate(locate);
  await page.evaluate(() => {
    const field = window.__field;
    window.__latencies = [];
    window.__rendered = [];
    const host = field.getRootNode().host;
    field.addEventListener('input', (event) => {
      window.__latencies.push(performance.now() - event.timeStamp);
      if (host) host.updateComplete.then(() => window.__rendered.push(performance.now() - event.timeStamp));
    });
  });
  const cards = ['4242424242424242', '5555555555554444', '378282246310005', '6011111111111117'];
  let typed = 0;
  // Each card in turn (brand changes, Amex's 4-6-5 grouping), not the first one over and over.
  for (let round = 0; typed < KEYSTROKES; round++) {
    const card = cards[round % cards.length].slice(0, KEYSTROKES - typed);
    await page.evaluate(() => { window.__field.value = ''; window.__field.focus(); });
    for (const digit of card) await page.keyboard.press(digit);
    typed += card.length;
  }
  const values = await page.evaluate(() => ({formatted: window.__latencies, rendered: window.__rendered}));
  await context.close();
  return values;
}

try {
  await buildFormBaseline();
  console.log(`\n== import-to-ready (headless Chromium, median of ${ROUNDS} x ${WARM_LOADS} warm loads, pages in turn)`);
  const ready = {element: [], baseline: [], form: []};
  for (let round = 0; round < ROUNDS; round++) {
    ready.element.push(...(await readyTimes('/element.html')));
    ready.baseline.push(...(await readyTimes('/baseline.html')));
    ready.form.push(...(await readyTimes('/form-baseline.html')));
  }
  const readyMedian = median(ready.element);
  const readyRatio = readyMedian / median(ready.baseline);
  line('<antom-card-binding> ready', ms(readyMedian), `p95 ${ms(percentile(ready.element, 95))}; ${readyRatio.toFixed(2)}x baseline; budget ${BUDGETS.readyRatio}x: ${verdict(readyRatio <= BUDGETS.readyRatio)}`);
  line('baseline: minimal Lit element ready', ms(median(ready.baseline)), `p95 ${ms(percentile(ready.baseline, 95))}`);
  const formRatio = median(ready.form) / median(ready.baseline);
  line('baseline: the same form, logic-free Lit', ms(median(ready.form)), `p95 ${ms(percentile(ready.form, 95))}; ${formRatio.toFixed(2)}x the minimal element; the element is ${(readyMedian / median(ready.form)).toFixed(2)}x this`);

  console.log(`\n== keystroke to formatted value (${KEYSTROKES} real key presses)`);
  const element = await keystrokeLatencies('/element.html', async () => {
    const el = document.querySelector('antom-card-binding');
    window.__field = el.shadowRoot.querySelector('#cardNumber');
  });
  const plain = await keystrokeLatencies('/plain.html', () => {
    window.__field = document.querySelector('#x');
  });
  // The same input in the same shadow DOM and styles, with nothing formatting it: what layout and
  // the browser's own editing cost there.
  const form = await keystrokeLatencies('/form-baseline.html', async () => {
    window.__field = document.querySelector('form-baseline').shadowRoot.querySelector('#cardNumber');
  });
  const keyMedian = median(element.formatted);
  const keyP95 = percentile(element.formatted, 95);
  line('card number: input to formatted, median', ms(keyMedian), `p95 ${ms(keyP95)}; ${(keyMedian / median(plain.formatted)).toFixed(2)}x bare input; budget p95 ${BUDGETS.keystrokeP95Ms} ms: ${verdict(keyP95 <= BUDGETS.keystrokeP95Ms)}`);
  line('card number: input to rendered, median', ms(median(element.rendered)), `p95 ${ms(percentile(element.rendered, 95))}`);
  line('baseline: bare <input>, input listener', ms(median(plain.formatted)), `p95 ${ms(percentile(plain.formatted, 95))}`);
  line('baseline: the same form, nothing formatting', ms(median(form.formatted)), `p95 ${ms(percentile(form.formatted, 95))}`);
} finally {
  await browser.close();
  server.close();
}

console.log('\n== card rules');
spawnSync(process.execPath, ['--import', './scripts/register-ts.mjs', 'scripts/bench-card-rules.mjs'], {stdio: 'inherit'});

if (existsSync('scripts/bench-server.mjs')) {
  console.log('\n== server helper');
  spawnSync(process.execPath, ['--import', './scripts/register-ts.mjs', 'scripts/bench-server.mjs'], {stdio: 'inherit'});
}

console.log('\n== card-binding relay');
spawnSync(process.execPath, ['--import', './scripts/register-ts.mjs', 'scripts/bench-relay.mjs'], {stdio: 'inherit'});
