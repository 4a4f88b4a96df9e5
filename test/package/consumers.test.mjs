// Consumer fixtures (test/consumers), with antom-card-binding installed from the packed tarball:
// strict type checks (tsc for React 19, vue-tsc with strictTemplates for Vue 3, tsc over the Preact,
// Svelte and root-import typings), Vite builds, then Chromium: render, a property set, an event
// received; for React also late definition and server rendering + hydration.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {ROOT, consumerTool, launch, openPage, serve} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const ok = ({status, output}) => assert.equal(status, 0, output);

test('React 19 fixture type-checks strictly (tsc; the bare tag through antom-card-binding/jsx-react)', () => {
  ok(consumerTool('tsc', ['-p', 'react/tsconfig.json']));
});

test('Vue 3 fixture type-checks strictly (vue-tsc, strictTemplates; antom-card-binding/vue)', () => {
  ok(consumerTool('vue-tsc', ['-p', 'vue/tsconfig.json']));
});

test('Preact, Svelte and root-import typings compile and reject a wrong property type', () => {
  ok(consumerTool('tsc', ['-p', 'types/tsconfig.json']));
});

test('the fixtures build with Vite (React client and server, Vue)', () => {
  ok(consumerTool('vite', ['build', '-c', 'react/vite.config.ts']));
  ok(consumerTool('vite', ['build', '-c', 'react/vite.config.ts', '--ssr', 'src/server.tsx', '--outDir', '../../../test-output/consumers/react-ssr']));
  ok(consumerTool('vite', ['build', '-c', 'vue/vite.config.ts']));
});

/** Opens `url`, types a digit into `#<id>`'s card number, returns what the page saw. */
async function drive(url, ids) {
  const tab = await openPage(browser);
  try {
    await tab.page.goto(url);
    await tab.page.waitForFunction(() => document.body.dataset.started === 'yes' && customElements.get('antom-card-binding'));
    for (const id of ids) {
      await tab.page.waitForFunction((id) => document.getElementById(id)?.shadowRoot?.querySelector('#cardNumber'), id);
      await tab.page.locator(`#${id} #cardNumber`).pressSequentially('4');
    }
    await tab.page.waitForTimeout(200);
    const elements = await tab.page.evaluate((ids) =>
      Object.fromEntries(
        ids.map((id) => {
          const element = document.getElementById(id);
          return [id, {locale: element.locale, hideSubmitButton: element.hideSubmitButton, button: Boolean(element.shadowRoot.querySelector('[part~="submit-button"]')?.checkVisibility())}];
        })
      ), ids);
    const isReady = await tab.page.evaluate((id) => document.getElementById(id).isReady, ids[0]);
    return {elements, isReady, events: await tab.page.evaluate(() => window.__events), errors: tab.errors};
  } finally {
    await tab.close();
  }
}

const reactDist = join(ROOT, 'test-output', 'consumers', 'react');
const reactHtml = () => readFileSync(join(reactDist, 'index.html'), 'utf8');

test('React: the wrapper and the bare tag render, get properties and deliver events (camelCase on the wrapper)', async () => {
  const site = await serve(reactDist);
  try {
    const seen = await drive(`${site.origin}/`, ['wrapped', 'bare']);
    assert.deepEqual(seen.elements.wrapped, {locale: 'de', hideSubmitButton: true, button: false});
    assert.deepEqual(seen.elements.bare, {locale: 'fr', hideSubmitButton: true, button: false});
    for (const event of ['wrapped:ready', 'wrapped:change:typed', 'bare:ready', 'bare:change:VISA']) assert.ok(seen.events.includes(event), `${event} in ${seen.events}`);
    assert.deepEqual(seen.errors, []);
  } finally {
    await site.close();
  }
});

test('React: the wrapper keeps its properties and listeners when the tag is defined after the first render', async () => {
  const site = await serve(reactDist);
  try {
    const seen = await drive(`${site.origin}/?late`, ['wrapped']);
    assert.deepEqual(seen.elements.wrapped, {locale: 'de', hideSubmitButton: true, button: false});
    assert.ok(seen.events.includes('wrapped:ready'), String(seen.events));
    assert.ok(seen.events.includes('wrapped:change:typed'), String(seen.events));
  } finally {
    await site.close();
  }
});

test('React: server-rendered in Node, hydrated in Chromium: properties applied and events delivered', async () => {
  const {render} = await import(join(ROOT, 'test-output', 'consumers', 'react-ssr', 'server.js'));
  const markup = render();
  assert.match(markup, /<antom-card-binding id="wrapped"/);
  const site = await serve(reactDist, {pages: {'/': reactHtml().replace('<!--ssr-->', markup)}});
  try {
    const seen = await drive(`${site.origin}/`, ['wrapped']);
    assert.deepEqual(seen.elements.wrapped, {locale: 'de', hideSubmitButton: true, button: false});
    assert.ok(seen.events.includes('wrapped:change:typed'), String(seen.events));
    // `ready` may fire before hydration attaches onReady (the tag upgrades first): isReady says so.
    assert.equal(seen.isReady, true);
    assert.deepEqual(seen.errors.filter((error) => !/hydrat/i.test(error)), []);
  } finally {
    await site.close();
  }
});

test('Vue: the tag renders, gets :hide-submit-button as a property and delivers @ready / @change', async () => {
  const site = await serve(join(ROOT, 'test-output', 'consumers', 'vue'));
  try {
    const seen = await drive(`${site.origin}/`, ['vue']);
    assert.deepEqual(seen.elements.vue, {locale: 'de', hideSubmitButton: true, button: false});
    for (const event of ['vue:ready', 'vue:change:typed']) assert.ok(seen.events.includes(event), `${event} in ${seen.events}`);
    assert.deepEqual(seen.errors, []);
  } finally {
    await site.close();
  }
});
