/**
 * The own-fields form as a pure template: state in, markup out. Card values are never passed in
 * (the inputs are uncontrolled; CardFieldsController formats them in place).
 *
 * The four fields are written out in this one template: everything that never changes (ids,
 * names, parts, autocomplete and keyboard hints, aria-describedby) is static markup, and only what
 * does (text, errors, disabled, read-only, the brand) is a binding. Each binding costs on the
 * first render and is compared on every render: a generic field template fed twenty options had
 * four times as many, and one template more to prepare. Each field is
 * - a real `<label for>` and the input with its autocomplete and keyboard hints;
 * - screen-reader-only text describing the field (format, brand, where the code is), referenced by
 *   aria-describedby before the error line;
 * - a reserved error line (`part="error"`).
 * The inputs' `input`, `blur` and the form's `keydown` are listened to once, not per input:
 * CardFieldsController and the element dispatch by the input's id.
 */
import {html, nothing, type SVGTemplateResult, type TemplateResult} from 'lit';
import {brandRule, securityCodeName, type CardBrand, type CardErrorCode} from '../card/index.js';
import type {Messages} from '../i18n/messages.js';
import type {CardFieldName} from './events.js';

export interface FormState {
  readonly m: Messages;
  readonly lang: string;
  readonly hidden: boolean;
  readonly brand: CardBrand | null;
  readonly errors: Readonly<Record<CardFieldName, CardErrorCode | null>>;
  /** The buyer-facing text of an error code (the refused-brand one names the accepted brands). */
  readonly errorText: (code: CardErrorCode) => string;
  /** The detected brand's mark (or the neutral outline). */
  readonly brandMark: SVGTemplateResult;
  /** The accepted brands' marks, while the number is empty; null without a brand list. */
  readonly acceptedRow: TemplateResult | null;
  /** "Accepted cards: …" for the number's description; null without a brand list. */
  readonly acceptedHint: string | null;
  readonly numberEmpty: boolean;
  readonly disabled: boolean;
  /** Locked while a submission is in flight: read-only keeps focus where it was (disabled would drop it). */
  readonly submitting: boolean;
  readonly hideSubmitButton: boolean;
  readonly autoAdvance: boolean;
  readonly holderNameRequired: boolean;
  /** Seconds left when the expiry warning appeared; null: none. */
  readonly warningSeconds: number | null;
  /** Keys pressed anywhere in the form (Enter in a field submits without the built-in button). */
  readonly onKeydown: (event: KeyboardEvent) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onMoreTime: () => void;
}

export function renderForm(s: FormState): TemplateResult {
  const {m, brand, errors, disabled} = s;
  const readonly = s.submitting;
  const numberError = errors.cardNumber && s.errorText(errors.cardNumber);
  const expiryError = errors.expiry && s.errorText(errors.expiry);
  const cvcError = errors.cvc && s.errorText(errors.cvc);
  const nameError = errors.holderName && s.errorText(errors.holderName);
  const rule = brand ? brandRule(brand) : null;
  const codeDigits = rule?.securityCode.length ?? 3;
  const brandHint = (rule ? m.brandDetected(rule.displayName) : s.acceptedHint) || '';
  const advanceHint = s.autoAdvance ? m.autoAdvanceHint : '';
  const numberHint = brandHint && advanceHint ? `${brandHint} ${advanceHint}` : brandHint || advanceHint;
  return html`<form part="form" novalidate lang=${s.lang} aria-label=${m.formLabel} ?hidden=${s.hidden} @submit=${s.onSubmit} @keydown=${s.onKeydown}>
    ${s.warningSeconds === null
      ? nothing
      : html`<div class="warning" part="expiry-warning">
          <p>${m.expiryWarning(s.warningSeconds)}</p>
          <button class="secondary" type="button" @click=${s.onMoreTime}>${m.moreTime}</button>
        </div>`}
    <div class="field card-number " part="field card-number-field">
      <div class="label-row"><label part="label" for="cardNumber">${m.cardNumberLabel}</label>${s.acceptedRow
          ? // Beside the label, hidden (its space kept) once digits are typed: the detected brand shows in the field.
            html`<span class="accepted" ?data-hidden=${!s.numberEmpty}>${s.acceptedRow}</span>`
          : nothing}</div>
      <div class="control">
        <input type="text" autocorrect="off" spellcheck="false" id="cardNumber" part="input card-number-input" name="cardNumber"
          inputmode="numeric" autocomplete="cc-number" autocapitalize="off" enterkeyhint="next" placeholder=${m.cardNumberPlaceholder}
          aria-invalid=${numberError ? 'true' : 'false'} aria-describedby="brand-name cardNumber-error" required aria-required="true"
          ?disabled=${disabled} ?readonly=${readonly} />
        <span class="brand-icon" part="brand-icon" data-brand=${brand ?? 'unknown'}>${s.brandMark}</span>
      </div>
      <span class="sr-only" id="brand-name">${numberHint}</span>
      <p class="error" part="error" id="cardNumber-error">${numberError}</p>
    </div>
    <div class="field expiry half" part="field expiry-field">
      <div class="label-row"><label part="label" for="expiry">${m.expiryLabel}</label></div>
      <div class="control">
        <input type="text" autocorrect="off" spellcheck="false" id="expiry" part="input expiry-input" name="expiry"
          inputmode="numeric" autocomplete="cc-exp" autocapitalize="off" enterkeyhint="next" placeholder=${m.expiryPlaceholder}
          aria-invalid=${expiryError ? 'true' : 'false'} aria-describedby="expiry-hint expiry-error" required aria-required="true"
          ?disabled=${disabled} ?readonly=${readonly} />
      </div>
      <span class="sr-only" id="expiry-hint">${m.expiryHint}</span>
      <p class="error" part="error" id="expiry-error">${expiryError}</p>
    </div>
    <div class="field cvc half" part="field cvc-field">
      <div class="label-row"><label part="label" for="cvc">${
        // The same words as the errors ("security code"), with the brand's own name beside them.
        rule ? m.securityCodeLabelNamed(m.securityCodeNames[securityCodeName(brand)]) : m.securityCodeLabel
      }</label></div>
      <div class="control">
        <input type="text" autocorrect="off" spellcheck="false" id="cvc" part="input cvc-input" name="cvc"
          inputmode="numeric" autocomplete="cc-csc" autocapitalize="off" enterkeyhint="next" placeholder=${'•'.repeat(codeDigits)}
          maxlength=${rule?.securityCode.length ?? 4} aria-invalid=${cvcError ? 'true' : 'false'} aria-describedby="cvc-hint cvc-error" required
          aria-required="true" ?disabled=${disabled} ?readonly=${readonly} />
      </div>
      <span class="sr-only" id="cvc-hint">${brand === 'AMEX' ? m.securityCodeHintFront(codeDigits) : m.securityCodeHintBack(codeDigits)}</span>
      <p class="error" part="error" id="cvc-error">${cvcError}</p>
    </div>
    <div class="field holder-name " part="field holder-name-field">
      <div class="label-row"><label part="label" for="holderName">${m.holderNameLabel}</label></div>
      <div class="control">
        <input type="text" autocorrect="off" spellcheck="false" id="holderName" part="input holder-name-input" name="holderName"
          inputmode="text" autocomplete="cc-name" autocapitalize="words" enterkeyhint="done" aria-invalid=${nameError ? 'true' : 'false'}
          aria-describedby="holderName-error" ?required=${s.holderNameRequired} aria-required=${s.holderNameRequired ? 'true' : 'false'}
          ?disabled=${disabled} ?readonly=${readonly} />
      </div>
      <span class="sr-only" hidden></span>
      <p class="error" part="error" id="holderName-error">${nameError}</p>
    </div>
    <button class="submit" part="submit-button" type="submit" ?hidden=${s.hideSubmitButton} ?disabled=${disabled}
      aria-disabled=${readonly ? 'true' : 'false'} aria-busy=${readonly ? 'true' : 'false'}>
      ${readonly ? html`<span class="spinner" aria-hidden="true"></span>${m.submitting}` : m.submit}
    </button>
  </form>`;
}
