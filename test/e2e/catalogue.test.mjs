// The catalogue end to end: every story loads, reaches its state against the local Antom sandbox
// emulator, passes axe on the whole page, and is photographed (test-output/screenshots/<story>.png,
// for people to look at; nothing compares them). Then the controls, the event log, the API table,
// the hosted story's binding (Antom's real SDK against the catalogue's local double of Antom's
// card page) and the 3-D Secure round trip. The visual check view: visual-check.test.mjs.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {AxeBuilder} from '@axe-core/playwright';
import {STORIES} from '../../demo/catalogue/public/stories.mjs';
import {CARDS, ROOT, SCREENSHOTS, newPage, startAll, typeCardAndSubmit, cardSafe, pagePool} from './helpers.mjs';

/** What each story must show once it is ready: the alert view, and events in the log. */
const EXPECTED = {
  'restricted-brands': {errorsShown: 'card_number.unsupported_brand'},
  'alert-success': {view: 'success', events: ['bound']},
  'alert-declined': {view: 'declined', errorCode: 'declined'},
  'alert-processing': {view: 'processing'},
  'alert-gateway-error': {view: 'gateway', errorCode: 'gateway_error'},
  'alert-network': {view: 'network', errorCode: 'network_error'},
  'alert-timeout': {view: 'network', errorCode: 'timeout'},
  'alert-invalid-response': {view: 'gateway', errorCode: 'invalid_response'},
  'alert-encryption-failed': {view: 'encryption', errorCode: 'encryption_failed'},
  'session-expired': {view: 'session_expired', errorCode: 'session_expired'},
  'session-malformed': {view: 'session_malformed', errorCode: 'session_malformed'},
  'session-weak-key': {view: 'session_malformed', errorCode: 'session_malformed'},
  'three-d-secure': {view: 'redirecting', events: ['redirect']},
  'field-errors': {errorsShown: 'card_number.invalid'},
  'session-missing': {errorCode: 'session_missing'},
  'duplicate-submit': {view: 'success', errorCode: 'duplicate_submit', events: ['bound']},
  // Antom's real SDK against the catalogue's local double of Antom's card page: ready means the
  // double's dismissLoading arrived (SDK_END_OF_LOADING); binding is a test of its own below.
  hosted: {events: ['ready'], hostedEvents: ['SDK_START_OF_LOADING', 'SDK_END_OF_LOADING']},
};
/** Antom's iframe, which the SDK puts in the element's light-DOM container (README "Hosted mode"). */
const HOSTED_FRAME = '#stage antom-card-binding > div[slot="antom-hosted"] #ams-component-container iframe';
const MOBILE = {width: 360, height: 780};
const DESKTOP = {width: 1280, height: 900};

let env;
let page;
/** The story tests run two at a time, each on a page of its own (the renderer is single-threaded). */
const pages = pagePool();
const withPage = pages.withPage;

before(async () => {
  env = await startAll();
  page = await newPage(env.browser, {viewport: DESKTOP});
  pages.add(page, await newPage(env.browser, {viewport: DESKTOP}));
});
after(async () => {
  await env?.close();
});

async function openStory(id, page) {
  await page.goto(`${env.demo.urls.catalogue}?story=${id}`);
  await page.waitForSelector('body[data-story-state="ready"], body[data-story-state="failed"]', {timeout: 20_000});
  assert.equal(await page.getAttribute('body', 'data-story-state'), 'ready', `story ${id} failed to start`);
}

const loggedEvents = (page, type) => page.locator(`#log-list li[data-event="${type}"]`).allInnerTexts();

/**
 * Axe (all rules it runs by default) on the whole page. Legacy mode runs axe in the page itself:
 * the page has no frames, and the default mode opens an extra blank page per analysis, which
 * triples the time. Only violations are collected (passes and incomplete cost time, unread).
 */
const axe = (page) => new AxeBuilder({page}).setLegacyMode(true).options({resultTypes: ['violations']}).analyze();

function formatViolations(violations) {
  return violations
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`)
    .join('\n');
}

describe('catalogue stories', {concurrency: 2}, () => {
  for (const story of STORIES) {
    test(`${story.id}: reaches its state, axe finds nothing, screenshot saved`, () => withPage((page) => checkStory(page, story)));
  }
});

async function checkStory(page, story) {
  page.errors.length = 0;
  await page.setViewportSize(story.id === 'mobile' ? MOBILE : DESKTOP);
  await openStory(story.id, page);
  const expected = EXPECTED[story.id] ?? {};
  const elements = page.locator('#stage antom-card-binding');
  assert.ok((await elements.count()) >= 1);
  if (expected.view) {
    assert.equal(await page.locator('#stage antom-card-binding [part~="alert"]').first().getAttribute('data-view'), expected.view);
  }
  if (expected.errorCode) {
    const errors = await loggedEvents(page, 'error');
    assert.ok(errors.some((text) => text.includes(`"code": "${expected.errorCode}"`)), `error ${expected.errorCode} in the log: ${errors.join(' | ')}`);
  }
  for (const type of expected.events ?? []) assert.ok((await loggedEvents(page, type)).length > 0, `a ${type} event in the log`);
  if (expected.errorsShown) {
    const changes = await loggedEvents(page, 'change');
    assert.ok(changes[0]?.includes(expected.errorsShown), `last change shows ${expected.errorsShown}: ${changes[0]}`);
  }
  for (const code of expected.hostedEvents ?? []) {
    assert.ok((await loggedEvents(page, 'hosted-event')).some((text) => text.includes(`"code": "${code}"`)), `hosted-event ${code} in the log`);
  }
  if (story.id === 'hosted') await checkHostedMount(page);
  if (story.id === 'disabled') assert.equal(await page.locator('#stage antom-card-binding #cardNumber').isDisabled(), true);
  if (story.id === 'all-languages') assert.equal(await elements.count(), 8);

  const results = await axe(page);
  assert.equal(results.violations.length, 0, `axe on ${story.id}:\n${formatViolations(results.violations)}`);

  await page.locator('#stage').screenshot(cardSafe(page, {path: join(SCREENSHOTS, `${story.id}.png`)}));
  if (story.id === 'mobile') await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'catalogue-page-mobile.png')}));
  if (story.id === 'default') await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'catalogue-page.png')}));
  assert.deepEqual(page.errors, []);
}

/** The element is in hosted mode with Antom's iframe in its light DOM, and that iframe is our double. */
async function checkHostedMount(page) {
  const frame = page.locator(HOSTED_FRAME);
  assert.equal(await frame.count(), 1, "one Antom iframe in the element's light DOM");
  const src = new URL(await frame.getAttribute('src'));
  assert.equal(src.origin, new URL(env.demo.urls.catalogue).origin, 'the card page is served by the catalogue itself');
  assert.equal(src.pathname, '/__double/antom-app/antom-app.html');
  // Shown through the element's slot, at the height the double asked for.
  assert.equal(await page.locator('#stage antom-card-binding').evaluate((el) => el.shadowRoot.querySelector('slot[name="antom-hosted"]').assignedElements().length), 1);
  await page.waitForFunction((selector) => {
    const iframe = document.querySelector(selector);
    return iframe && getComputedStyle(iframe).opacity === '1' && iframe.getBoundingClientRect().height > 40;
  }, HOSTED_FRAME);
  await page.frameLocator(HOSTED_FRAME).getByText("Local double of Antom's card page").waitFor();
  assert.match(await page.locator('#story-notice').innerText(), /Antom’s SDK against a local double of Antom’s card page, not the Antom service/);
}

describe('catalogue tools', () => {
  // `page` is free again: the story tests above have finished.
  test('controls edit attributes, properties and CSS custom properties live; the snippet follows', async () => {
    await page.setViewportSize(DESKTOP);
    await openStory('default', page);
    const element = page.locator('#stage antom-card-binding');

    await page.getByLabel('disabled', {exact: true}).check();
    assert.equal(await element.getAttribute('disabled'), '');
    assert.equal(await page.locator('#stage antom-card-binding #cardNumber').isDisabled(), true);
    await page.getByLabel('disabled', {exact: true}).uncheck();
    assert.equal(await page.locator('#stage antom-card-binding #cardNumber').isDisabled(), false);

    await page.getByLabel('locale', {exact: true}).selectOption('pt_BR');
    await page.locator('#stage antom-card-binding label[for="cardNumber"]').filter({hasText: 'Número do cartão'}).waitFor();
    await page.locator('[data-readout="resolvedLocale"]').filter({hasText: '"pt-BR"'}).waitFor();

    await page.locator('.css-controls summary').click();
    await page.getByLabel('--antom-radius', {exact: true}).fill('0px');
    const radius = await page.locator('#stage antom-card-binding #cardNumber').evaluate((input) => getComputedStyle(input).borderTopLeftRadius);
    assert.equal(radius, '0px');

    const snippet = await page.locator('#snippet').innerText();
    // The page names the gateway it trusts with the card (the emulator) in gateway-origins.
    assert.match(snippet, /<antom-card-binding gateway-origins="http:\/\/127\.0\.0\.1:\d+[^"]*" locale="pt_BR" style="--antom-radius: 0px;"><\/antom-card-binding>/);

    await page.getByLabel('vaultingSessionData', {exact: true}).selectOption('malformed');
    await page.locator('#stage antom-card-binding [part~="alert"][data-view="session_malformed"]').waitFor();
    assert.match(await page.locator('#snippet').innerText(), /card\.vaultingSessionData = 'not-a-session';/);
    await page.getByLabel('vaultingSessionData', {exact: true}).selectOption('fresh');
    await page.locator('#stage antom-card-binding #cardNumber').waitFor({state: 'visible'});
    assert.deepEqual(page.errors, []);
  });

  test('the event log shows each event and its detail as it happens, never the card number', async () => {
    await openStory('default', page);
    await typeCardAndSubmit(page, CARDS.visa);
    await page.locator('#log-list li[data-event="bound"]').waitFor();
    const log = await page.locator('#log-list').innerText();
    for (const type of ['ready', 'change', 'submit', 'bound']) assert.match(log, new RegExp(`\\b${type}\\b`));
    assert.match(log, /"brand": "VISA"/);
    assert.match(log, /"maskedCardNo": "\*{12}4242"/);
    assert.ok(!log.replace(/\s/g, '').includes(CARDS.visa), 'no card number in the log');
    const order = (await page.locator('#log-list li').evaluateAll((items) => items.map((item) => item.dataset.event))).reverse();
    assert.equal(order[0], 'ready');
    assert.deepEqual(order.slice(-2), ['submit', 'bound']);
  });

  test('the API table lists what custom-elements.json says', async () => {
    await openStory('default', page);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
    const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((entry) => entry.customElement);
    assert.equal(element.tagName, 'antom-card-binding');
    await page.locator('#api-details summary').click();
    const cells = async (caption) => page.locator(`table[aria-labelledby="api-${caption}"] tbody tr td:first-child`).allInnerTexts();
    assert.deepEqual(await cells('attributes-and-properties'), element.attributes.map((attribute) => attribute.name));
    assert.deepEqual(await cells('events'), element.events.map((event) => event.name));
    assert.deepEqual(await cells('css-parts'), element.cssParts.map((part) => part.name));
    assert.deepEqual(await cells('css-custom-properties'), element.cssProperties.map((property) => property.name));
    const propertyOnly = element.members.filter((member) => member.kind === 'field' && !member.static && !member.attribute && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#'));
    assert.deepEqual(await cells('properties-without-an-attribute'), propertyOnly.map((member) => member.name));
    for (const name of ['cardBrand', 'complete', 'resolvedLocale', 'hostedSdk']) assert.ok(propertyOnly.some((member) => member.name === name), name);
    const methods = await cells('methods');
    assert.deepEqual(
      methods.map((method) => method.replace(/\(.*$/, '')),
      ['submit', 'reset', 'reportOutcome', 'focus'],
    );
    for (const attribute of ['vaulting-session-data', 'locale', 'disabled', 'hide-submit-button', 'accepted-brands', 'submit-timeout']) {
      assert.ok(element.attributes.some((entry) => entry.name === attribute), attribute);
    }
    assert.deepEqual(element.events.map((event) => event.name).sort(), ['bound', 'change', 'error', 'expiring', 'hosted-event', 'pending', 'processing', 'ready', 'redirect', 'submit']);
    const results = await axe(page);
    assert.equal(results.violations.length, 0, `axe with the API open:\n${formatViolations(results.violations)}`);
    await page.screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'catalogue-api.png'), fullPage: true}));
  });

  test("the hosted story binds through Antom's real SDK and the double's success answer; the double's decline is declined", async () => {
    page.errors.length = 0;
    await openStory('hosted', page);
    await checkHostedMount(page);
    await page.locator('#stage antom-card-binding [part~="submit-button"]').click();
    await page.locator('#log-list li[data-event="bound"]').waitFor();
    assert.equal(await page.locator('#stage antom-card-binding [part~="alert"]').getAttribute('data-view'), 'success');
    assert.ok((await loggedEvents(page, 'hosted-event')).some((text) => text.includes('"code": "SDK_PAYMENT_SUCCESSFUL"')));
    assert.deepEqual(await loggedEvents(page, 'error'), []);
    await page.locator('#stage').screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'hosted-bound.png')}));

    await page.getByLabel('The double answers “Add card” with').selectOption('fail');
    await page.waitForURL(/scenario=fail/);
    await page.waitForSelector('body[data-story-state="ready"]');
    await page.locator('#stage antom-card-binding [part~="submit-button"]').click();
    await page.locator('#log-list li[data-event="error"]').waitFor();
    const errors = await loggedEvents(page, 'error');
    assert.ok(errors[0].includes('"code": "declined"') && errors[0].includes('CARD_NOT_SUPPORTED'), errors[0]);
    assert.equal(await page.locator('#stage antom-card-binding [part~="alert"]').getAttribute('data-view'), 'declined');
    assert.deepEqual(page.errors, []);
  });

  test('the 3-D Secure story goes to the emulator’s challenge page and comes back with the outcome', async () => {
    await openStory('three-d-secure', page);
    await page.getByRole('link', {name: 'Continue to the emulator’s 3-D Secure page'}).click();
    await page.waitForURL(/\/__sandbox\/3ds\//);
    await page.getByRole('button', {name: 'Pass verification'}).click();
    await page.waitForURL(/story=three-d-secure&vaulting=/);
    await page.waitForSelector('body[data-story-state="ready"]');
    const note = await page.locator('.story-note').innerText();
    assert.match(note, /SUCCESS, VISA \*{12}3220 is bound/);
    await page.locator('#stage').screenshot(cardSafe(page, {path: join(SCREENSHOTS, 'three-d-secure-returned.png')}));
    const results = await axe(page);
    assert.equal(results.violations.length, 0, formatViolations(results.violations));
  });
});
