/**
 * <antom-card-binding>: a card-binding form for Antom's independent card-binding (vaulting) flow.
 *
 * The class reads like a table of contents: pure card rules live in ../card, session decoding in
 * ../session, strings in ../i18n, the network flow in ../gateway; this file wires them to the DOM.
 * It has no side effects: `define.ts` registers the tag.
 *
 * Card data handling: the number, expiry and security code live only in the inputs' values and,
 * while the buyer types, in ES private fields (not reachable from page scripts through the
 * element's properties). They never go into attributes, reactive properties, event details,
 * form values, logs or error messages, and they are wiped once the card is bound.
 */
import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {styles} from './antom-card-binding.styles.js';
import {renderField} from './field-template.js';
import {brandIcon} from './brand-icons.js';
import {isDismissible, renderAlertView, type AlertView} from './alert-view.js';
import {closestLang} from '../i18n/closest-lang.js';
import {navigate} from '../gateway/navigate.js';
import {
  CardBindingErrorEvent,
  CardBoundEvent,
  CardChangeEvent,
  CardReadyEvent,
  CardRedirectEvent,
  CardSubmitEvent,
  keepErrorEventsOffWindow,
  type AntomCardBindingEventMap,
  type BindingErrorCode,
  type BoundDetail,
  type CardChangeDetail,
  type CardFieldName,
  type RedirectDetail,
} from './events.js';
import {
  CARD_BRANDS,
  brandRule,
  formatCardNumberInput,
  formatCvcInput,
  formatExpiryInput,
  isCardNumberFinished,
  isCvcFilled,
  securityCodeName,
  validateCard,
  type CardBrand,
  type CardErrorCode,
  type FieldResult,
  type TextWithCaret,
} from '../card/index.js';
import type {DecodedSession, SessionDecodeResult} from '../session/decode-session.js';
import {resolveLocale, SOURCE_LOCALE, type SupportedLocale} from '../i18n/locales.js';
import {loadMessages, loadedMessages} from '../i18n/translator.js';
import type {Messages} from '../i18n/messages.js';
import type {BindingOutcome, CardSecrets} from '../gateway/bind-card.js';

const FIELDS: readonly CardFieldName[] = ['cardNumber', 'expiry', 'cvc', 'holderName'];

/** The form, or an alert view instead of it. */
type View = {kind: 'form'} | AlertView;

/** Long enough for screen readers to notice the region was emptied before the new text. */
const ANNOUNCE_DELAY_MS = 60;

/** setTimeout's ceiling (about 24.8 days); a session never lives that long, but stay safe. */
const MAX_TIMER_MS = 2_147_483_647;

const brandListConverter = {
  fromAttribute(value: string | null): CardBrand[] | null {
    if (value === null) return null;
    const brands = value
      .split(/[\s,]+/)
      .map((brand) => brand.trim().toUpperCase())
      .filter((brand): brand is CardBrand => (CARD_BRANDS as readonly string[]).includes(brand));
    return brands;
  },
  toAttribute(value: readonly CardBrand[] | null): string | null {
    return value ? value.join(' ') : null;
  },
};

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
 *
 * @csspart form - The `<form>` around all fields.
 * @csspart field - Each field's wrapper (also `card-number-field`, `expiry-field`, `cvc-field`, `holder-name-field`).
 * @csspart label - Each field's label.
 * @csspart input - Each text input.
 * @csspart card-number-input - The card number input.
 * @csspart expiry-input - The expiry input.
 * @csspart cvc-input - The security code input.
 * @csspart holder-name-input - The cardholder name input.
 * @csspart error - Each field's error line (space is reserved, so errors never move the layout).
 * @csspart brand-icon - The brand badge inside the card number field.
 * @csspart submit-button - The "Add card" button.
 * @csspart alert - The alert view (processing, success, declines, failures, session problems).
 * @csspart alert-title - The alert view's heading.
 * @csspart alert-action - Buttons in the alert view.
 *
 * @cssprop [--antom-font-family=inherit] - Font of the whole element (the page's by default).
 * @cssprop [--antom-font-size=1rem] - Base font size (inputs never go below 16px, to avoid iOS zoom).
 * @cssprop [--antom-color-text=inherit] - Text colour.
 * @cssprop [--antom-color-text-muted] - Placeholders and secondary text.
 * @cssprop [--antom-color-background] - Input and alert background.
 * @cssprop [--antom-color-border] - Input borders (keep 3:1 contrast with the background).
 * @cssprop [--antom-color-focus] - Focus ring.
 * @cssprop [--antom-color-error] - Error text and invalid borders.
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

  /**
   * The `vaultingSessionData` string the merchant server got from createVaultingSession.
   * Without it the form still renders and validates; submitting ends in `error` `session_missing`.
   * @attr vaulting-session-data
   */
  @property({attribute: 'vaulting-session-data'}) vaultingSessionData: string | null = null;

  /**
   * Language: Antom codes (`pt_BR`) or BCP 47 tags (`pt-BR`, `es-MX`). Without it the element
   * follows the nearest ancestor `lang`, then the browser's languages; unknown values fall back
   * to English with a console warning.
   * @attr locale
   */
  @property({reflect: true}) locale: string | null = null;

  /** Disables every field and the button. @attr disabled */
  @property({type: Boolean, reflect: true}) disabled = false;

  /** Hides the built-in button, for pages that call `submit()` from their own. @attr hide-submit-button */
  @property({type: Boolean, attribute: 'hide-submit-button'}) hideSubmitButton = false;

  /**
   * Brands to accept, space- or comma-separated (`"VISA MASTERCARD"`); intersected with the
   * session's accepted brands. Absent: whatever the session accepts.
   * @attr accepted-brands
   */
  @property({attribute: 'accepted-brands', converter: brandListConverter})
  acceptedBrands: CardBrand[] | null = null;

  /** Milliseconds before a submission without an answer counts as a timeout. @attr submit-timeout */
  @property({type: Number, attribute: 'submit-timeout'}) submitTimeout = 30_000;

  @state() private messages: Messages = loadedMessages(SOURCE_LOCALE)!;
  @state() private activeLocale: SupportedLocale = SOURCE_LOCALE;
  @state() private view: View = {kind: 'form'};
  @state() private submitting = false;
  @state() private brand: CardBrand | null = null;
  @state() private shownErrors: Record<CardFieldName, CardErrorCode | null> = {
    cardNumber: null,
    expiry: null,
    cvc: null,
    holderName: null,
  };

  // Card data and its edit history: ES private, never reactive, wiped after binding.
  #previous: Record<CardFieldName, TextWithCaret> = emptyEdits();
  #results: Record<CardFieldName, FieldResult> | null = null;
  #complete = false;
  #empty = true;
  #revealed: Record<CardFieldName, boolean> = {cardNumber: false, expiry: false, cvc: false, holderName: false};
  #session: SessionDecodeResult | null = null;
  /** Set while a session value is being validated (the zod schema loads on demand). */
  #sessionDecoding: Promise<void> | null = null;
  #reportedSessionProblem: string | null = null;
  #expiryTimer: ReturnType<typeof setTimeout> | undefined;
  #readyFired = false;
  #silent = false;
  #sessionValue: string | null = null;
  #localeValue: string | null | undefined = undefined;
  #attemptKey: string | null = null;
  #lastChange = '';
  #localeRequest = 0;
  #localeLoading: Promise<void> = Promise.resolve();
  #focusAfterRender: 'alert' | CardFieldName | null = null;
  #focusBeforeAlert: CardFieldName | null = null;
  #announcement = '';

  /** The detected brand, or null. */
  get cardBrand(): CardBrand | null {
    return this.brand;
  }

  /** Whether every field is valid. */
  get complete(): boolean {
    return this.#complete;
  }

  /** The locale actually in use after matching and fallbacks (e.g. `pt-BR`). */
  get resolvedLocale(): SupportedLocale {
    return this.activeLocale;
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    // InputEvent.data and friends hold typed characters; these composed events would otherwise
    // reach the page retargeted to the host. `change` tells the page what it needs instead.
    this.renderRoot.addEventListener('input', stopAtShadowRoot);
    this.renderRoot.addEventListener('beforeinput', this.#onBeforeInput);
    keepErrorEventsOffWindow(this.ownerDocument);
    void this.#applyLocale();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('input', stopAtShadowRoot);
    this.renderRoot.removeEventListener('beforeinput', this.#onBeforeInput);
    clearTimeout(this.#expiryTimer);
  }

  /** The first render waits for the locale's strings, so no English flashes before them. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.hasUpdated || this.#localeSettled ? super.shouldUpdate(changed) : false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Compared with what was last applied rather than `changed`: changes made while the first
    // render waited for the locale never reach a willUpdate's `changed`.
    if (this.vaultingSessionData !== this.#sessionValue) this.#readSession();
    if (this.locale !== this.#localeValue && this.isConnected) void this.#applyLocale();
    if (changed.has('acceptedBrands') && this.#results) this.#revalidate(null);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#reportSessionProblem();
    this.#applyPendingFocus();
    if (!this.#readyFired && this.#localeSettled) {
      this.#readyFired = true;
      this.dispatchEvent(new CardReadyEvent());
    }
  }

  // ---- public methods ----

  /**
   * Validates and, when valid and a session is present, encrypts the card and sends it.
   * Resolves when the attempt has ended; the outcome arrives as `bound`, `error` or `redirect`.
   */
  async submit(): Promise<void> {
    if (this.submitting) {
      this.#fail('duplicate_submit', this.messages.duplicateSubmit, false);
      return;
    }
    if (this.view.kind !== 'form' || this.disabled) return;
    this.#revalidate(null);
    for (const field of FIELDS) this.#revealed[field] = true;
    this.#updateShownErrors();
    const invalid = FIELDS.filter((field) => this.#results![field].status !== 'valid');
    if (invalid.length > 0) {
      this.#announce(
        invalid.length === 1 ? this.messages.oneFieldNeedsAttention : this.messages.fieldsNeedAttention(invalid.length)
      );
      this.#focusField(invalid[0]!);
      return;
    }
    // Locked from here on: a second submit while this one waits is a duplicate.
    this.submitting = true;
    if (this.#sessionDecoding) await this.#sessionDecoding;
    const session = this.#session;
    let usable: DecodedSession | null = null;
    if (!session) {
      this.#fail('session_missing', this.messages.sessionMissing, false);
    } else if (!session.ok) {
      this.#showSessionProblem(session.code);
    } else if (session.session.expiresAt.getTime() <= Date.now()) {
      this.#showSessionProblem('session_expired');
    } else if (this.dispatchEvent(new CardSubmitEvent())) {
      usable = session.session;
    }
    if (!usable) {
      this.submitting = false;
      return;
    }
    await this.#bind(usable);
  }

  /** Empties every field and returns to the form (a session problem stays shown). */
  reset(): void {
    for (const field of FIELDS) {
      const input = this.#input(field);
      if (input) input.value = '';
    }
    this.#previous = emptyEdits();
    this.#revealed = {cardNumber: false, expiry: false, cvc: false, holderName: false};
    if (this.view.kind !== 'session_expired' && this.view.kind !== 'session_malformed') this.view = {kind: 'form'};
    this.#revalidate(null);
  }

  /** Focuses the card number field (or the alert's heading while an alert is shown). */
  override focus(options?: FocusOptions): void {
    if (this.view.kind !== 'form') {
      this.renderRoot.querySelector<HTMLElement>('#alert-title')?.focus(options);
      return;
    }
    this.#input('cardNumber')?.focus(options);
  }

  // ---- session ----

  #readSession(): void {
    clearTimeout(this.#expiryTimer);
    const value = this.vaultingSessionData;
    this.#sessionValue = value;
    this.#session = null;
    this.#reportedSessionProblem = null;
    if (this.view.kind === 'session_expired' || this.view.kind === 'session_malformed') this.view = {kind: 'form'};
    if (!value) {
      this.#sessionDecoding = null;
      return;
    }
    // The decoder and its zod schema load on demand: a form without a session (previews, design
    // work) never needs them, and the first render does not wait for them.
    const decoding: Promise<void> = import('../session/decode-session.js').then(
      ({decodeSession}) => {
        if (this.#sessionDecoding === decoding) this.#applySession(decodeSession(value));
      },
      () => {
        if (this.#sessionDecoding === decoding) {
          this.#applySession({ok: false, code: 'session_malformed', reason: 'the session decoder could not load'});
        }
      }
    );
    this.#sessionDecoding = decoding;
    void decoding.finally(() => {
      if (this.#sessionDecoding === decoding) this.#sessionDecoding = null;
    });
  }

  #applySession(result: SessionDecodeResult): void {
    this.#session = result;
    const session = result;
    if (session?.ok) {
      const delay = session.session.expiresAt.getTime() - Date.now();
      this.#expiryTimer = setTimeout(() => this.#onSessionTimerExpired(), Math.min(delay, MAX_TIMER_MS));
      if (this.#results) this.#revalidate(null);
    } else {
      this.#wipeCard();
      this.view = {kind: session.code};
    }
    this.requestUpdate();
  }

  /** Resolves once rendered, with the locale's strings and the session checked. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#sessionDecoding || !this.#localeSettled) {
      await (this.#sessionDecoding ?? this.#localeLoading);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  #onSessionTimerExpired(): void {
    const session = this.#session;
    if (!session?.ok) return;
    if (session.session.expiresAt.getTime() > Date.now()) {
      // Timers can fire early after a long sleep cap; re-arm for the rest.
      const delay = session.session.expiresAt.getTime() - Date.now();
      this.#expiryTimer = setTimeout(() => this.#onSessionTimerExpired(), Math.min(delay, MAX_TIMER_MS));
      return;
    }
    // A binding in flight or finished decides for itself; only an idle form expires.
    if (this.submitting || this.view.kind === 'success' || this.view.kind === 'redirecting') return;
    this.#showSessionProblem('session_expired');
  }

  #showSessionProblem(code: 'session_expired' | 'session_malformed'): void {
    this.#session = {ok: false, code, reason: code};
    this.#reportedSessionProblem = null;
    this.#wipeCard();
    this.view = {kind: code};
  }

  /** Fires `error` once per session problem, after the alert is on screen. */
  #reportSessionProblem(): void {
    const session = this.#session;
    if (!session || session.ok || this.#reportedSessionProblem === session.code) return;
    if (!this.#localeSettled) return;
    this.#reportedSessionProblem = session.code;
    const message =
      session.code === 'session_expired' ? this.messages.sessionExpiredBody : this.messages.sessionMalformedBody;
    this.dispatchEvent(new CardBindingErrorEvent({code: session.code, message, retryable: false}));
    this.#focusAfterRender = this.#hasFocus() ? 'alert' : this.#focusAfterRender;
  }

  get #acceptedBrands(): readonly CardBrand[] | undefined {
    const fromSession = this.#session?.ok ? this.#session.session.acceptedBrands : null;
    const fromAttribute = this.acceptedBrands;
    if (fromSession && fromAttribute) return fromSession.filter((brand) => fromAttribute.includes(brand));
    return fromSession ?? fromAttribute ?? undefined;
  }

  get #holderNameRequired(): boolean {
    return this.#session?.ok ? this.#session.session.holderNameRequired : true;
  }

  // ---- locale ----

  get #localeSettled(): boolean {
    return this.#localeRequest === 0;
  }

  #applyLocale(): Promise<void> {
    const loading = this.#loadLocale();
    this.#localeLoading = loading;
    return loading;
  }

  async #loadLocale(): Promise<void> {
    this.#localeValue = this.locale;
    const wanted = resolveLocale(this.locale, closestLang(this), navigator.languages ?? [], (requested) =>
      console.warn(`<antom-card-binding>: locale "${requested}" is not supported; using English.`)
    );
    const request = ++this.#localeRequest;
    const ready = loadedMessages(wanted);
    let messages: Messages;
    try {
      messages = ready ?? (await loadMessages(wanted));
    } catch {
      console.warn(`<antom-card-binding>: could not load locale "${wanted}"; using English.`);
      messages = loadedMessages(SOURCE_LOCALE)!;
    }
    if (request !== this.#localeRequest) return; // a newer request won
    this.#localeRequest = 0;
    this.messages = messages;
    this.activeLocale = messages === loadedMessages(SOURCE_LOCALE) ? SOURCE_LOCALE : wanted;
    this.requestUpdate();
  }

  // ---- typing ----

  /** Records value and caret just before an edit, so the formatter knows where the edit was
   * (clicks and arrow keys move the caret between edits). Also keeps the event in the shadow root. */
  readonly #onBeforeInput = (event: Event): void => {
    event.stopPropagation();
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const field = FIELDS.find((name) => name === target.id);
    if (field) this.#previous[field] = {value: target.value, caret: target.selectionStart ?? target.value.length};
  };

  #onInput(field: CardFieldName, event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const next: TextWithCaret = {value: input.value, caret: input.selectionStart ?? input.value.length};
    const formatted = this.#format(field, this.#previous[field], next);
    if (input.value !== formatted.value) input.value = formatted.value;
    if (this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement === input) {
      input.setSelectionRange(formatted.caret, formatted.caret);
    }
    this.#previous[field] = formatted;
    this.#revealed[field] = false;
    this.#revalidate(field);
    const typedAtEnd = event.inputType === 'insertText' && formatted.caret === formatted.value.length;
    if (typedAtEnd && this.#isFieldFilled(field)) this.#advanceFrom(field);
  }

  #format(field: CardFieldName, previous: TextWithCaret, next: TextWithCaret): TextWithCaret {
    switch (field) {
      case 'cardNumber':
        return formatCardNumberInput(previous, next, this.#acceptedBrands);
      case 'expiry':
        return formatExpiryInput(previous, next);
      case 'cvc':
        return formatCvcInput(next, this.brand);
      case 'holderName':
        return next;
    }
  }

  #onBlur(field: CardFieldName): void {
    const value = this.#input(field)?.value ?? '';
    this.#revealed[field] = value.trim() !== '' || this.#revealed[field];
    this.#revalidate(field);
  }

  #onKeydown(event: KeyboardEvent): void {
    // With the built-in button hidden, implicit submission does not happen for a multi-input
    // form; Enter still submits, as buyers expect.
    if (event.key === 'Enter' && this.hideSubmitButton && !event.isComposing) {
      event.preventDefault();
      void this.submit();
    }
  }

  #onFormSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  #isFieldFilled(field: CardFieldName): boolean {
    const result = this.#results?.[field];
    if (result?.status !== 'valid') return false;
    const value = this.#input(field)?.value ?? '';
    switch (field) {
      case 'cardNumber': {
        const digits = value.replace(/\D/g, '').length;
        const brand = this.brand;
        return isCardNumberFinished(digits, brand, this.#acceptedBrands);
      }
      case 'expiry':
        return value.replace(/\D/g, '').length >= 4;
      case 'cvc':
        return isCvcFilled(value, this.brand);
      case 'holderName':
        return false;
    }
  }

  #advanceFrom(field: CardFieldName): void {
    const next = FIELDS[FIELDS.indexOf(field) + 1];
    if (next) this.#input(next)?.focus();
  }

  // ---- validation state ----

  #values(): Record<CardFieldName, string> {
    return {
      cardNumber: this.#input('cardNumber')?.value ?? '',
      expiry: this.#input('expiry')?.value ?? '',
      cvc: this.#input('cvc')?.value ?? '',
      holderName: this.#input('holderName')?.value ?? '',
    };
  }

  /** Re-runs the card rules; `field` is the one that changed (null: all may have). */
  #revalidate(field: CardFieldName | null): void {
    const result = validateCard(this.#values(), {
      acceptedBrands: this.#acceptedBrands,
      holderNameRequired: this.#holderNameRequired,
    });
    this.#results = result.fields;
    this.#complete = result.complete;
    this.#empty = result.empty;
    this.brand = result.brand;
    this.#updateShownErrors(field);
  }

  #updateShownErrors(changedField: CardFieldName | null = null): void {
    const results = this.#results;
    if (!results) return;
    const shown = {} as Record<CardFieldName, CardErrorCode | null>;
    for (const field of FIELDS) {
      const result = results[field];
      const revealed = this.#revealed[field];
      shown[field] =
        result.status === 'valid'
          ? null
          : result.status === 'invalid' || revealed
            ? result.error
            : null;
    }
    // Announce an error that just appeared on the field being edited or left.
    const focus = changedField ?? null;
    if (focus && shown[focus] && shown[focus] !== this.shownErrors[focus]) {
      this.#announce(this.messages.errors[shown[focus]!]);
    }
    this.shownErrors = shown;
    this.#emitChange();
  }

  #emitChange(): void {
    const detail: CardChangeDetail = {
      complete: this.#complete,
      empty: this.#empty,
      brand: this.brand,
      errors: {...this.shownErrors},
    };
    const key = JSON.stringify(detail);
    if (key === this.#lastChange) return;
    this.#lastChange = key;
    if (this.#silent) return;
    this.dispatchEvent(new CardChangeEvent(detail));
  }

  // ---- binding ----

  async #bind(session: DecodedSession): Promise<void> {
    this.#focusBeforeAlert = this.#focusedField();
    this.submitting = true;
    // One key per attempt: kept across retries after a failure that may have reached the gateway
    // (network, timeout, 5xx), so the gateway answers a retry from its record instead of binding twice.
    this.#attemptKey ??= crypto.randomUUID();
    const secrets = this.#readSecrets();
    let outcome: BindingOutcome;
    try {
      // Loaded on first submit: encryption, the gateway client and its reply schema are not
      // needed to render, so they stay out of the bytes a page must load before `ready`.
      const {bindCard} = await import('../gateway/bind-card.js');
      outcome = await bindCard({session, card: secrets, idempotencyKey: this.#attemptKey, timeoutMs: this.submitTimeout});
    } finally {
      wipeSecrets(secrets);
      this.submitting = false;
    }
    if (outcome.kind !== 'failed') this.#attemptKey = null;
    this.#settle(outcome);
  }

  #readSecrets(): CardSecrets {
    const values = this.#values();
    const digits = values.expiry.replace(/\D/g, '');
    return {
      cardNo: values.cardNumber.replace(/\D/g, ''),
      expiryMonth: digits.slice(0, 2),
      expiryYear: digits.slice(-2),
      cvv: values.cvc,
      cardholderName: values.holderName.trim() || undefined,
    };
  }

  #settle(outcome: BindingOutcome): void {
    const m = this.messages;
    switch (outcome.kind) {
      case 'bound': {
        const detail: BoundDetail = outcome.detail;
        this.#wipeCard();
        this.#showAlert({kind: 'success', brand: displayBrand(detail.brand), last4: detail.maskedCardNo?.slice(-4) ?? null});
        this.dispatchEvent(new CardBoundEvent(detail));
        return;
      }
      case 'redirect': {
        const detail: RedirectDetail = outcome.detail;
        const proceed = this.dispatchEvent(new CardRedirectEvent(detail));
        this.#wipeCard();
        this.#showAlert({kind: 'redirecting'});
        if (proceed) navigate(detail);
        return;
      }
      case 'processing':
        this.#wipeCard();
        this.#showAlert({kind: 'processing'});
        return;
      case 'declined':
        this.#showAlert({kind: 'declined', reason: outcome.reason});
        this.#fail('declined', m.declineReasons[outcome.reason], outcome.retryable, outcome.resultCode);
        return;
      case 'session_expired':
        this.#showSessionProblem('session_expired');
        return;
      case 'failed': {
        const network = outcome.code === 'network_error' || outcome.code === 'timeout';
        this.#showAlert(network ? {kind: 'network'} : {kind: 'gateway', retryable: outcome.retryable});
        this.#fail(outcome.code, network ? m.networkBody : m.gatewayBody, outcome.retryable, outcome.resultCode);
        return;
      }
    }
  }

  #fail(code: BindingErrorCode, message: string, retryable: boolean, resultCode?: string): void {
    this.dispatchEvent(
      new CardBindingErrorEvent(resultCode ? {code, message, retryable, resultCode} : {code, message, retryable})
    );
  }

  /** Clears card data from the DOM and from memory (no `change`: the outcome event says it all). */
  #wipeCard(): void {
    this.#silent = true;
    for (const field of FIELDS) {
      const input = this.#input(field);
      if (input) input.value = '';
    }
    this.#previous = emptyEdits();
    this.#revealed = {cardNumber: false, expiry: false, cvc: false, holderName: false};
    this.#revalidate(null);
    this.#silent = false;
  }

  // ---- alerts and focus ----

  #focusedField(): CardFieldName | null {
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    return FIELDS.find((field) => this.#input(field) === active) ?? null;
  }

  #showAlert(view: View): void {
    if (this.view.kind === 'form') this.#focusBeforeAlert = this.#focusedField() ?? this.#focusBeforeAlert;
    this.view = view;
    this.#focusAfterRender = 'alert';
  }

  #closeAlert(): void {
    if (!isDismissible(this.view)) return;
    this.view = {kind: 'form'};
    this.#focusAfterRender = this.#focusBeforeAlert ?? 'cardNumber';
  }

  #onAlertKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && isDismissible(this.view)) {
      event.stopPropagation();
      this.#closeAlert();
    }
  }

  #focusField(field: CardFieldName): void {
    const input = this.#input(field);
    if (input) input.focus();
    else this.#focusAfterRender = field;
  }

  #applyPendingFocus(): void {
    const target = this.#focusAfterRender;
    if (!target) return;
    this.#focusAfterRender = null;
    if (target === 'alert') this.renderRoot.querySelector<HTMLElement>('#alert-title')?.focus();
    else this.#input(target)?.focus();
  }

  #hasFocus(): boolean {
    return this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== null;
  }

  #announce(text: string): void {
    const region = this.renderRoot.querySelector('#live');
    this.#announcement = text;
    if (!region) return;
    // Clearing first makes screen readers announce a message identical to the previous one.
    region.textContent = '';
    setTimeout(() => {
      if (this.#announcement === text) region.textContent = text;
    }, ANNOUNCE_DELAY_MS);
  }

  #input(field: CardFieldName): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${field}`);
  }

  // ---- render ----

  protected override render(): TemplateResult {
    const formHidden = this.view.kind !== 'form';
    return html`
      <div id="live" class="sr-only" role="status" aria-live="polite" aria-atomic="true" lang=${this.activeLocale}></div>
      ${formHidden ? this.#renderAlert() : nothing}
      <form part="form" novalidate lang=${this.activeLocale} aria-label=${this.messages.formLabel} ?hidden=${formHidden}
        @submit=${this.#onFormSubmit}>
        ${this.#renderCardNumber()} ${this.#renderExpiry()} ${this.#renderCvc()} ${this.#renderHolderName()}
        ${this.#renderSubmitButton()}
      </form>
    `;
  }

  #error(field: CardFieldName): string | null {
    const code = this.shownErrors[field];
    return code ? this.messages.errors[code] : null;
  }


  #renderCardNumber(): TemplateResult {
    const m = this.messages;
    const brandName = this.brand ? brandRule(this.brand).displayName : null;
    return renderField({
      id: 'cardNumber',
      label: m.cardNumberLabel,
      part: 'card-number-input',
      autocomplete: 'cc-number',
      inputmode: 'numeric',
      enterkeyhint: 'next',
      placeholder: m.cardNumberPlaceholder,
      error: this.#error('cardNumber'),
      required: true,
      disabled: this.disabled,
      readonly: this.submitting,

      adornment: html`<span class="brand-icon" part="brand-icon" data-brand=${this.brand ?? 'unknown'}>${brandIcon(this.brand)}</span>`,
      hint: {id: 'brand-name', text: brandName ? m.brandDetected(brandName) : ''},
      onInput: (event) => this.#onInput('cardNumber', event),
      onBlur: () => this.#onBlur('cardNumber'),
      onKeydown: (event) => this.#onKeydown(event),
    });
  }

  #renderExpiry(): TemplateResult {
    const m = this.messages;
    return renderField({
      id: 'expiry',
      label: m.expiryLabel,
      part: 'expiry-input',
      autocomplete: 'cc-exp',
      inputmode: 'numeric',
      enterkeyhint: 'next',
      placeholder: m.expiryPlaceholder,
      error: this.#error('expiry'),
      required: true,
      disabled: this.disabled,
      readonly: this.submitting,
      half: true,
      hint: {id: 'expiry-hint', text: m.expiryHint},
      onInput: (event) => this.#onInput('expiry', event),
      onBlur: () => this.#onBlur('expiry'),
      onKeydown: (event) => this.#onKeydown(event),
    });
  }

  #renderCvc(): TemplateResult {
    const m = this.messages;
    const rule = this.brand ? brandRule(this.brand) : null;
    const label = rule ? m.securityCodeNames[securityCodeName(this.brand)] : m.securityCodeLabel;
    const digits = rule?.securityCode.length ?? 3;
    const hint = this.brand === 'AMEX' ? m.securityCodeHintFront(digits) : m.securityCodeHintBack(digits);
    return renderField({
      id: 'cvc',
      label,
      part: 'cvc-input',
      autocomplete: 'cc-csc',
      inputmode: 'numeric',
      enterkeyhint: 'next',
      placeholder: '•'.repeat(digits),
      maxlength: rule?.securityCode.length ?? 4,
      error: this.#error('cvc'),
      required: true,
      disabled: this.disabled,
      readonly: this.submitting,
      half: true,
      hint: {id: 'cvc-hint', text: hint},
      onInput: (event) => this.#onInput('cvc', event),
      onBlur: () => this.#onBlur('cvc'),
      onKeydown: (event) => this.#onKeydown(event),
    });
  }

  #renderHolderName(): TemplateResult {
    return renderField({
      id: 'holderName',
      label: this.messages.holderNameLabel,
      part: 'holder-name-input',
      autocomplete: 'cc-name',
      inputmode: 'text',
      enterkeyhint: 'done',
      autocapitalize: 'words',
      error: this.#error('holderName'),
      required: this.#holderNameRequired,
      disabled: this.disabled,
      readonly: this.submitting,
      onInput: (event) => this.#onInput('holderName', event),
      onBlur: () => this.#onBlur('holderName'),
      onKeydown: (event) => this.#onKeydown(event),
    });
  }

  #renderSubmitButton(): TemplateResult {
    const m = this.messages;
    return html`<button
      class="submit"
      part="submit-button"
      type="submit"
      ?hidden=${this.hideSubmitButton}
      ?disabled=${this.disabled}
      aria-disabled=${this.submitting ? 'true' : 'false'}
      aria-busy=${this.submitting ? 'true' : 'false'}
    >
      ${this.submitting ? html`<span class="spinner" aria-hidden="true"></span>${m.submitting}` : m.submit}
    </button>`;
  }

  #renderAlert(): TemplateResult {
    return renderAlertView(this.view as AlertView, this.messages, this.activeLocale, {
      onRetry: () => this.#closeAlert(),
      onKeydown: (event) => this.#onAlertKeydown(event),
    });
  }
}

// Typed listeners for all six events, including the three whose names native events also use.
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

function emptyEdits(): Record<CardFieldName, TextWithCaret> {
  const empty = {value: '', caret: 0};
  return {cardNumber: empty, expiry: empty, cvc: empty, holderName: empty};
}

function wipeSecrets(secrets: CardSecrets): void {
  // Strings are immutable in JS; dropping every reference is what "wiping" can mean here.
  const writable = secrets as {-readonly [K in keyof CardSecrets]?: CardSecrets[K]};
  for (const key of Object.keys(writable) as (keyof CardSecrets)[]) delete writable[key];
}

function displayBrand(brand: string | null): string | null {
  if (!brand) return null;
  return (CARD_BRANDS as readonly string[]).includes(brand) ? brandRule(brand as CardBrand).displayName : brand;
}

