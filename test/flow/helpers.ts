/**
 * Shared by the binding-flow tests: sessions from the test run's sandbox plugin
 * (scripts/wtr-sandbox-plugin.mjs), what the emulator and the test merchant saw, and the element.
 */
import {oneEvent} from '../element/helpers.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';

export interface FlowSession {
  sessionData: string;
  vaultingRequestId: string;
  vaultingSessionId: string;
}

export async function newSession(redirectUrl?: string, options: {dropFirstAnswer?: boolean} = {}): Promise<FlowSession> {
  const query = new URLSearchParams();
  if (redirectUrl) query.set('redirectUrl', redirectUrl);
  if (options.dropFirstAnswer) query.set('dropFirstAnswer', '1');
  return (await fetch(`/__flow/session?${query}`)).json();
}

export async function bindingsOf(vaultingSessionId: string): Promise<{state: string}[]> {
  const all: {vaultingSessionId: string; state: string}[] = await (await fetch('/__flow/bindings')).json();
  return all.filter((binding) => binding.vaultingSessionId === vaultingSessionId);
}

export async function notificationFor(vaultingRequestId: string): Promise<{verified: boolean; body: {result: {resultStatus: string; resultCode: string}; paymentMethodDetail?: {card?: {maskedCardNo?: string; cardToken?: string}}}}> {
  for (let i = 0; i < 100; i++) {
    const found = await (await fetch(`/__flow/notifications?id=${vaultingRequestId}`)).json();
    if (found.length > 0) return found[0];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no notification arrived');
}

export async function answerChallenge(url: string, outcome: 'pass' | 'fail'): Promise<{pageOffers: string[]; status: number; location: string | null}> {
  return (await fetch(`/__flow/challenge?url=${encodeURIComponent(url)}&outcome=${outcome}`)).json();
}

/** The origin a session sends the card to (the emulator, or the relay on its own port). */
export function submitOriginOf(sessionData: string): string {
  const metadata = JSON.parse(atob(sessionData.split('&&')[3]!)) as {cardBinding: {submitUrl: string}};
  return new URL(metadata.cardBinding.submitUrl).origin;
}

export async function mountSession(session: FlowSession, locale = 'en'): Promise<AntomCardBinding> {
  const el = document.createElement('antom-card-binding');
  el.locale = locale;
  // The test page trusts the gateway it started, as a merchant's page names its own.
  el.gatewayOrigins = [submitOriginOf(session.sessionData)];
  el.vaultingSessionData = session.sessionData;
  const ready = oneEvent(el, 'ready');
  document.body.append(el);
  await ready;
  return el;
}


/** Records the element's requests (and can drop the first response, as a dying gateway would). */
export function recordFetch(options: {loseFirstResponse?: boolean} = {}) {
  const original = window.fetch;
  const bodies: string[] = [];
  let calls = 0;
  window.fetch = async (resource: RequestInfo | URL, init?: RequestInit) => {
    const url = String(resource);
    if (url.startsWith('/__flow/')) return original(resource, init);
    calls++;
    bodies.push(String(init?.body ?? ''));
    const response = await original(resource, init);
    if (options.loseFirstResponse && calls === 1) {
      await response.text(); // the gateway did the work; the answer never reaches the page
      throw new TypeError('Failed to fetch');
    }
    return response;
  };
  return {
    bodies,
    get calls() {
      return calls;
    },
    restore: () => (window.fetch = original),
  };
}

export const alertTitle = (el: AntomCardBinding) => el.shadowRoot!.querySelector('[part~="alert"] h2')?.textContent ?? null;
export const alertBody = (el: AntomCardBinding) => el.shadowRoot!.querySelector('#alert-body')?.textContent ?? null;


/** A session of the merchant's relay (createCardBindingRelay), whose cards go to vaultPaymentMethod. */
export async function newRelaySession(redirectUrl?: string): Promise<FlowSession> {
  const query = new URLSearchParams();
  if (redirectUrl) query.set('redirectUrl', redirectUrl);
  return (await fetch(`/__flow/relay-session?${query}`)).json();
}

export interface RelayOutcomeSeen {
  status: string;
  attempt: number;
  vaultingRequestId: string;
  resultCode: string;
  reference: string | null;
  /** The token reduced to whether the relay had one. */
  card: {cardToken: boolean; brand?: string; maskedCardNo?: string} | null;
}

export async function relayOutcomes(sessionVaultingRequestId: string): Promise<RelayOutcomeSeen[]> {
  return (await fetch(`/__flow/relay-outcomes?id=${encodeURIComponent(sessionVaultingRequestId)}`)).json();
}

/** The vaultingRequestIds the relay sent to vaultPaymentMethod for one session, in order. */
export async function relayCallsFor(sessionVaultingRequestId: string): Promise<string[]> {
  const all: string[] = await (await fetch('/__flow/relay-calls')).json();
  return all.filter((id) => id === sessionVaultingRequestId || id.startsWith(`${sessionVaultingRequestId}-`));
}
