/**
 * Helpers for element tests: mount, read the shadow DOM, type like a user (real key events
 * through the browser's input pipeline via @web/test-runner-commands), and build session data.
 */
import {fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';
import type {CardFieldName} from '../../src/element/events.js';

export const TEST_CARDS = {
  visa: '4242424242424242',
  amex: '378282246310005',
  mastercard: '5555555555554444',
} as const;

export async function mount(template = html`<antom-card-binding></antom-card-binding>`): Promise<AntomCardBinding> {
  const el = await fixture<AntomCardBinding>(template);
  await el.updateComplete;
  return el;
}

export function input(el: AntomCardBinding, field: CardFieldName): HTMLInputElement {
  const found = el.shadowRoot!.querySelector<HTMLInputElement>(`#${field}`);
  if (!found) throw new Error(`no #${field} input`);
  return found;
}

export function errorText(el: AntomCardBinding, field: CardFieldName): string {
  return el.shadowRoot!.querySelector(`#${field}-error`)!.textContent!.trim();
}

export function liveText(el: AntomCardBinding): string {
  return el.shadowRoot!.querySelector('#live')!.textContent!.trim();
}

/** Focuses a field and types into it with real key presses. */
export async function typeInto(el: AntomCardBinding, field: CardFieldName, text: string): Promise<void> {
  input(el, field).focus();
  await sendKeys({type: text});
  await el.updateComplete;
}

export async function press(el: AntomCardBinding, key: string): Promise<void> {
  await sendKeys({press: key});
  await el.updateComplete;
}

/** Inserts text at the caret as a paste does (one input event carrying the whole text). */
export async function pasteInto(el: AntomCardBinding, field: CardFieldName, text: string): Promise<void> {
  const target = input(el, field);
  target.focus();
  target.setRangeText(text, target.selectionStart ?? 0, target.selectionEnd ?? 0, 'end');
  target.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste', bubbles: true, composed: true}));
  await el.updateComplete;
}

export async function blur(el: AntomCardBinding, field: CardFieldName): Promise<void> {
  input(el, field).blur();
  await el.updateComplete;
}

export function futureExpiry(yearsAhead = 3): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const year = String((now.getFullYear() + yearsAhead) % 100).padStart(2, '0');
  return `${month}${year}`;
}

export async function fillValidCard(el: AntomCardBinding, number: string = TEST_CARDS.visa, cvc?: string): Promise<void> {
  await typeInto(el, 'cardNumber', number);
  await typeInto(el, 'expiry', futureExpiry());
  await typeInto(el, 'cvc', cvc ?? (number.startsWith('3') ? '1234' : '123'));
  await typeInto(el, 'holderName', 'Ana Souza');
}

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

let testKey: Promise<JsonWebKey> | undefined;

/** A throwaway RSA public key as a JWK, like the one a gateway puts in the session. */
export function testEncryptionKey(): Promise<JsonWebKey> {
  testKey ??= crypto.subtle
    .generateKey({name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256'}, true, [
      'encrypt',
      'decrypt',
    ])
    .then((pair) => crypto.subtle.exportKey('jwk', pair.publicKey));
  return testKey;
}

export interface SessionOverrides {
  submitUrl?: string;
  acceptedBrands?: string[];
  holderNameRequired?: boolean;
  expiryTime?: string;
  /** The gateway's issue time (`cardBinding.issueTime`); absent unless given. */
  issueTime?: string;
  metadata?: Record<string, unknown>;
}

/** Builds a four-segment vaultingSessionData the way the emulator does. */
export async function makeSessionData(overrides: SessionOverrides = {}): Promise<string> {
  const jwk = await testEncryptionKey();
  const metadata = overrides.metadata ?? {
    paymentSessionConfig: {paymentMethodCategoryType: 'CARD', productScene: 'VAULTING', productSceneVersion: '1.0'},
    clientId: 'SANDBOX_TEST',
    cardBinding: {
      // The page's own origin, which the element trusts by default (the trust anchor); the gateway
      // stub (gateway-stub.ts) answers for this path.
      submitUrl: overrides.submitUrl ?? `${location.origin}/__sandbox/submitCard`,
      ...(overrides.acceptedBrands ? {acceptedBrands: overrides.acceptedBrands} : {}),
      ...(overrides.holderNameRequired === undefined ? {} : {holderNameRequired: overrides.holderNameRequired}),
      ...(overrides.issueTime ? {issueTime: overrides.issueTime} : {}),
      expiryTime: overrides.expiryTime ?? new Date(Date.now() + 30 * 60_000).toISOString(),
      encryptionKey: {kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RSA-OAEP-256', kid: 'test-1'},
      vaultingSessionId: 'VS_TEST_1',
    },
  };
  const token = base64('x'.repeat(64));
  return [token, 'SG', '188', base64(JSON.stringify(metadata))].join('&&');
}

export {oneEvent, html};
