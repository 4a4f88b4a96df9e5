/**
 * The own-fields form as a pure template: state in, markup out. Card values are never passed in
 * (the inputs are uncontrolled; CardFieldsController formats them in place).
 */
import {html, nothing, type SVGTemplateResult, type TemplateResult} from 'lit';
import {renderField} from './field-template.js';
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
  readonly submitting: boolean;
  readonly hideSubmitButton: boolean;
  readonly autoAdvance: boolean;
  readonly holderNameRequired: boolean;
  /** Seconds left when the expiry warning appeared; null: none. */
  readonly warningSeconds: number | null;
  readonly onInput: (field: CardFieldName, event: InputEvent) => void;
  readonly onBlur: (field: CardFieldName) => void;
  readonly onKeydown: (event: KeyboardEvent) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onMoreTime: () => void;
}

export function renderForm(s: FormState): TemplateResult {
  const {m, brand} = s;
  const error = (field: CardFieldName) => (s.errors[field] ? s.errorText(s.errors[field]!) : null);
  const common = (field: CardFieldName) => ({
    error: error(field),
    disabled: s.disabled,
    // Read-only keeps focus where it was while a submission is in flight (disabled would drop it).
    readonly: s.submitting,
    onInput: (event: InputEvent) => s.onInput(field, event),
    onBlur: () => s.onBlur(field),
    onKeydown: s.onKeydown,
  });
  const rule = brand ? brandRule(brand) : null;
  const brandName = rule?.displayName ?? null;
  const codeDigits = rule?.securityCode.length ?? 3;
  const numberHint = [brandName ? m.brandDetected(brandName) : s.acceptedHint ?? '', s.autoAdvance ? m.autoAdvanceHint : ''].filter(Boolean).join(' ');
  return html`<form part="form" novalidate lang=${s.lang} aria-label=${m.formLabel} ?hidden=${s.hidden} @submit=${s.onSubmit}>
    ${s.warningSeconds === null
      ? nothing
      : html`<div class="warning" part="expiry-warning">
          <p>${m.expiryWarning(s.warningSeconds)}</p>
          <button class="secondary" type="button" @click=${s.onMoreTime}>${m.moreTime}</button>
        </div>`}
    ${renderField({
      ...common('cardNumber'),
      id: 'cardNumber',
      label: m.cardNumberLabel,
      // Beside the label, hidden (its space kept) once digits are typed: the detected brand shows in the field.
      aside: s.acceptedRow ? html`<span class="accepted" ?data-hidden=${!s.numberEmpty}>${s.acceptedRow}</span>` : undefined,
      part: 'card-number-input',
      autocomplete: 'cc-number',
      inputmode: 'numeric',
      enterkeyhint: 'next',
      placeholder: m.cardNumberPlaceholder,
      required: true,
      adornment: html`<span class="brand-icon" part="brand-icon" data-brand=${brand ?? 'unknown'}>${s.brandMark}</span>`,
      hint: {id: 'brand-name', text: numberHint},
    })}
    ${renderField({
      ...common('expiry'),
      id: 'expiry',
      label: m.expiryLabel,
      part: 'expiry-input',
      autocomplete: 'cc-exp',
      inputmode: 'numeric',
      enterkeyhint: 'next',
      placeholder: m.expiryPlaceholder,
      required: true,
      half: true,
      hint: {id: 'expiry-hint', text: m.expiryHint},
    })}
    ${renderField({
      ...common('cvc'),
      id: 'cvc',
      // The same words as the errors ("security code"), with the brand's own name beside them.
      label: rule ? m.securityCodeLabelNamed(m.securityCodeNames[securityCodeName(brand)]) : m.securityCodeLabel,
      part: 'cvc-input',
      autocomplete: 'cc-csc',
      inputmode: 'numeric',
      enterkeyhint: 'next',
      placeholder: '•'.repeat(codeDigits),
      maxlength: rule?.securityCode.length ?? 4,
      required: true,
      half: true,
      hint: {id: 'cvc-hint', text: brand === 'AMEX' ? m.securityCodeHintFront(codeDigits) : m.securityCodeHintBack(codeDigits)},
    })}
    ${renderField({
      ...common('holderName'),
      id: 'holderName',
      label: m.holderNameLabel,
      part: 'holder-name-input',
      autocomplete: 'cc-name',
      inputmode: 'text',
      enterkeyhint: 'done',
      autocapitalize: 'words',
      required: s.holderNameRequired,
    })}
    <button class="submit" part="submit-button" type="submit" ?hidden=${s.hideSubmitButton} ?disabled=${s.disabled}
      aria-disabled=${s.submitting ? 'true' : 'false'} aria-busy=${s.submitting ? 'true' : 'false'}>
      ${s.submitting ? html`<span class="spinner" aria-hidden="true"></span>${m.submitting}` : m.submit}
    </button>
  </form>`;
}
