/**
 * <antom-card-binding>: a card-binding form for Antom's independent card-binding (vaulting) flow.
 *
 * This class is the table of contents; each job is a reactive controller in ./controllers:
 * - SessionController: reads `vaultingSessionData` (no zod), its lifetime and `expiring`;
 * - LocaleController: the language and its messages;
 * - CardFieldsController: formatting, validation state, shown errors, `change`, auto-advance;
 * - BindingController: one submission to exactly one terminal event (zod and the gateway load lazily);
 * - AnnouncerController: the live region; FocusController: where focus goes.
 * Templates are pure functions of state (form-template.ts: the four fields in one template, and alert-view.ts,
 * which loads with the outcome chunk: on the first submit, or when a session problem is shown).
 *
 * Rendering and submitting depend on the session's `mode`: `own-fields` (this library's form)
 * or `hosted` (an Antom session: Antom's own web SDK, `src/hosted/`, a lazy chunk loaded only
 * for such a session), picked in `#renderMode()` and `submit()`.
 *
 * Card data lives only in the inputs and in CardFieldsController's private fields; never in
 * attributes, reactive properties, events, logs or errors. It is wiped once the gateway has it.
 */
import {LitElement, adoptStyles, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {styles} from './antom-card-binding.styles.js';
import {isDismissible, type AlertView} from './alert-kinds.js';
import {renderForm} from './form-template.js';
import {AnnouncerController} from './controllers/announcer.js';
import {FocusController} from './controllers/focus.js';
import {LocaleController} from './controllers/locale.js';
import {SessionController} from './controllers/session.js';
import {CardFieldsController} from './controllers/card-fields.js';
import {BindingController, submitPath} from './controllers/binding.js';
import {BrandMarks} from './brand-marks.js';
import {
  CardExpiringEvent,
  CardReadyEvent,
  CardSubmitEvent,
  keepErrorEventsOffWindow,
  type AntomCardBindingEventMap,
  type ReportedOutcome,
} from './events.js';
import {CARD_BRANDS, brandRule, type CardBrand, type CardErrorCode} from '../card/index.js';
import type {SupportedLocale} from '../i18n/locales.js';
import type {SessionReadResult} from '../session/read-session.js';
import type {HostedMode} from '../hosted/hosted-mode.js';

/** The form, or an alert view instead of it. */
type View = {kind: 'form'} | AlertView;

const DEFAULT_SUBMIT_TIMEOUT = 30_000;
const DEFAULT_PROCESSING_TIMEOUT = 20_000;
const DEFAULT_EXPIRY_WARNING = 60_000;
/** Longer than this is a typo (1e12): a submission must end while the buyer still waits. */
const MAX_TIMEOUT = 600_000;

const originListConverter = {
  fromAttribute(value: string | null): string[] {
    return value ? value.split(/[\s,]+/).filter(Boolean) : [];
  },
  toAttribute(value: readonly string[]): string | null {
    return value.length > 0 ? value.join(' ') : null;
  },
};

const brandListConverter = {
  fromAttribute(value: string | null): CardBrand[] | null {
    if (value === null) return null;
    return value
      .split(/[\s,]+/)
      .map((brand) => brand.trim().toUpperCase())
      .filter((brand): brand is CardBrand => (CARD_BRANDS as readonly string[]).includes(brand));
  },
  toAttribute(value: readonly CardBrand[] | null): string | null {
    return value ? value.join(' ') : null;
  },
};

/** A positive number of milliseconds up to MAX_TIMEOUT, else the default with one warning. */
function timeoutConverter(name: string, fallback: number) {
  return {
    fromAttribute(value: string | null): number {
      if (value === null) return fallback;
      const parsed = Number(value.trim());
      if (value.trim() !== '' && Number.isFinite(parsed) && parsed > 0 && parsed <= MAX_TIMEOUT) return parsed;
      console.warn(`<antom-card-binding>: ${name}="${value}" is not a number of milliseconds between 1 and ${MAX_TIMEOUT}; using ${fallback}.`);
      return fallback;
    },
  };
}

function displayBrand(brand: string | null): string | null {
  if (!brand) return null;
  return (CARD_BRANDS as readonly string[]).includes(brand) ? brandRule(brand as CardBrand).displayName : brand;
}

/**
 * A card form that binds (vaults) a buyer's card through Antom's card-binding flow.
 *
 * @summary Card number, expiry, security code and name; encrypted in the browser and sent to the
 * vaulting gateway named by the session.
 *
 * @fires ready - Fields are rendered in their language and usable. `CardReadyEvent`.
 * @fires change - Completeness, emptiness, brand or shown errors changed.
 *   `detail: { complete, empty, brand, errors }`; never the card data. `CardChangeEvent`.
 * @fires submit - A valid card is about to be encrypted and sent; cancelable. `CardSubmitEvent`.
 * @fires bound - The card is bound. `detail: { vaultingSessionId, brand, maskedCardNo }`. `CardBoundEvent`.
 * @fires error - Something failed. `detail: { code, message, retryable, resultCode? }`. `CardBindingErrorEvent`.
 * @fires redirect - The gateway asks for a navigation (3-D Secure); cancelable.
 *   `detail: { url, method, fields? }`. `CardRedirectEvent`.
 * @fires processing - The gateway accepted the card and is still deciding (not terminal): ask your
 *   server, then call `reportOutcome()`. `detail: { vaultingSessionId }`. `CardProcessingEvent`.
 * @fires pending - Terminal: no outcome within `processing-timeout`; the buyer is told "we'll let
 *   you know" and your server learns the outcome from notifyVaulting / inquireVaulting.
 *   `detail: { vaultingSessionId }`. `CardPendingEvent`.
 * @fires hosted-event - Hosted mode: every code Antom's SDK reports, mapped or not.
 *   `detail: { code, message, known, resultCode? }`. `CardHostedEvent`.
 * @fires expiring - The session ends in `expiry-warning` ms or less (or the buyer asked for more
 *   time): set a fresh `vaultingSessionData`; the typed card stays. `detail: { remainingMs,
 *   requestedByBuyer }`. `CardExpiringEvent`.
 *
 * @csspart form - The `<form>` around all fields.
 * @csspart field - Each field's wrapper.
 * @csspart card-number-field - The card number field's wrapper.
 * @csspart expiry-field - The expiry field's wrapper.
 * @csspart cvc-field - The security code field's wrapper.
 * @csspart holder-name-field - The cardholder name field's wrapper.
 * @csspart label - Each field's label.
 * @csspart input - Each text input.
 * @csspart card-number-input - The card number input.
 * @csspart expiry-input - The expiry input.
 * @csspart cvc-input - The security code input.
 * @csspart holder-name-input - The cardholder name input.
 * @csspart error - Each field's error line (one line is reserved, so a first error does not move the layout; a longer message grows it).
 * @csspart brand-icon - The detected brand's mark inside the card number field (a neutral card outline while none is known).
 * @csspart accepted-brands - The accepted brands' marks beside the card number's label (only with a brand list from the session or `accepted-brands`; hidden once digits are typed).
 * @csspart submit-button - The "Add card" button.
 * @csspart alert - The alert view (processing, success, declines, failures, session problems).
 * @csspart alert-title - The alert view's heading.
 * @csspart alert-action - Buttons in the alert view (also `try-again`, `reload`).
 * @csspart expiry-warning - The "this form expires soon" notice above the fields.
 * @csspart hosted - Hosted mode: the box around Antom's card page (shown through a slot).
 * @csspart hosted-loading - Hosted mode: "Loading the secure card form…" until Antom's page is up.
 *
 * @slot antom-hosted - Used by the element itself in hosted mode (its light-DOM container for Antom's iframe).
 *
 * @cssprop [--antom-font-family=inherit] - Font of the whole element (the page's by default).
 * @cssprop [--antom-font-size=1rem] - Base font size (inputs never go below 16px, to avoid iOS zoom).
 * @cssprop [--antom-color-text=inherit] - Text colour on the page's background (labels, notices).
 * @cssprop [--antom-color-field-text] - Text on the element's own surfaces (typed text, alerts), paired with `--antom-color-background`.
 * @cssprop [--antom-color-text-muted] - Placeholders and secondary text.
 * @cssprop [--antom-color-background] - Input and alert background.
 * @cssprop [--antom-color-border] - Input borders (keep 3:1 contrast with the background).
 * @cssprop [--antom-color-focus] - Focus ring.
 * @cssprop [--antom-color-error] - Error text and invalid borders.
 * @cssprop [--antom-color-success] - The success mark of the "card added" view.
 * @cssprop [--antom-color-primary] - Submit button background.
 * @cssprop [--antom-color-on-primary] - Submit button text.
 * @cssprop [--antom-radius=6px] - Corner radius of inputs, buttons and alerts.
 * @cssprop [--antom-spacing=12px] - Gap between fields.
 * @cssprop [--antom-max-width=28rem] - Maximum width of the element.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface below only adds typed addEventListener overloads
export class AntomCardBinding extends LitElement {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = {...LitElement.shadowRootOptions, delegatesFocus: true};
  // Declared here rather than with decorators: the decorator helpers cost bytes on the path to
  // `ready`. Each property's documentation (and its @attr) stays with its field below.
  static override properties = {
    vaultingSessionData: {attribute: 'vaulting-session-data'},
    locale: {reflect: true},
    disabled: {type: Boolean, reflect: true},
    hideSubmitButton: {type: Boolean, attribute: 'hide-submit-button'},
    autoAdvance: {type: Boolean, attribute: 'auto-advance'},
    gatewayOrigins: {attribute: 'gateway-origins', converter: originListConverter},
    acceptedBrands: {attribute: 'accepted-brands', converter: brandListConverter},
    submitTimeout: {attribute: 'submit-timeout', converter: timeoutConverter('submit-timeout', DEFAULT_SUBMIT_TIMEOUT)},
    processingTimeout: {attribute: 'processing-timeout', converter: timeoutConverter('processing-timeout', DEFAULT_PROCESSING_TIMEOUT)},
    expiryWarning: {attribute: 'expiry-warning', converter: timeoutConverter('expiry-warning', DEFAULT_EXPIRY_WARNING)},
    hostedSdk: {attribute: false},
    environment: {},
  };

  /**
   * The `vaultingSessionData` string from createVaultingSession's answer. Without it the form
   * still renders and validates; submitting ends in `error` `session_missing`. Anything but a
   * string (the whole answer object, say) ends in `error` `session_malformed` and a console error.
   * A new value replaces the session and keeps what the buyer typed (renewal).
   * @attr vaulting-session-data
   */
  vaultingSessionData: string | null = null;

  /**
   * Language: Antom codes (`pt_BR`) or BCP 47 tags (`pt-BR`, `es-MX`). Without it the element
   * follows the nearest ancestor `lang`, then the browser's languages; unknown values fall back
   * to English with a console warning.
   * @attr locale
   */
  locale: string | null = null;

  /** Disables every field and the button. @attr disabled */
  disabled = false;

  /** Hides the built-in button, for pages that call `submit()` from their own. @attr hide-submit-button */
  hideSubmitButton = false;

  /**
   * Moves focus to the next field once one is finished (off by default, WCAG 3.2.2). When on,
   * the card number's description tells the buyer; it never moves on a rejected key, from a field
   * the buyer came back to, or while the number could still grow (a 19-digit Visa).
   * @attr auto-advance
   */
  autoAdvance = false;

  /**
   * Origins besides the page's own that the page trusts with the card, space-separated (for
   * example the sandbox emulator's `http://127.0.0.1:4010` in development). The card goes only to
   * a submit URL on the page's origin (where a merchant relay lives) or on one of these, over
   * https (plain http only on a loopback host); a session naming anything else ends in `error`
   * `session_malformed` and the card goes nowhere. Nothing is trusted automatically, loopback
   * included.
   * @attr gateway-origins
   */
  gatewayOrigins: string[] = [];

  /**
   * Brands to accept, space- or comma-separated (`"VISA MASTERCARD"`); intersected with the
   * session's accepted brands. Absent: whatever the session accepts.
   * @attr accepted-brands
   */
  acceptedBrands: CardBrand[] | null = null;

  /**
   * Milliseconds before a submission without an answer counts as a timeout (1 to 600000;
   * anything else falls back to 30000 with a console warning).
   * @attr submit-timeout
   */
  submitTimeout = DEFAULT_SUBMIT_TIMEOUT;

  /**
   * Milliseconds a PROCESSING answer may wait for `reportOutcome()` before the "we'll let you
   * know" view and `pending` end the submission (default 20000).
   * @attr processing-timeout
   */
  processingTimeout = DEFAULT_PROCESSING_TIMEOUT;

  /**
   * How long before the session's end `expiring` fires and the buyer is warned (default 60000 ms).
   * @attr expiry-warning
   */
  expiryWarning = DEFAULT_EXPIRY_WARNING;

  /**
   * Hosted mode: Antom's `AMSVaulting` class (`import {AMSVaulting} from '@alipay/ams-checkout'`).
   * Without it, `AntomCardBinding.hostedSdk`, then `globalThis.AMSVaulting` (Antom's script tag).
   */
  hostedSdk: unknown = null;

  /** `AMSVaulting` for every element on the page (set once by a bundler user). */
  static hostedSdk: unknown = null;

  static {
    // The properties' accessors go on the prototype now, as decorators would put them, not at
    // `customElements.define`: wrappers that look at the class before the tag is defined
    // (@lit/react's `prop in prototype`) must see properties, not attributes.
    this.finalize();
  }

  /**
   * Hosted mode: Antom's environment, `sandbox` or `prod`. Absent: `sandbox` for a session whose
   * metadata names a `SANDBOX_` client id, else `prod`.
   * @attr environment
   */
  environment: string | null = null;

  #view: View = {kind: 'form'};
  /** Seconds left when the expiry warning appeared; null: no warning shown. */
  #warningSeconds: number | null = null;
  // Internal reactive state: setters that ask for a render (what `@state()` would generate).
  private get view(): View {
    return this.#view;
  }
  private set view(view: View) {
    this.#view = view;
    this.requestUpdate();
  }
  private get warningSeconds(): number | null {
    return this.#warningSeconds;
  }
  private set warningSeconds(seconds: number | null) {
    this.#warningSeconds = seconds;
    this.requestUpdate();
  }

  readonly #announcer = new AnnouncerController(this);
  readonly #focus = new FocusController(this);
  readonly #locale = new LocaleController(this);
  readonly #session = new SessionController(this, {
    onRead: (result) => this.#onSessionRead(result),
    onExpiring: (remainingMs) => this.#onExpiring(remainingMs, false),
    onExpired: () => this.#onExpired(),
  });
  readonly #fields = new CardFieldsController(
    this,
    this.#focus,
    () => ({acceptedBrands: this.#acceptedBrands, holderNameRequired: this.#session.session?.holderNameRequired ?? true}),
    (code) => this.#announcer.announce(this.#errorText(code))
  );
  readonly #binding = new BindingController(this, {
    messages: () => this.#locale.messages,
    locale: () => this.#locale.active,
    show: (view) => this.#show(view),
    announce: (text) => this.#announcer.announce(text),
    secrets: () => this.#fields.secrets(),
    wipe: () => this.#fields.clear(true),
    displayBrand,
  });
  readonly #marks = new BrandMarks(this);
  #namesKey = '';
  #names = '';
  /** The outcome chunk once loaded: the alert views (and their styles) live there. */
  #alerts: typeof import('./outcome.js') | null = null;
  #alertsLoad: Promise<unknown> | null = null;
  /** Its load failed: the entry's own small network view stands in (see #renderFallbackAlert). */
  #alertsFailed = false;
  #hosted: HostedMode | null = null;
  #hostedLoad: Promise<HostedMode> | null = null;
  #readyFired = false;
  #readyHeard = false;
  /**
   * Resolves when `ready` first fires (the form, or in hosted mode Antom's page, is up): for code
   * that arrives after the event, such as a framework hydrating server-rendered markup.
   */
  readonly whenReady: Promise<void> = new Promise((resolve) => {
    this.addEventListener(CardReadyEvent.eventName, (event) => {
      if (event.target !== this) return;
      this.#readyHeard = true;
      resolve();
    });
  });
  /** The session problem already reported with `error` (once per session value). */
  #reported: string | null = null;
  /** The session's lifetime ran out: reported as `session_expired` once its view is on screen. */
  #expiredToReport = false;

  /** The detected brand, or null. */
  get cardBrand(): CardBrand | null {
    return this.#fields.brand;
  }

  /** Whether every field is valid. */
  get complete(): boolean {
    return this.#fields.complete;
  }

  /** Whether `ready` has fired (a `ready` listener added later never hears it; see `whenReady`). */
  get isReady(): boolean {
    return this.#readyHeard;
  }

  /** The locale actually in use after matching and fallbacks (e.g. `pt-BR`). */
  get resolvedLocale(): SupportedLocale {
    return this.#locale.active;
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    // InputEvent.data holds typed characters; `change` tells the page what it needs instead.
    this.renderRoot.addEventListener('input', stopAtShadowRoot);
    keepErrorEventsOffWindow(this.ownerDocument);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('input', stopAtShadowRoot);
  }

  /** The first render waits for the locale's strings, so no English flashes before them. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.hasUpdated || this.#locale.settled ? super.shouldUpdate(changed) : false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('acceptedBrands') && this.hasUpdated) this.#fields.revalidate(null);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Any view but the form needs the views' chunk (a session problem sets its view during the
    // update, without #show): load it now, the render that follows draws the view.
    if (this.#alertsPending && !this.#alertsLoad) void this.#loadAlerts();
    // Hosted mode fires `ready` itself, when Antom's page is up.
    if (!this.#readyFired && this.#locale.settled && this.#session.session?.mode !== 'hosted') {
      this.#readyFired = true;
      this.dispatchEvent(new CardReadyEvent());
    }
    this.#reportSessionProblem();
  }

  /** Resolves once rendered with the locale's strings. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (!this.#locale.settled || this.#alertsPending) {
      await (this.#locale.settled ? this.#loadAlerts() : this.#locale.loading);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  // ---- public methods ----

  /**
   * Validates and, when valid and a session is present, encrypts the card and sends it.
   * Resolves when the attempt has been answered; the outcome arrives as `bound`, `error`,
   * `redirect` or (after `processing`) `pending`. While `disabled` or while an alert view is shown
   * instead of the form, nothing is sent and `error` `unavailable` says so.
   */
  async submit(): Promise<void> {
    if (this.#session.session?.mode === 'hosted') {
      await (await this.#loadHosted())?.submit(this.view.kind !== 'form');
      return;
    }
    const m = this.#locale.messages;
    if (this.#binding.submitting) {
      this.#binding.fail('duplicate_submit', m.duplicateSubmit, false);
      return;
    }
    if (this.view.kind !== 'form' || this.disabled) {
      // Every call ends in an event: the page learns it sent nothing (the view's own event, if
      // any, already told why). A retry can work once re-enabled, or after a view the buyer may close.
      this.#binding.fail('unavailable', m.unavailable, this.view.kind === 'form' || isDismissible(this.view));
      return;
    }
    const invalid = this.#fields.revealAll();
    if (invalid.length > 0) {
      this.#announcer.announce(invalid.length === 1 ? m.oneFieldNeedsAttention : m.fieldsNeedAttention(invalid.length));
      this.#focus.field(invalid[0]!);
      return;
    }
    const session = this.#session.session;
    if (!session) {
      this.#show({kind: 'session_missing'});
      this.#binding.fail('session_missing', m.sessionMissing, false);
      return;
    }
    if (!this.dispatchEvent(new CardSubmitEvent())) return;
    await this.#binding.bind(session.value);
  }

  /** Empties every field and returns to the form (a session problem stays shown). */
  reset(): void {
    this.#fields.clear(false);
    this.#binding.forgetAttempt();
    if (isDismissible(this.view)) this.view = {kind: 'form'};
  }

  /**
   * Hands over the outcome of a PROCESSING submission that the page learned from its server
   * (notifyVaulting or inquireVaulting): `{status: 'SUCCESS', brand?, maskedCardNo?}` ends it in
   * `bound`, `{status: 'FAIL', resultCode?}` in `error` `declined`. Ignored once `pending` fired.
   */
  reportOutcome(outcome: ReportedOutcome): void {
    this.#binding.report(outcome);
  }

  /** Focuses the card number field (or the alert's heading while an alert is shown). */
  override focus(options?: FocusOptions): void {
    if (this.view.kind !== 'form') this.renderRoot.querySelector<HTMLElement>('#alert-title')?.focus(options);
    else this.#focus.input('cardNumber')?.focus(options);
  }

  // ---- session ----

  get #acceptedBrands(): readonly CardBrand[] | undefined {
    const fromSession = this.#session.session?.acceptedBrands ?? null;
    const fromAttribute = this.acceptedBrands;
    if (fromSession && fromAttribute) return fromSession.filter((brand) => fromAttribute.includes(brand));
    return fromSession ?? fromAttribute ?? undefined;
  }

  /** The accepted brands' names as a list in the element's language ("Visa, Mastercard and JCB"). */
  #acceptedNames(): string | null {
    const brands = this.#acceptedBrands;
    if (!brands?.length) return null;
    // Asked on every render (the number's description): an Intl.ListFormat per keystroke is not free.
    const key = `${this.#locale.active} ${brands.join(' ')}`;
    if (this.#namesKey !== key) {
      this.#namesKey = key;
      this.#names = new Intl.ListFormat(this.#locale.active, {type: 'conjunction'}).format(brands.map((brand) => brandRule(brand).displayName));
    }
    return this.#names;
  }

  #errorText(code: CardErrorCode): string {
    const m = this.#locale.messages;
    const names = code === 'card_number.unsupported_brand' ? this.#acceptedNames() : null;
    return names ? m.unsupportedBrandNamed(names) : m.errors[code];
  }

  #onSessionRead(result: SessionReadResult | null): void {
    this.#reported = null;
    this.#expiredToReport = false;
    this.warningSeconds = null;
    if (this.view.kind.startsWith('session_')) this.view = {kind: 'form'};
    if (result && !result.ok) {
      // The console and `error` hear the developer's words once the view is on screen
      // (#reportSessionProblem); the buyer sees buyer words.
      this.#fields.clear(true);
      this.view = {kind: 'session_malformed'};
    }
    if (result?.ok && result.mode === 'hosted') {
      this.#fields.clear(true);
      void this.#loadHosted().then((hosted) => this.#session.result === result && hosted?.use(result));
    } else {
      this.#hosted?.use(null);
    }
    if (this.hasUpdated) this.#fields.revalidate(null);
  }

  #onExpiring(remainingMs: number, requestedByBuyer: boolean): void {
    if (!requestedByBuyer && this.view.kind === 'form') {
      this.warningSeconds = Math.max(1, Math.round(remainingMs / 1000));
      this.#announcer.announce(this.#locale.messages.expiryWarning(this.warningSeconds));
    }
    this.dispatchEvent(new CardExpiringEvent({remainingMs, requestedByBuyer}));
  }

  #onExpired(): void {
    this.warningSeconds = null;
    // A binding in flight or finished decides for itself; only an idle form expires.
    if (this.#binding.submitting || (this.view.kind !== 'form' && !isDismissible(this.view))) return;
    this.#fields.clear(true);
    this.#show({kind: 'session_expired'});
    this.#reported = null;
    this.#expiredToReport = true;
    this.#reportSessionProblem();
  }

  /** Fires `error` once per session problem, after the alert is on screen. */
  #reportSessionProblem(): void {
    const result = this.#session.result;
    const problem = this.#expiredToReport ? 'session_expired' : result && !result.ok ? result.code : null;
    // After the alert is on screen: its chunk may still be on the way.
    if (!problem || this.#reported === problem || !this.#locale.settled || this.#alertsPending) return;
    this.#reported = problem;
    this.#expiredToReport = false;
    let message = this.#locale.messages.sessionExpiredBody;
    if (problem !== 'session_expired' && result && !result.ok) {
      // The words come with the views' chunk; if it could not load, the key still says which check failed.
      const reason = this.#alerts?.describeSessionProblem(result) ?? `refused (${result.problem})`;
      console.error(`<antom-card-binding>: ${reason}`);
      message = `vaultingSessionData: ${reason}`;
    }
    this.#binding.fail(problem, message, false);
    if (this.#focus.within) this.#focus.toAlert();
  }

  /** Loads hosted mode's chunk once; a failed load ends in `error` `network_error` (tried again next time). */
  #loadHosted(): Promise<HostedMode | null> {
    this.#hostedLoad ??= import('../hosted/hosted-mode.js').then(
      ({HostedMode}) =>
        (this.#hosted = new HostedMode(this, {
          messages: () => this.#locale.messages,
          show: (view) => this.#show(view),
          announce: (text) => this.#announcer.announce(text),
          fail: (...args) => this.#binding.fail(...args),
        }))
    );
    return this.#hostedLoad.catch(() => {
      this.#hostedLoad = null;
      this.#show({kind: 'network'});
      this.#binding.fail('network_error', this.#locale.messages.networkBody, true);
      return null;
    });
  }

  // ---- views ----

  #show(view: AlertView): void {
    this.warningSeconds = null;
    this.view = view;
    if (this.#focus.within) {
      // The heading and its description are read out when focus lands on it: that is the one
      // announcement (focus waits for the heading if the views' chunk is still on the way).
      this.#focus.toAlert();
      void this.#loadAlerts();
      return;
    }
    const m = this.#locale.messages;
    void this.#loadAlerts().then(() => {
      if (this.view !== view) return; // a newer view speaks for itself
      if (view.kind === 'session_expired') this.#announcer.announce(m.sessionExpiredAnnouncement);
      else if (this.#alerts) {
        const {title, body} = this.#alerts.alertText(view, m, this.#locale.active);
        this.#announcer.announce(`${title}. ${body}`);
      } else this.#announcer.announce(`${m.networkTitle}. ${m.networkBody}`);
    });
  }

  get #alertsPending(): boolean {
    return this.view.kind !== 'form' && !this.#alerts && !this.#alertsFailed;
  }

  /** Loads the alert views once (the outcome chunk); their styles join the element's. */
  #loadAlerts(): Promise<unknown> {
    if (this.#alerts) return Promise.resolve();
    this.#alertsFailed = false;
    this.#alertsLoad ??= submitPath.outcome().then(
      (chunk) => {
        this.#alerts = chunk;
        adoptStyles(this.renderRoot as ShadowRoot, [...AntomCardBinding.elementStyles, chunk.alertStyles]);
        this.requestUpdate();
      },
      () => {
        this.#alertsLoad = null;
        this.#alertsFailed = true;
        this.requestUpdate();
      }
    );
    return this.#alertsLoad;
  }

  #closeAlert(): void {
    if (!isDismissible(this.view)) return;
    this.view = {kind: 'form'};
    this.#focus.backToForm();
  }

  #onAlertKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && isDismissible(this.view)) {
      event.stopPropagation();
      this.#closeAlert();
    }
  }

  // ---- render ----

  protected override render(): TemplateResult {
    const lang = this.#locale.active;
    return html`
      <div id="live" class="sr-only" role="status" aria-live="polite" aria-atomic="true" lang=${lang}></div>
      ${this.view.kind === 'form'
        ? nothing
        : this.#alerts
          ? this.#alerts.renderAlertView(this.view, this.#locale.messages, lang, {
              onClose: () => this.#closeAlert(),
              onReload: () => location.reload(),
              onKeydown: (event) => this.#onAlertKeydown(event),
            })
          : this.#alertsFailed
            ? this.#renderFallbackAlert()
            : nothing}
      ${this.#renderMode()}
    `;
  }

  /**
   * The views' chunk did not load (offline, a deploy removed it): a plain connection notice with
   * a way on (back to the form where the view allows it, else a fresh page), in the entry's words.
   */
  #renderFallbackAlert(): TemplateResult {
    const m = this.#locale.messages;
    const dismissible = isDismissible(this.view);
    return html`<div class="warning" part="alert" role="group" aria-labelledby="alert-title" data-view="network" @keydown=${(event: KeyboardEvent) => this.#onAlertKeydown(event)}>
      <h2 id="alert-title" part="alert-title" tabindex="-1" aria-describedby="alert-body">${m.networkTitle}</h2>
      <p id="alert-body">${m.networkBody}</p>
      <button class="secondary" part="alert-action ${dismissible ? 'try-again' : 'reload'}" type="button"
        @click=${() => (dismissible ? this.#closeAlert() : location.reload())}>${m.tryAgain}</button>
    </div>`;
  }

  /** Own fields, or Antom's card page for a `hosted` session (nothing until its chunk is in). */
  #renderMode(): TemplateResult | typeof nothing {
    if (this.#session.session?.mode === 'hosted') return this.#hosted?.render(this.view.kind !== 'form') ?? nothing;
    const fields = this.#fields;
    const accepted = this.#acceptedBrands;
    return renderForm({
      m: this.#locale.messages,
      lang: this.#locale.active,
      hidden: this.view.kind !== 'form',
      brand: fields.brand,
      errors: fields.shownErrors,
      errorText: (code) => this.#errorText(code),
      brandMark: this.#marks.mark(fields.brand),
      acceptedRow: accepted?.length ? this.#marks.row(accepted) : null,
      acceptedHint: accepted?.length ? this.#locale.messages.acceptedBrands(this.#acceptedNames()!) : null,
      numberEmpty: fields.numberEmpty,
      disabled: this.disabled,
      submitting: this.#binding.submitting,
      hideSubmitButton: this.hideSubmitButton,
      autoAdvance: this.autoAdvance,
      holderNameRequired: this.#session.session?.holderNameRequired ?? true,
      warningSeconds: this.warningSeconds,
      onKeydown: this.#onKeydown,
      onSubmit: (event) => {
        event.preventDefault();
        void this.submit();
      },
      onMoreTime: () => this.#onExpiring(this.#session.remainingMs ?? 0, true),
    });
  }

  /** Keys anywhere in the form (one listener, not one per input); bound once, not per render. */
  readonly #onKeydown = (event: KeyboardEvent): void => {
    // With the built-in button hidden, implicit submission does not happen for a multi-input
    // form; Enter in a field still submits, as buyers expect (the form's only inputs are its fields).
    if (event.key === 'Enter' && this.hideSubmitButton && !event.isComposing && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      void this.submit();
    }
  };
}

// Typed listeners for every event, including the three whose names native events also use.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- declarations only, no members to clash
export interface AntomCardBinding {
  addEventListener<K extends keyof AntomCardBindingEventMap>(
    type: K,
    listener: (this: AntomCardBinding, event: AntomCardBindingEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof AntomCardBindingEventMap>(
    type: K,
    listener: (this: AntomCardBinding, event: AntomCardBindingEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

function stopAtShadowRoot(event: Event): void {
  event.stopPropagation();
}
