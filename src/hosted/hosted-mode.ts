/**
 * Hosted mode (a lazy chunk): an Antom `vaultingSessionData` (no `cardBinding`) is rendered by
 * Antom's own web SDK, `AMSVaulting` + `mountComponent`, inside the same `<antom-card-binding>`.
 *
 * Why a light-DOM container: the SDK (1.47.2) finds its target with `document.querySelector`,
 * inserts its iframe and later looks its nodes up by id on `document`, and puts its styles in
 * `document.head` (antom-production.md §3.2-3.3), so none of it works inside a shadow root. The
 * element therefore appends `<div id="antom-hosted-<uuid>" slot="antom-hosted">` to itself and
 * shows it through a `<slot>` in its shadow root.
 *
 * One component per page: the SDK's ids are fixed (`ams-component-container`...) and each
 * instance refuses a second mount, so a second hosted element is refused here with
 * `hosted_one_per_page` before it reaches the SDK.
 *
 * Events: every SDK report goes out as `hosted-event`; the mapped ones (event-map.ts) also as the
 * element's own events, and at most one terminal event (`bound`, `error`, `redirect`,
 * `pending`) per mount and per `submit()`. The server (notifyVaulting / inquireVaulting) is the
 * source of truth: these client codes are for the page's navigation only.
 *
 * The frame's name: the SDK (1.47.2) creates its iframe (`#ams-checkout-component-desktop|mobile`)
 * without a `title`, so a MutationObserver on the light-DOM container gives every iframe the SDK
 * puts there the element's localized "Secure card form", and again if the SDK replaces the
 * iframe or changes the title.
 *
 * No card data passes here: the card is typed into Antom's iframe, on Antom's origin.
 */
import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {declineReason} from '../gateway/decline-reasons.js';
import {msgFor} from '../i18n/translator.js';
import {outcomeMessages} from '../element/outcome.js';
import type {SupportedLocale} from '../i18n/locales.js';
import type {Messages} from '../i18n/messages.js';
import type {AlertView} from '../element/alert-view.js';
import type {SessionReading} from '../session/read-session.js';
import {
  CardBoundEvent,
  CardPendingEvent,
  CardReadyEvent,
  CardRedirectEvent,
  CardSubmitEvent,
  type BindingErrorCode,
} from '../element/events.js';
import {CardHostedEvent} from './hosted-event.js';
import {hostedOutcome, redirectUrlOf, resultCodeOf, type HostedOutcome} from './event-map.js';
import {buildHostedMessages, localeMsg, type HostedMessages} from './messages.js';
import {ANTOM_LOCALES, hostedEnvironment, type HostedEnvironment} from './options.js';
import {findSdk, waitForSdk, ONE_PER_PAGE_MESSAGE, SDK_MISSING_MESSAGE, type SdkInstance, type SdkReport, type SdkSources} from './sdk.js';

export {HOSTED_CODE_TABLE} from './event-map.js';
export {ANTOM_LOCALES} from './options.js';

/** The slot (and the container's `slot` attribute) through which Antom's iframe shows. */
export const HOSTED_SLOT = 'antom-hosted';
/** The SDK's fixed container id (`esm/constant/index.js:305`). */
const SDK_CONTAINER_ID = 'ams-component-container';

type Host = ReactiveControllerHost &
  HTMLElement & {
    readonly hostedSdk: unknown;
    readonly environment: string | null;
    readonly resolvedLocale: SupportedLocale;
    readonly submitTimeout: number;
    readonly disabled: boolean;
    readonly hideSubmitButton: boolean;
    submit(): Promise<void>;
  };

export interface HostedDeps {
  readonly messages: () => Messages;
  readonly show: (view: AlertView) => void;
  readonly announce: (text: string) => void;
  readonly fail: (code: BindingErrorCode, message: string, retryable: boolean, resultCode?: string) => void;
}

/** The hosted element that owns the page's one SDK component (module scope: one per page). */
let pageOwner: HostedMode | null = null;

/**
 * After a rejected mount (its own load timeout, 15 s) the SDK cleans up 300 ms later by id
 * (`cleanContainer` -> `setTimeout(cleanElement, 300)`, esm/plugin/component/index.js:386,1951-1954):
 * it removes whatever `#ams-component-container` is on the page then, and the global listeners. A
 * mount in that window (a retry at once, a remount) would lose its container and time out too, so
 * the next mount waits until this moment has passed.
 */
const SDK_DELAYED_CLEANUP_MS = 400;
let sdkQuietAt = 0;

function isReport(value: unknown): value is SdkReport & {code: string} {
  return typeof value === 'object' && value !== null && typeof (value as SdkReport).code === 'string';
}

/** Gives each iframe in the container the accessible title (an attribute write only when it differs). */
function nameFrames(container: HTMLElement, title: string): void {
  for (const frame of container.querySelectorAll('iframe')) {
    if (frame.title !== title) frame.title = title;
  }
}

export class HostedMode implements ReactiveController {
  #wanted: SessionReading | null = null;
  /** What the current mount was made for; a change of any part remounts. */
  #key: readonly [string, SupportedLocale, HostedEnvironment, unknown] | null = null;
  #generation = 0;
  #instance: SdkInstance | null = null;
  #container: HTMLDivElement | null = null;
  /** Names the SDK's iframes in #container (see the module comment). */
  #frameNamer: MutationObserver | null = null;
  #mounting: Promise<void> = Promise.resolve();
  #loading = false;
  #ready = false;
  /** A problem found before the SDK mounted (no SDK, one per page): `submit()` reports it again. */
  #failure: {code: BindingErrorCode; message: string} | null = null;
  /** Whether the next terminal outcome may fire (once per mount and per submit()). */
  #open = false;
  #submitting = false;
  #endSubmit: (() => void) | null = null;
  #hm: HostedMessages = buildHostedMessages(msgFor(null));

  constructor(private readonly host: Host, private readonly deps: HostedDeps) {
    host.addController(this);
  }

  get submitting(): boolean {
    return this.#submitting;
  }

  /** The session to render (null: leave hosted mode, unmounting). */
  use(session: SessionReading | null): void {
    this.#wanted = session;
    if (!session) {
      this.#teardown();
      this.#key = null;
    }
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#teardown();
    this.#key = null;
  }

  hostUpdated(): void {
    const session = this.#wanted;
    if (!session || !this.host.isConnected || this.#submitting) return;
    const key = [session.value, this.host.resolvedLocale, hostedEnvironment(this.host.environment, session.environment ?? null), findSdk(this.#sources)] as const;
    if (this.#key && key.every((part, i) => part === this.#key![i])) return;
    this.#key = key;
    this.#mounting = this.#mount(session, key[1], key[2]);
  }

  get #sources(): SdkSources {
    return {property: this.host.hostedSdk, static: (this.host.constructor as {hostedSdk?: unknown}).hostedSdk};
  }

  async #mount(session: SessionReading, locale: SupportedLocale, environment: HostedEnvironment): Promise<void> {
    this.#teardown();
    const generation = this.#generation;
    this.#open = true;
    this.#loading = true;
    this.host.requestUpdate();
    const [Sdk, msg] = await Promise.all([waitForSdk(this.#sources, this.host.ownerDocument), localeMsg(locale).catch(() => msgFor(null))]);
    if (generation !== this.#generation) return;
    this.#hm = buildHostedMessages(msg);
    this.host.requestUpdate();
    if (!Sdk) return this.#refuse('hosted_sdk_missing', SDK_MISSING_MESSAGE);
    const quiet = sdkQuietAt - performance.now();
    if (quiet > 0) {
      await new Promise((resolve) => setTimeout(resolve, quiet));
      if (generation !== this.#generation) return;
    }
    const foreign = this.host.ownerDocument.getElementById(SDK_CONTAINER_ID);
    if ((pageOwner && pageOwner !== this) || (foreign && !this.host.contains(foreign))) {
      return this.#refuse('hosted_one_per_page', ONE_PER_PAGE_MESSAGE);
    }
    pageOwner = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the page's one SDK component is this element's
    const container = this.host.ownerDocument.createElement('div');
    container.id = `antom-hosted-${crypto.randomUUID()}`;
    container.slot = HOSTED_SLOT;
    container.style.cssText = 'display:block;width:100%';
    this.host.append(container);
    this.#container = container;
    const title = this.#hm.frameTitle;
    this.#frameNamer = new MutationObserver(() => nameFrames(container, title));
    this.#frameNamer.observe(container, {childList: true, subtree: true, attributes: true, attributeFilter: ['title']});
    const report = (value: SdkReport) => {
      if (generation === this.#generation) this.#onReport(value);
    };
    try {
      this.#instance = new Sdk({environment, locale: ANTOM_LOCALES[locale], onEventCallback: report, onError: report});
      // showLoading: false, since the loading state is the element's own (localized, accessible).
      // showSubmitButton: false is a guess (a public integration passes `true` to get Antom's
      // button): the element's own "Add card" button (or the page's, through submit()) submits.
      await this.#instance.mountComponent(
        {sessionData: session.value, notRedirectAfterComplete: true, appearance: {showLoading: false, showSubmitButton: false}},
        `#${container.id}`
      );
    } catch (error) {
      sdkQuietAt = performance.now() + SDK_DELAYED_CLEANUP_MS;
      // A rejected mount carries the SDK's {code, message}; a throwing constructor an Error.
      report(isReport(error) ? error : {code: 'SDK_INIT_PARAMETER_ERROR', message: error instanceof Error ? error.message : String(error)});
    }
  }

  #refuse(code: BindingErrorCode, message: string): void {
    console.error(`<antom-card-binding>: ${message}`);
    this.#failure = {code, message};
    this.#loading = false;
    this.#open = false;
    this.deps.show({kind: 'session_malformed'});
    this.deps.fail(code, message, false);
  }

  #teardown(): void {
    this.#generation++;
    const instance = this.#instance;
    this.#instance = null;
    try {
      instance?.unmount();
    } catch (error) {
      console.warn('<antom-card-binding>: the SDK failed to unmount', error);
    }
    this.#frameNamer?.disconnect();
    this.#frameNamer = null;
    this.#container?.remove();
    this.#container = null;
    if (pageOwner === this) pageOwner = null;
    this.#ready = false;
    this.#loading = false;
    this.#failure = null;
    this.#open = false;
    if (this.#submitting) this.#endSubmission();
  }

  /** Submits Antom's card page; resolves when the submission has its terminal event (or timed out). */
  async submit(hidden: boolean): Promise<void> {
    const m = this.deps.messages();
    if (this.#submitting) {
      this.deps.fail('duplicate_submit', m.duplicateSubmit, false);
      return;
    }
    await this.#mounting;
    if (this.#failure) {
      this.deps.show({kind: 'session_malformed'});
      this.deps.fail(this.#failure.code, this.#failure.message, false);
      return;
    }
    const instance = this.#instance;
    if (hidden || this.host.disabled || !instance || !this.host.dispatchEvent(new CardSubmitEvent())) return;
    const generation = this.#generation;
    this.#open = true;
    this.#submitting = true;
    this.host.requestUpdate();
    this.deps.announce(m.submitting);
    const ended = new Promise<void>((resolve) => (this.#endSubmit = resolve));
    const timer = setTimeout(() => {
      if (generation === this.#generation && this.#open) this.#terminal({kind: 'error', code: 'timeout', retryable: true}, '', '', undefined, undefined);
    }, this.host.submitTimeout);
    // What the vaulting app answers to submitPay is not known: an answer shaped like a report
    // ({code, ...}) is mapped like one; anything else waits for onEventCallback or the timeout.
    instance.submit().then(
      (answer) => {
        if (generation === this.#generation && isReport(answer)) this.#onReport(answer);
      },
      (error: unknown) => {
        if (generation === this.#generation) this.#onReport(isReport(error) ? error : {code: 'SDK_INTERNAL_ERROR', message: String(error)});
      }
    );
    await ended;
    clearTimeout(timer);
  }

  #endSubmission(): void {
    this.#submitting = false;
    this.host.requestUpdate();
    this.#endSubmit?.();
    this.#endSubmit = null;
  }

  #onReport(value: SdkReport): void {
    const code = typeof value.code === 'string' ? value.code : 'UNKNOWN';
    const message = typeof value.message === 'string' ? value.message : '';
    const resultCode = resultCodeOf(value.result);
    const outcome = hostedOutcome(code, message);
    this.host.dispatchEvent(new CardHostedEvent({code, message, known: outcome !== null, ...(resultCode ? {resultCode} : {})}));
    if (!outcome || outcome.kind === 'info') return;
    if (outcome.kind === 'ready') {
      if (this.#ready) return;
      this.#ready = true;
      this.#loading = false;
      this.host.requestUpdate();
      this.host.dispatchEvent(new CardReadyEvent());
      return;
    }
    if (this.#open) this.#terminal(outcome, code, message, resultCode, value.result);
  }

  /** The one terminal event of a mount or a submission. */
  #terminal(outcome: Exclude<HostedOutcome, {kind: 'info' | 'ready'}>, code: string, message: string, resultCode: string | undefined, result: unknown): void {
    this.#open = false;
    this.#loading = false;
    const m = this.deps.messages();
    // The outcome views' strings (and their alert texts) come with the outcome chunk, imported here.
    const o = outcomeMessages(this.host.resolvedLocale);
    const {show, fail} = this.deps;
    switch (outcome.kind) {
      case 'bound':
        // What the vaulting app reports with success is not known: brand, masked number and the
        // session id stay null; the server's notifyVaulting has them.
        show({kind: 'success', brand: null, last4: null});
        this.host.dispatchEvent(new CardBoundEvent({vaultingSessionId: null, brand: null, maskedCardNo: null}));
        break;
      case 'declined': {
        const reason = declineReason(resultCode ?? 'PROCESS_FAIL');
        show({kind: 'declined', reason});
        fail('declined', o.declineReasons[reason], false, resultCode);
        break;
      }
      case 'pending':
        show({kind: 'pending'});
        this.host.dispatchEvent(new CardPendingEvent({vaultingSessionId: null}));
        break;
      case 'redirect':
        show({kind: 'redirecting'});
        this.host.dispatchEvent(new CardRedirectEvent({url: redirectUrlOf(message, result), method: 'GET', navigatedBy: 'sdk'}, false));
        break;
      case 'form_invalid':
        // Antom's page shows the field errors itself; the buyer hears where to look.
        this.deps.announce(this.#hm.formInvalid);
        fail('hosted_form_invalid', this.#hm.formInvalid, true);
        break;
      case 'error':
        if (outcome.code === 'network_error' || outcome.code === 'timeout') {
          show({kind: 'network'});
          fail(outcome.code, m.networkBody, true);
        } else if (outcome.code === 'gateway_error') {
          show({kind: 'gateway', retryable: outcome.retryable});
          fail('gateway_error', outcome.retryable ? o.gatewayBody : o.gatewayFinalBody, outcome.retryable, resultCode);
        } else {
          // session_malformed, hosted_one_per_page: developer words, as for own-fields sessions.
          show({kind: 'session_malformed'});
          fail(outcome.code, outcome.code === 'hosted_one_per_page' ? ONE_PER_PAGE_MESSAGE : `Antom SDK ${code}: ${message}`, false);
        }
        break;
    }
    if (this.#submitting) this.#endSubmission();
    else this.host.requestUpdate();
  }

  render(hidden: boolean): TemplateResult {
    const m = this.deps.messages();
    const lang = this.host.resolvedLocale;
    if (this.#container) this.#container.inert = hidden || this.host.disabled;
    const busy = this.#submitting ? 'true' : 'false';
    return html`
      <style>
        .hosted { display: grid; gap: var(--antom-spacing, 12px); }
        .hosted-loading { margin: 0; min-height: 3rem; display: flex; align-items: center; gap: 0.5em; color: var(--antom-color-text-muted, inherit); }
        slot::slotted(*) { display: block; width: 100%; }
      </style>
      <div class="hosted" part="hosted" lang=${lang} role="group" aria-label=${m.formLabel} aria-busy=${this.#loading ? 'true' : 'false'} ?hidden=${hidden}>
        ${this.#loading ? html`<p class="hosted-loading" part="hosted-loading"><span class="spinner" aria-hidden="true"></span>${this.#hm.loading}</p>` : nothing}
        <slot name=${HOSTED_SLOT}></slot>
        <button class="submit" part="submit-button" type="button" ?hidden=${this.host.hideSubmitButton || !this.#ready}
          ?disabled=${this.host.disabled} aria-disabled=${busy} aria-busy=${busy} @click=${() => void this.host.submit()}>
          ${this.#submitting ? html`<span class="spinner" aria-hidden="true"></span>${m.submitting}` : m.submit}
        </button>
      </div>
    `;
  }
}
