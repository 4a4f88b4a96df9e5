// The element under the strictest page policy it promises to work with (issue 12, "what held must
// keep holding"): no inline script or style, `default-src 'none'`, Trusted Types enforced with only
// Lit's `lit-html` policy. A German buyer (a lazy locale chunk, the lazy submit path) binds a card
// against the sandbox emulator; the page sees no policy violation and no error. A second page
// names no gateway origin: the card goes nowhere and the page hears why.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {join, normalize} from 'node:path';
import {randomUUID} from 'node:crypto';
import {chromium} from 'playwright-core';
import {CHROME_ARGS, findChrome} from '../../scripts/find-chrome.mjs';
import {ROOT, typeCardAndSubmit} from './helpers.mjs';

const PAGE_SCRIPT = `
const card = document.createElement('antom-card-binding');
const params = new URLSearchParams(location.search);
card.locale = 'de';
if (params.get('trust')) card.setAttribute('gateway-origins', params.get('trust'));
for (const type of ['ready', 'bound', 'error']) {
  card.addEventListener(type, (event) => {
    window.__events.push({type, code: event.detail?.code ?? null, message: event.detail?.message ?? null});
  });
}
const {vaultingSessionData} = await (await fetch('/session', {method: 'POST'})).json();
card.vaultingSessionData = vaultingSessionData;
document.querySelector('main').append(card);
`;

let sandbox;
let server;
let pageOrigin;
let browser;

function policy(emulatorOrigin) {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${emulatorOrigin}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

before(async () => {
  const {startSandbox} = await import('../../dist/sandbox/index.js');
  const {createAntomClient} = await import('../../dist/server/index.js');
  sandbox = await startSandbox({logger: () => {}});
  const client = createAntomClient({
    clientId: sandbox.clientId,
    privateKey: sandbox.generatedMerchant.privateKeyPem,
    antomPublicKey: sandbox.publicKey,
    baseUrl: sandbox.url,
  });
  server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const send = (status, type, body, headers = {}) => {
      response.writeHead(status, {'content-type': type, 'cache-control': 'no-store', ...headers});
      response.end(body);
    };
    if (url.pathname === '/') {
      const html = '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>CSP</title>' +
        '<script type="module" src="/dist/antom-card-binding.bundle.js"></script><script type="module" src="/page.js"></script>' +
        '</head><body><main></main></body></html>';
      return send(200, 'text/html; charset=utf-8', html, {'content-security-policy': policy(new URL(sandbox.url).origin)});
    }
    if (url.pathname === '/page.js') return send(200, 'text/javascript', PAGE_SCRIPT);
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (url.pathname === '/session' && request.method === 'POST') {
      const created = await client.createVaultingSession({
        paymentMethodType: 'CARD',
        vaultingRequestId: `csp-${randomUUID()}`,
        vaultingNotificationUrl: 'http://127.0.0.1:9/notify',
      });
      return send(200, 'application/json', JSON.stringify({vaultingSessionData: created.vaultingSessionData}));
    }
    if (url.pathname.startsWith('/dist/')) {
      const file = normalize(join(ROOT, url.pathname));
      if (!file.startsWith(join(ROOT, 'dist'))) return send(404, 'text/plain', '');
      try {
        return send(200, file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream', await readFile(file));
      } catch {
        return send(404, 'text/plain', '');
      }
    }
    send(404, 'text/plain', '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({executablePath: findChrome(), args: CHROME_ARGS});
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  await sandbox?.close();
});

async function openPage(query) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // Installed before any page script, outside the page's policy.
  await page.addInitScript(() => {
    window.__events = [];
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(`${pageOrigin}/${query}`);
  await page.waitForFunction(() => window.__events.some((event) => event.type === 'ready'));
  return {page, errors};
}

test('under default-src none, no inline style or script and Trusted Types, a German buyer binds a card', async () => {
  const {page, errors} = await openPage(`?trust=${encodeURIComponent(new URL(sandbox.url).origin)}`);
  assert.equal(await page.locator('antom-card-binding #cardNumber').getAttribute('autocomplete'), 'cc-number');
  assert.match(await page.locator('antom-card-binding label[for="cardNumber"]').innerText(), /Kartennummer/);
  await typeCardAndSubmit(page, '4242424242424242');
  await page.waitForFunction(() => window.__events.some((event) => event.type === 'bound' || event.type === 'error'));
  const events = await page.evaluate(() => window.__events.map((event) => event.type));
  assert.deepEqual(events, ['ready', 'bound']);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the same page without gateway-origins: the card goes nowhere, error session_malformed names the rule', async () => {
  const {page} = await openPage('');
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await typeCardAndSubmit(page, '4242424242424242');
  await page.waitForFunction(() => window.__events.some((event) => event.type === 'error'));
  const error = await page.evaluate(() => window.__events.find((event) => event.type === 'error'));
  assert.equal(error.code, 'session_malformed');
  assert.match(error.message, /gateway-origins/);
  assert.equal(requests.some((url) => url.startsWith(sandbox.url)), false, 'nothing was sent to the emulator');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});
