import {expect, oneEvent} from '@open-wc/testing';
import '../../src/define.js';
import {AntomCardBinding} from '../../src/element/antom-card-binding.js';
import {readSession} from '../../src/session/read-session.js';
import {HOSTED_CODE_TABLE, type HostedOutcome} from '../../src/hosted/event-map.js';
import {makeSessionData} from '../element/helpers.js';
import {antomSession, fakeSdk, type FakeInstance} from './fake-sdk.js';

type Listener = {type: string; detail: unknown; cancelable: boolean};
const EVENTS = ['ready', 'submit', 'bound', 'error', 'redirect', 'pending', 'processing', 'hosted-event'];

function record(el: HTMLElement): Listener[] {
  const seen: Listener[] = [];
  for (const type of EVENTS) el.addEventListener(type, (event) => seen.push({type, detail: (event as Event & {detail?: unknown}).detail, cancelable: event.cancelable}));
  return seen;
}

const terminal = (seen: Listener[]) => seen.filter((e) => ['bound', 'error', 'redirect', 'pending'].includes(e.type));
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await tick(5);
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Mounted {
  el: AntomCardBinding;
  seen: Listener[];
  sdk: ReturnType<typeof fakeSdk>;
  instance: () => FakeInstance;
}

async function mountHosted(options: {sdk?: ReturnType<typeof fakeSdk>; session?: string; attrs?: Record<string, string>; viaProperty?: boolean; ready?: boolean} = {}): Promise<Mounted> {
  const sdk = options.sdk ?? fakeSdk();
  const el = document.createElement('antom-card-binding');
  for (const [name, value] of Object.entries(options.attrs ?? {})) el.setAttribute(name, value);
  if (options.viaProperty !== false) el.hostedSdk = sdk;
  el.vaultingSessionData = options.session ?? antomSession();
  const seen = record(el);
  document.body.append(el);
  const instance = () => sdk.instances.at(-1)!;
  if (options.ready !== false) await until(() => seen.some((e) => e.type === 'ready'), 'ready');
  await el.updateComplete;
  return {el, seen, sdk, instance};
}

describe('hosted mode', () => {
  afterEach(() => {
    document.querySelectorAll('antom-card-binding').forEach((el) => el.remove());
    AntomCardBinding.hostedSdk = null;
    delete (globalThis as {AMSVaulting?: unknown}).AMSVaulting;
  });

  describe('detection', () => {
    it('a VAULTING + CARD session without cardBinding is an Antom session: mode hosted', () => {
      const reading = readSession(antomSession());
      expect(reading.ok).to.equal(true);
      expect(reading.ok && reading.mode).to.equal('hosted');
      expect(reading.ok && reading.environment).to.equal(undefined);
      const sandbox = readSession(antomSession({clientId: 'SANDBOX_5YC2'}));
      expect(sandbox.ok && sandbox.environment).to.equal('sandbox');
    });

    it('an own session stays own-fields; a non-vaulting one is still malformed', async () => {
      const own = readSession(await makeSessionData());
      expect(own.ok && own.mode).to.equal('own-fields');
      const other = readSession(antomSession({paymentSessionConfig: {productScene: 'CHECKOUT_PAYMENT', paymentMethodCategoryType: 'CARD'}}));
      expect(other.ok).to.equal(false);
    });
  });

  describe('finding the SDK', () => {
    it('from the element property: mounts in a light-DOM container shown through a slot', async () => {
      const {el, seen, instance} = await mountHosted();
      const container = el.querySelector(':scope > div[slot="antom-hosted"]')!;
      expect(container).to.not.equal(null);
      expect(container.id).to.match(/^antom-hosted-[0-9a-f-]{36}$/);
      expect(el.shadowRoot!.querySelector('slot[name="antom-hosted"]')).to.not.equal(null);
      const {params, selector} = instance().mounted!;
      expect(selector).to.equal(`#${container.id}`);
      expect(params.sessionData).to.equal(el.vaultingSessionData);
      expect(params.notRedirectAfterComplete).to.equal(true);
      expect(params.appearance).to.deep.equal({showLoading: false, showSubmitButton: false});
      expect(instance().options.environment).to.equal('prod');
      expect(instance().options.locale).to.equal('en_US');
      expect(container.querySelector('#ams-component-container iframe')).to.not.equal(null);
      expect(seen.filter((e) => e.type === 'ready')).to.have.length(1);
      expect(seen.filter((e) => e.type === 'error')).to.have.length(0);
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    });

    it('from the static AntomCardBinding.hostedSdk', async () => {
      const sdk = fakeSdk();
      AntomCardBinding.hostedSdk = sdk;
      await mountHosted({sdk, viaProperty: false});
      expect(sdk.instances).to.have.length(1);
    });

    it('from globalThis.AMSVaulting (Antom script tag)', async () => {
      const sdk = fakeSdk();
      (globalThis as {AMSVaulting?: unknown}).AMSVaulting = sdk;
      await mountHosted({sdk, viaProperty: false});
      expect(sdk.instances).to.have.length(1);
    });

    it('property before static before global', async () => {
      const [property, fromStatic, global] = [fakeSdk(), fakeSdk(), fakeSdk()];
      AntomCardBinding.hostedSdk = fromStatic;
      (globalThis as {AMSVaulting?: unknown}).AMSVaulting = global;
      await mountHosted({sdk: property});
      expect([property.instances.length, fromStatic.instances.length, global.instances.length]).to.deep.equal([1, 0, 0]);
    });

    it('none: error hosted_sdk_missing saying how to provide it (never session_malformed); submit says it again', async () => {
      const el = document.createElement('antom-card-binding');
      el.vaultingSessionData = antomSession();
      const seen = record(el);
      const error = oneEvent(el, 'error');
      const logged: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.join(' '));
      try {
        document.body.append(el);
        const event = (await error) as Event & {detail: {code: string; message: string; retryable: boolean}};
        expect(event.detail.code).to.equal('hosted_sdk_missing');
        expect(event.detail.message).to.include("import {AMSVaulting} from '@alipay/ams-checkout'");
        expect(event.detail.message).to.include('globalThis.AMSVaulting');
        expect(event.detail.retryable).to.equal(false);
        expect(String(logged[0])).to.include('hosted mode needs');
      } finally {
        console.error = original;
      }
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="alert"]')).to.not.equal(null);
      expect(el.querySelector('[slot="antom-hosted"]')).to.equal(null);
      console.error = () => {};
      try {
        await el.submit();
      } finally {
        console.error = original;
      }
      expect(seen.filter((e) => e.type === 'error').map((e) => (e.detail as {code: string}).code)).to.deep.equal(['hosted_sdk_missing', 'hosted_sdk_missing']);
    });

    it('an SDK handed over after the error mounts', async () => {
      const el = document.createElement('antom-card-binding');
      el.vaultingSessionData = antomSession();
      const original = console.error;
      console.error = () => {};
      try {
        const error = oneEvent(el, 'error');
        document.body.append(el);
        await error;
      } finally {
        console.error = original;
      }
      const sdk = fakeSdk();
      const ready = oneEvent(el, 'ready');
      el.hostedSdk = sdk;
      await ready;
      expect(sdk.instances).to.have.length(1);
    });
  });

  describe('mount parameters', () => {
    it('environment: the attribute, else the session hint, else prod', async () => {
      const cases: [Record<string, string>, string, string][] = [
        [{environment: 'sandbox'}, antomSession(), 'sandbox'],
        [{}, antomSession({clientId: 'SANDBOX_1'}), 'sandbox'],
        [{environment: 'prod'}, antomSession({clientId: 'SANDBOX_1'}), 'prod'],
        [{}, antomSession({clientId: 'LIVE_1'}), 'prod'],
      ];
      for (const [attrs, session, expected] of cases) {
        const {el, instance} = await mountHosted({attrs, session});
        expect(instance().options.environment, JSON.stringify(attrs)).to.equal(expected);
        el.remove();
      }
    });

    it("locale: the element's resolved locale as Antom's code, all eight", async () => {
      const expected: Record<string, string> = {en: 'en_US', 'pt-BR': 'pt_BR', ko: 'ko_KR', es: 'es_ES', fr: 'fr_FR', de: 'de_DE', it: 'it_IT', nl: 'nl_NL'};
      for (const [locale, code] of Object.entries(expected)) {
        const {el, instance} = await mountHosted({attrs: {locale}});
        expect(instance().options.locale, locale).to.equal(code);
        el.remove();
      }
      const {instance} = await mountHosted({attrs: {locale: 'es-MX'}});
      expect(instance().options.locale).to.equal('es_ES');
    });

    it('a changed locale remounts in the new language', async () => {
      const {el, sdk} = await mountHosted({attrs: {locale: 'fr'}});
      el.locale = 'de';
      await until(() => sdk.instances.length === 2, 'a remount');
      expect(sdk.instances[0]!.unmounted).to.equal(true);
      expect(sdk.instances[1]!.options.locale).to.equal('de_DE');
    });

    it('the loading state is localized and accessible until Antom says the page is up', async () => {
      const {el, seen, instance} = await mountHosted({sdk: fakeSdk({autoReady: false}), attrs: {locale: 'de'}, ready: false});
      await until(() => !!instance()?.mounted, 'mount');
      await el.updateComplete;
      const loading = el.shadowRoot!.querySelector('[part="hosted-loading"]')!;
      expect(loading.textContent!.trim()).to.not.equal('Loading the secure card form…');
      expect(el.shadowRoot!.querySelector('[part="hosted"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(seen.filter((e) => e.type === 'ready')).to.have.length(0);
      await expect(el).to.be.accessible();
      instance().emit({code: 'SDK_END_OF_LOADING'});
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="hosted-loading"]')).to.equal(null);
      expect(seen.filter((e) => e.type === 'ready')).to.have.length(1);
    });
  });

  describe('events', () => {
    const expectedFor = (outcome: HostedOutcome): {type: string; code?: string} | null => {
      switch (outcome.kind) {
        case 'info':
          return null;
        case 'ready':
          return {type: 'ready'};
        case 'bound':
          return {type: 'bound'};
        case 'pending':
          return {type: 'pending'};
        case 'redirect':
          return {type: 'redirect'};
        case 'declined':
          return {type: 'error', code: 'declined'};
        case 'form_invalid':
          return {type: 'error', code: 'hosted_form_invalid'};
        case 'error':
          return {type: 'error', code: outcome.code};
      }
    };

    it('every code of the table maps as documented; an unknown code passes through in hosted-event only', async () => {
      const {el, seen, sdk} = await mountHosted({sdk: fakeSdk({autoReady: false}), ready: false});
      const rows = [...HOSTED_CODE_TABLE.map((rule) => ({code: rule.code, message: '', expected: expectedFor(rule.outcome), known: true})),
        {code: 'SDK_CREATECOMPONENT_ERROR', message: 'Load resource timeout', expected: {type: 'error', code: 'network_error'}, known: true},
        {code: 'SDK_CREATECOMPONENT_ERROR', message: 'Only one component can be rendered simultaneously', expected: {type: 'error', code: 'hosted_one_per_page'}, known: true},
        {code: 'SDK_SOMETHING_NEW', message: 'new', expected: null, known: false}];
      for (const [i, row] of rows.entries()) {
        // A new session each time: unmounts the last instance and mounts a fresh one.
        el.vaultingSessionData = antomSession({n: i});
        await until(() => sdk.instances.length === i + 1 && !!sdk.instances[i]!.mounted, `mount ${i}`);
        seen.length = 0;
        sdk.instances[i]!.emit({code: row.code, message: row.message, result: {paymentResultCode: 'DO_NOT_HONOR'}});
        await el.updateComplete;
        const passed = seen.filter((e) => e.type === 'hosted-event');
        expect(passed, row.code).to.have.length(1);
        expect((passed[0]!.detail as {known: boolean}).known, row.code).to.equal(row.known);
        const mapped = seen.filter((e) => e.type !== 'hosted-event');
        if (!row.expected) {
          expect(mapped, row.code).to.have.length(0);
          continue;
        }
        expect(mapped.map((e) => e.type), row.code).to.deep.equal([row.expected.type]);
        if (row.expected.code) expect((mapped[0]!.detail as {code: string}).code, row.code).to.equal(row.expected.code);
        if (row.expected.type === 'redirect') {
          expect(mapped[0]!.cancelable).to.equal(false);
          expect((mapped[0]!.detail as {navigatedBy: string}).navigatedBy).to.equal('sdk');
        }
        if (row.code === 'SDK_PAYMENT_FAIL') expect((mapped[0]!.detail as {resultCode: string}).resultCode).to.equal('DO_NOT_HONOR');
      }
      expect(sdk.instances.slice(0, -1).every((instance) => instance.unmounted)).to.equal(true);
    });

    it('the redirect names the URL the SDK opened', async () => {
      const {seen, instance} = await mountHosted();
      instance().emit({code: 'SDK_CALL_URL_SUCCESS', message: 'Successfully opened the app,normalUrl: https://3ds.example/acs?x=1'});
      const redirect = seen.find((e) => e.type === 'redirect')!;
      expect((redirect.detail as {url: string}).url).to.equal('https://3ds.example/acs?x=1');
    });

    it('submit() maps to the SDK submit and ends in exactly one terminal event', async () => {
      const {el, seen, instance} = await mountHosted();
      const done = el.submit();
      await until(() => instance().submits === 1, 'the SDK submit');
      expect(seen.filter((e) => e.type === 'submit')).to.have.length(1);
      instance().emit({code: 'SDK_PAYMENT_CHALLENGE'});
      instance().emit({code: 'SDK_CALL_URL_SUCCESS', message: 'Successfully opened the app,normalUrl: https://3ds.example/'});
      instance().emit({code: 'SDK_PAYMENT_SUCCESSFUL'});
      await done;
      expect(terminal(seen).map((e) => e.type)).to.deep.equal(['redirect']);
    });

    it('a submit answer shaped like a report is mapped; one terminal event', async () => {
      const {el, seen, instance} = await mountHosted({sdk: fakeSdk({submitAnswer: {code: 'SDK_PAYMENT_SUCCESSFUL'}})});
      await el.submit();
      instance().emit({code: 'SDK_PAYMENT_SUCCESSFUL'});
      expect(terminal(seen).map((e) => e.type)).to.deep.equal(['bound']);
      expect(terminal(seen)[0]!.detail).to.deep.equal({vaultingSessionId: null, brand: null, maskedCardNo: null});
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="alert"]')!.getAttribute('data-view')).to.equal('success');
    });

    it('no answer within submit-timeout: error timeout, once', async () => {
      const {el, seen} = await mountHosted({attrs: {'submit-timeout': '30'}});
      await el.submit();
      expect(terminal(seen).map((e) => (e.detail as {code: string}).code)).to.deep.equal(['timeout']);
    });

    it('a second submit while one is in flight: duplicate_submit, the first still ends once', async () => {
      const {el, seen, instance} = await mountHosted();
      const first = el.submit();
      await until(() => instance().submits === 1, 'the SDK submit');
      await el.submit();
      instance().emit({code: 'SDK_PAYMENT_FAIL'});
      await first;
      expect(terminal(seen).map((e) => (e.detail as {code: string}).code)).to.deep.equal(['duplicate_submit', 'declined']);
      expect(instance().submits).to.equal(1);
    });

    it('a cancelled submit event does not reach the SDK', async () => {
      const {el, instance} = await mountHosted();
      el.addEventListener('submit', (event) => event.preventDefault(), {once: true});
      await el.submit();
      expect(instance().submits).to.equal(0);
    });

    it("the element's own button submits; hide-submit-button hides it", async () => {
      const {el, instance} = await mountHosted();
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
      await until(() => instance().submits === 1, 'the SDK submit');
      el.hideSubmitButton = true;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.hidden).to.equal(true);
    });

    it('a rejected mount maps its code (a parameter error is session_malformed)', async () => {
      const {seen} = await mountHosted({sdk: fakeSdk({mountRejects: {code: 'SDK_CREATEPAYMENT_PARAMETER_ERROR', message: 'bad'}}), ready: false});
      await until(() => terminal(seen).length > 0, 'error');
      expect(terminal(seen).map((e) => (e.detail as {code: string}).code)).to.deep.equal(['session_malformed']);
    });

    it('the same error from onError and onEventCallback is one error event', async () => {
      const {el, seen, instance} = await mountHosted({sdk: fakeSdk({autoReady: false}), ready: false});
      await until(() => !!instance()?.mounted, 'mount');
      instance().error({code: 'SDK_CREATECOMPONENT_ERROR', message: 'Load resource timeout'});
      instance().emit({code: 'SDK_CREATECOMPONENT_ERROR', message: 'Load resource timeout'});
      await el.updateComplete;
      expect(terminal(seen).map((e) => (e.detail as {code: string}).code)).to.deep.equal(['network_error']);
      expect(el.shadowRoot!.querySelector('[part="alert"]')!.getAttribute('data-view')).to.equal('network');
    });
  });

  describe('lifecycle', () => {
    it('removal unmounts cleanly; reconnecting mounts again', async () => {
      const {el, sdk} = await mountHosted();
      el.remove();
      expect(sdk.instances[0]!.unmounted).to.equal(true);
      expect(el.querySelector('[slot="antom-hosted"]')).to.equal(null);
      expect(document.getElementById('ams-component-container')).to.equal(null);
      document.body.append(el);
      await until(() => sdk.instances.length === 2 && !!sdk.instances[1]!.mounted, 'a remount');
      expect(el.querySelectorAll('[slot="antom-hosted"]')).to.have.length(1);
    });

    it('a new session unmounts the old component and mounts the new one', async () => {
      const {el, sdk} = await mountHosted();
      const next = antomSession({n: 'next'});
      el.vaultingSessionData = next;
      await until(() => sdk.instances.length === 2 && !!sdk.instances[1]!.mounted, 'a remount');
      expect(sdk.instances[0]!.unmounted).to.equal(true);
      expect(sdk.instances[1]!.mounted!.params.sessionData).to.equal(next);
      expect(el.querySelectorAll('[slot="antom-hosted"]')).to.have.length(1);
    });

    it('an own session after a hosted one unmounts and shows the own fields', async () => {
      const {el, sdk} = await mountHosted();
      el.vaultingSessionData = await makeSessionData();
      await el.updateComplete;
      expect(sdk.instances[0]!.unmounted).to.equal(true);
      expect(el.querySelector('[slot="antom-hosted"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('form')).to.not.equal(null);
    });

    it('a second hosted element on the page gets error hosted_one_per_page and never reaches the SDK', async () => {
      const {sdk} = await mountHosted();
      const second = document.createElement('antom-card-binding');
      second.hostedSdk = sdk;
      second.vaultingSessionData = antomSession({n: 2});
      const error = oneEvent(second, 'error');
      const original = console.error;
      console.error = () => {};
      try {
        document.body.append(second);
        const event = (await error) as Event & {detail: {code: string; message: string}};
        expect(event.detail.code).to.equal('hosted_one_per_page');
        expect(event.detail.message).to.include('one card component per page');
      } finally {
        console.error = original;
      }
      expect(sdk.instances).to.have.length(1);
      expect(second.querySelector('[slot="antom-hosted"]')).to.equal(null);
    });
  });

  describe('safety and accessibility', () => {
    it('no card data anywhere: no inputs of ours, hosted-event carries no raw result', async () => {
      const {el, seen, instance} = await mountHosted();
      instance().emit({code: 'SDK_PAYMENT_SUCCESSFUL', result: {card: {cardNo: '4242424242424242', cvv: '123'}, paymentResultCode: 'SUCCESS'}});
      expect(el.shadowRoot!.querySelectorAll('input')).to.have.length(0);
      const text = JSON.stringify(seen.map((e) => e.detail));
      expect(text).to.not.include('4242424242424242');
      expect(text).to.not.include('cvv');
      const passed = seen.filter((e) => e.type === 'hosted-event').at(-1)!.detail as Record<string, unknown>;
      expect(Object.keys(passed).sort()).to.deep.equal(['code', 'known', 'message', 'resultCode']);
      expect(el.getAttributeNames().join(' ')).to.not.include('card');
    });

    it('the hosted view is accessible (axe)', async () => {
      const {el} = await mountHosted();
      await expect(el).to.be.accessible();
    });
  });
});
