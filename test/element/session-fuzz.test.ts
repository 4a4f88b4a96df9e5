/**
 * Issue 12, "what held must keep holding": fuzzed session values never break the page. Each value
 * (random text, mangled real sessions, hostile JSON in the metadata segment, wrong types) ends in a
 * typed `error` or a usable form, never an uncaught error or an unhandled rejection, never a
 * polluted prototype; and the same element recovers when it is then given a good session.
 */
import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {fillValidCard, makeSessionData, mount, oneEvent} from './helpers.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';

const TYPED_CODES = ['session_malformed', 'session_expired'];

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** Session-shaped values: four segments around metadata that is almost, but not, what it should be. */
function hostileSessions(good: string): fc.Arbitrary<unknown> {
  const [token, region, segment2, metadata] = good.split('&&') as [string, string, string, string];
  const decoded = JSON.parse(atob(metadata)) as Record<string, unknown>;
  const json = fc.jsonValue({maxDepth: 3});
  const mutatedMetadata = fc.oneof(
    json.map((value) => JSON.stringify(value)),
    json.map((value) => JSON.stringify({...decoded, cardBinding: value})),
    json.map((value) => JSON.stringify({...decoded, paymentSessionConfig: value})),
    fc.constantFrom(
      '{"__proto__":{"polluted":true},"cardBinding":{"__proto__":{"polluted":true}}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      JSON.stringify({...decoded, cardBinding: {...(decoded.cardBinding as object), submitUrl: 'javascript:alert(1)'}}),
      JSON.stringify({...decoded, cardBinding: {...(decoded.cardBinding as object), expiryTime: 'yesterday'}}),
      JSON.stringify({...decoded, cardBinding: {...(decoded.cardBinding as object), encryptionKey: {kty: 'EC'}}}),
    ),
  );
  return fc.oneof(
    fc.string({maxLength: 300}),
    fc.string({maxLength: 40}).map((text) => text.repeat(200)),
    mutatedMetadata.map((text) => [token, region, segment2, base64(text)].join('&&')),
    fc.tuple(fc.string({maxLength: 20}), fc.string({maxLength: 5}), fc.string({maxLength: 5})).map(([a, b, c]) => [a, b, c, metadata].join('&&')),
    fc.integer({min: 1, max: 8}).map((count) => Array.from({length: count}, () => token).join('&&')),
    fc.constantFrom<unknown>(42, true, {vaultingSessionData: good}, [good], null, undefined, Symbol('s'), () => good),
  );
}

describe('<antom-card-binding> fuzzed sessions', function () {
  this.timeout(120_000);

  it('never break the page: a typed error or a form; no uncaught error, no pollution; the element recovers', async () => {
    const good = await makeSessionData();
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.message);
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const consoleError = console.error;
    console.error = () => {}; // the element names integration mistakes on the console, on purpose
    const el: AntomCardBinding = await mount();
    try {
      await fc.assert(
        fc.asyncProperty(hostileSessions(good), async (value) => {
          const codes: string[] = [];
          const listener = (event: Event) => codes.push((event as CustomEvent<{code: string}>).detail.code);
          el.addEventListener('error', listener);
          try {
            (el as unknown as {vaultingSessionData: unknown}).vaultingSessionData = value;
            await el.updateComplete;
            await new Promise((resolve) => setTimeout(resolve, 0));
            await el.updateComplete;
          } finally {
            el.removeEventListener('error', listener);
          }
          for (const code of codes) expect(TYPED_CODES, `code ${code}`).to.include(code);
          expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
          expect(uncaught).to.deep.equal([]);
        }),
        {numRuns: 100, seed: 20261201},
      );
      // The same element, given a good session, is a working form again.
      el.vaultingSessionData = await makeSessionData();
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 0));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('input#cardNumber')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="alert"]')).to.equal(null);
    } finally {
      console.error = consoleError;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      el.remove();
    }
  });

  it('a filled card with a hostile session goes nowhere but the page’s own submit URL (the good one’s)', async () => {
    const good = await makeSessionData();
    const original = window.fetch;
    const sent: string[] = [];
    window.fetch = async (resource: RequestInfo | URL) => {
      sent.push(String(resource));
      return new Response('{}', {status: 500});
    };
    const consoleError = console.error;
    console.error = () => {};
    try {
      await fc.assert(
        fc.asyncProperty(hostileSessions(good), async (value) => {
          const el = await mount();
          try {
            await fillValidCard(el);
            (el as unknown as {vaultingSessionData: unknown}).vaultingSessionData = value;
            await el.updateComplete;
            const ended = oneEvent(el, 'error');
            // submit() resolves when the attempt is over; it may also refuse the card (a session
            // that accepts no Visa) or do nothing (a session alert on screen): then no event comes.
            await el.submit();
            await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 20))]);
          } finally {
            el.remove();
          }
        }),
        {numRuns: 12, seed: 7},
      );
      for (const url of sent) expect(url).to.equal(`${location.origin}/__sandbox/submitCard`);
    } finally {
      window.fetch = original;
      console.error = consoleError;
    }
  });
});
