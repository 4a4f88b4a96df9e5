// The CDN way, from the installed package's dist/ on another origin (as a CDN would serve it):
// the documented import map pins the bundle and every lazy chunk, so a tampered chunk never runs;
// cross-origin module loading needs CORS; the classic-script loader does the same for pages that
// cannot write type="module".
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {INSTALLED, launch, openPage, serve} from './helpers.mjs';

const integrity = JSON.parse(readFileSync(join(INSTALLED, 'dist', 'integrity.json'), 'utf8'));
const importMap = readFileSync(join(INSTALLED, 'dist', 'importmap.json'), 'utf8');
const BUNDLE = 'antom-card-binding.bundle.js';

const ELEMENT = `<antom-card-binding locale="de" hide-submit-button></antom-card-binding>
<script>document.addEventListener('ready', () => { window.__ready = true; });</script>`;
/** The README's snippet with the CDN prefix replaced by the test CDN's. */
const modulePage = (cdn) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cdn</title>
<script type="importmap">${importMap.replaceAll(/https:\/\/cdn\.jsdelivr\.net\/npm\/[^/]+\/dist\//g, `${cdn}/dist/`)}</script>
<script type="module" src="${cdn}/dist/${BUNDLE}" integrity="${integrity[BUNDLE]}" crossorigin="anonymous"></script>
</head><body>${ELEMENT}</body></html>`;
const loaderPage = (cdn) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>loader</title>
<script src="${cdn}/dist/antom-card-binding.loader.js" async></script></head><body>${ELEMENT}</body></html>`;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function visit(cdnOptions, page, timeout = 10000) {
  const cdn = await serve(INSTALLED, cdnOptions);
  const site = await serve(INSTALLED, {pages: {'/': () => page(cdn.origin)}});
  const tab = await openPage(browser);
  try {
    await tab.page.goto(`${site.origin}/`);
    await tab.page.waitForFunction(() => window.__ready === true || window.__tampered === true, null, {timeout}).catch(() => {});
    await tab.page.waitForTimeout(300);
    const state = await tab.page.evaluate(() => {
      const element = document.querySelector('antom-card-binding');
      return {
        defined: Boolean(customElements.get('antom-card-binding')),
        ready: window.__ready === true,
        tampered: window.__tampered === true,
        resolvedLocale: element?.resolvedLocale,
        text: element?.shadowRoot?.textContent ?? '',
      };
    });
    return {...state, requested: cdn.requested, errors: tab.errors};
  } finally {
    await tab.close();
    await cdn.close();
    await site.close();
  }
}

test('CDN with the import map: the bundle and its German chunk load, pinned, cross-origin with CORS', async () => {
  const result = await visit({cors: true}, modulePage);
  assert.ok(result.defined && result.ready, JSON.stringify(result));
  assert.ok(result.requested.includes('/dist/bundle-chunks/de.js'), result.requested.join(' '));
  assert.deepEqual(result.errors, []);
});

test('a tampered lazy chunk never runs: the import map integrity refuses it', async () => {
  const result = await visit(
    {cors: true, rewrite: (path, body) => (path === '/dist/bundle-chunks/de.js' ? Buffer.concat([body, Buffer.from('\n;globalThis.__tampered = true;\n')]) : undefined)},
    modulePage
  );
  assert.ok(result.requested.includes('/dist/bundle-chunks/de.js'));
  assert.equal(result.tampered, false, 'the tampered chunk ran');
  assert.ok(result.errors.some((error) => /integrity/i.test(error)), result.errors.join('\n'));
});

test('without the import map, the entry\'s integrity attribute alone lets a tampered chunk run (the finding)', async () => {
  const entryOnly = (cdn) => modulePage(cdn).replace(/<script type="importmap">[\s\S]*?<\/script>/, '');
  const result = await visit({cors: true, rewrite: (path, body) => (path === '/dist/bundle-chunks/de.js' ? Buffer.concat([body, Buffer.from('\n;globalThis.__tampered = true;\n')]) : undefined)}, entryOnly);
  assert.equal(result.tampered, true);
});

test('without CORS on the CDN the cross-origin bundle does not load (why the README asks for it)', async () => {
  const result = await visit({cors: false}, modulePage, 1500);
  assert.equal(result.defined, false);
  assert.ok(result.errors.some((error) => /CORS|Access-Control/i.test(error)), result.errors.join('\n'));
});

test('the classic-script loader registers the element with the bundle and chunks pinned', async () => {
  const result = await visit({cors: true}, loaderPage);
  assert.ok(result.defined && result.ready, JSON.stringify(result));
  assert.ok(result.requested.includes('/dist/bundle-chunks/de.js'));
  assert.deepEqual(result.errors, []);
  const tampered = await visit(
    {cors: true, rewrite: (path, body) => (path === '/dist/bundle-chunks/de.js' ? Buffer.concat([body, Buffer.from('\n;globalThis.__tampered = true;\n')]) : undefined)},
    loaderPage
  );
  assert.equal(tampered.tampered, false, 'the tampered chunk ran through the loader');
});

test('a listener that comes after ready reads isReady and awaits whenReady', async () => {
  const cdn = await serve(INSTALLED, {cors: true});
  const site = await serve(INSTALLED, {pages: {'/': () => modulePage(cdn.origin)}});
  const tab = await openPage(browser);
  try {
    await tab.page.goto(`${site.origin}/`);
    await tab.page.waitForFunction(() => window.__ready === true);
    const late = await tab.page.evaluate(async () => {
      const element = document.querySelector('antom-card-binding');
      const resolved = await Promise.race([element.whenReady.then(() => true), new Promise((done) => setTimeout(() => done(false), 1000))]);
      return {isReady: element.isReady, resolved};
    });
    assert.deepEqual(late, {isReady: true, resolved: true});
  } finally {
    await tab.close();
    await cdn.close();
    await site.close();
  }
});

test('a second copy of the class on the page warns once in the console', async () => {
  const page = (cdn) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>two copies</title></head><body>
<script type="module">
  await import('${cdn}/dist/${BUNDLE}');
  const second = await import('${cdn}/dist/${BUNDLE}?second-copy');
  window.__sameClass = customElements.get('antom-card-binding') === second.AntomCardBinding;
  window.__ready = true;
</script></body></html>`;
  const result = await visit({cors: true}, page);
  const warnings = result.errors.filter((error) => /another copy/.test(error));
  assert.equal(warnings.length, 1, result.errors.join('\n'));
  assert.match(warnings[0], /^warning: /);
});
