/**
 * CardFieldsController: the four inputs' formatting, validation state, shown errors, `change`
 * events and auto-advance.
 *
 * Card data lives only in the inputs' values and, while the buyer types, in ES private fields
 * here (the edit history the formatter needs). It never goes into reactive properties, event
 * details or logs, and `wipe()` drops it.
 *
 * Auto-advance (WCAG 3.2.2, "On Input"): off unless the page sets `auto-advance`; when on, the
 * card number's description tells the buyer, and focus moves on only
 * - after a keystroke that added a character at the end of the field,
 * - when that keystroke finished the field: it can no longer grow (a 16-digit Visa may still
 *   become 19 digits, so only 19 moves on), the expiry has month and year, the code its length,
 * - once per field: a field the buyer came back to never moves focus away again.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {
  formatCardNumberInput,
  formatCvcInput,
  formatExpiryInput,
  isCardNumberFinished,
  isCvcFilled,
  validateCard,
  type CardBrand,
  type CardErrorCode,
  type FieldResult,
  type TextWithCaret,
} from '../../card/index.js';
import {CardChangeEvent, type CardChangeDetail, type CardFieldName} from '../events.js';
import type {CardSecrets} from '../../gateway/bind-card.js';
import {FIELDS, type FocusController} from './focus.js';

type Host = ReactiveControllerHost & HTMLElement & {readonly autoAdvance: boolean; readonly renderRoot: HTMLElement | DocumentFragment};

export interface FieldRules {
  readonly acceptedBrands: readonly CardBrand[] | undefined;
  readonly holderNameRequired: boolean;
}

const NONE: Record<CardFieldName, CardErrorCode | null> = {cardNumber: null, expiry: null, cvc: null, holderName: null};

function emptyEdits(): Record<CardFieldName, TextWithCaret> {
  const empty = {value: '', caret: 0};
  return {cardNumber: empty, expiry: empty, cvc: empty, holderName: empty};
}

/**
 * Undo history of a formatted field: the values the buyer had on screen, oldest first, and which
 * one is shown. The browser's own history replays raw edits onto values the element reformatted
 * (undo stuck at a partial number, redo typing a number the buyer never typed), so the card
 * number, expiry and security code keep their own; the name is never reformatted and keeps the
 * browser's. It holds card data like #previous does, and is dropped with it.
 */
interface History {
  states: TextWithCaret[];
  at: number;
}
const HISTORY_LIMIT = 100;

function noFields(): Record<CardFieldName, boolean> {
  return {cardNumber: false, expiry: false, cvc: false, holderName: false};
}

export class CardFieldsController implements ReactiveController {
  brand: CardBrand | null = null;
  shownErrors: Readonly<Record<CardFieldName, CardErrorCode | null>> = NONE;
  complete = false;
  empty = true;
  /** The card number field is empty (the accepted-brands row shows only then). */
  numberEmpty = true;
  /** While true, no `change` fires (wiping after an outcome: the outcome event says it all). */
  #silent = false;
  #previous = emptyEdits();
  #histories: Partial<Record<CardFieldName, History>> = {};
  #results: Record<CardFieldName, FieldResult> | null = null;
  #revealed = noFields();
  /** Fields focus already moved on from, or that the buyer came back to: no auto-advance again. */
  #settled = noFields();
  #lastChange = '';

  constructor(
    private readonly host: Host,
    private readonly focus: FocusController,
    private readonly rules: () => FieldRules,
    private readonly onErrorShown: (code: CardErrorCode) => void
  ) {
    host.addController(this);
  }

  // One listener of each kind for the four inputs, on the shadow root, instead of listeners bound
  // per input through the template (fewer template parts to commit on the first render). `input`
  // and `blur` are caught in the capture phase: blur does not bubble, and the value is formatted
  // before any listener on the input itself runs, as when the listener was on the input.
  hostConnected(): void {
    const root = this.host.renderRoot;
    root.addEventListener('beforeinput', this.#onBeforeInput);
    root.addEventListener('keydown', this.#onHistoryKey);
    root.addEventListener('focusin', this.#onFocusIn);
    root.addEventListener('input', this.#onInputEvent, true);
    root.addEventListener('blur', this.#onBlurEvent, true);
  }

  hostDisconnected(): void {
    const root = this.host.renderRoot;
    root.removeEventListener('beforeinput', this.#onBeforeInput);
    root.removeEventListener('keydown', this.#onHistoryKey);
    root.removeEventListener('focusin', this.#onFocusIn);
    root.removeEventListener('input', this.#onInputEvent, true);
    root.removeEventListener('blur', this.#onBlurEvent, true);
  }

  /** Field results (validating first if nothing was typed yet). */
  results(): Record<CardFieldName, FieldResult> {
    if (!this.#results) this.revalidate(null);
    return this.#results!;
  }

  /** Records value and caret just before an edit, so the formatter knows where the edit was. */
  readonly #onBeforeInput = (event: Event): void => {
    // InputEvent.data holds typed characters: keep it inside the shadow root.
    event.stopPropagation();
    const field = this.#fieldOf(event.target);
    if (!field) return;
    const target = event.target as HTMLInputElement;
    const {inputType} = event as InputEvent;
    if ((inputType === 'historyUndo' || inputType === 'historyRedo') && field !== 'holderName') {
      event.preventDefault();
      this.#step(field, target, inputType === 'historyUndo' ? -1 : 1);
      return;
    }
    this.#previous[field] = {value: target.value, caret: target.selectionStart ?? target.value.length};
  };

  /**
   * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y in a formatted field: taken before the browser's
   * history (which would fire no `beforeinput` for a redo it does not have). Undo and redo from a
   * menu arrive as `beforeinput` above.
   */
  readonly #onHistoryKey = (event: Event): void => {
    const {key, ctrlKey, metaKey, shiftKey, altKey} = event as KeyboardEvent;
    if (!(ctrlKey || metaKey) || altKey) return;
    const letter = key.toLowerCase();
    const by = letter === 'z' ? (shiftKey ? 1 : -1) : letter === 'y' && ctrlKey && !shiftKey ? 1 : 0;
    const field = by === 0 ? null : this.#fieldOf(event.target);
    if (!field || field === 'holderName') return;
    event.preventDefault();
    this.#step(field, event.target as HTMLInputElement, by as -1 | 1);
  };

  /** One undo (-1) or redo (+1) step of a formatted field: the value and caret it had then. */
  #step(field: CardFieldName, input: HTMLInputElement, by: -1 | 1): void {
    const history = this.#history(field);
    const state = history.states[history.at + by];
    if (!state) return;
    history.at += by;
    input.value = state.value;
    input.setSelectionRange(state.caret, state.caret);
    this.#previous[field] = state;
    this.#revealed[field] = false;
    this.revalidate(field);
  }

  #history(field: CardFieldName): History {
    return (this.#histories[field] ??= {states: [{value: '', caret: 0}], at: 0});
  }

  /** After an edit: the new value is the newest state (a redo branch after an undo is dropped). */
  #remember(field: CardFieldName, state: TextWithCaret): void {
    const history = this.#history(field);
    if (history.states[history.at]!.value === state.value) return; // a refused key changed nothing
    history.states.splice(history.at + 1, Infinity, state);
    if (history.states.length > HISTORY_LIMIT) history.states.shift();
    history.at = history.states.length - 1;
  }

  /** A field entered with something in it is one the buyer came back to. */
  readonly #onFocusIn = (event: Event): void => {
    const field = this.#fieldOf(event.target);
    if (field && (event.target as HTMLInputElement).value !== '') this.#settled[field] = true;
  };

  /** The field whose input `target` is (one of this element's four inputs), or null. */
  #fieldOf(target: EventTarget | null): CardFieldName | null {
    const id = (target as Element | null)?.id as CardFieldName;
    return FIELDS.includes(id) && this.focus.input(id) === target ? id : null;
  }

  readonly #onInputEvent = (event: Event): void => {
    const field = this.#fieldOf(event.target);
    if (field) this.onInput(field, event as InputEvent);
  };

  readonly #onBlurEvent = (event: Event): void => {
    const field = this.#fieldOf(event.target);
    if (field) this.onBlur(field);
  };

  onInput(field: CardFieldName, event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const previous = this.#previous[field];
    const value = input.value;
    const caret = input.selectionStart ?? value.length;
    const formatted = this.#format(field, previous, {value, caret});
    // DOM writes only where something changed: they are most of a keystroke's cost.
    if (value !== formatted.value) input.value = formatted.value;
    if ((value !== formatted.value || caret !== formatted.caret) && this.focus.focusedField() === field) {
      input.setSelectionRange(formatted.caret, formatted.caret);
    }
    this.#previous[field] = formatted;
    // The name is never reformatted: the browser's own undo serves it, and no copy is kept here.
    if (field !== 'holderName') this.#remember(field, formatted);
    this.#revealed[field] = false;
    // Asked before revalidating (it reads the previous value's result), and only with auto-advance on.
    const autoAdvance = this.host.autoAdvance;
    const wasFilled = autoAdvance && this.#isFilled(field, previous.value);
    this.revalidate(field);
    const grewAtEnd =
      event.inputType === 'insertText' && formatted.value.length > previous.value.length && formatted.caret === formatted.value.length;
    if (autoAdvance && grewAtEnd && !wasFilled && !this.#settled[field] && this.#isFilled(field, formatted.value)) {
      this.#settled[field] = true;
      const nextField = FIELDS[FIELDS.indexOf(field) + 1];
      if (nextField) this.focus.field(nextField);
    }
  }

  onBlur(field: CardFieldName): void {
    const value = this.focus.input(field)?.value ?? '';
    this.#revealed[field] = value.trim() !== '' || this.#revealed[field];
    this.revalidate(field);
  }

  /** Shows every field's error (submit). Returns the invalid fields, in order. */
  revealAll(): CardFieldName[] {
    this.revalidate(null);
    for (const field of FIELDS) this.#revealed[field] = true;
    this.#updateShown(null);
    return FIELDS.filter((field) => this.#results![field].status !== 'valid');
  }

  values(): Record<CardFieldName, string> {
    const value = (field: CardFieldName) => this.focus.input(field)?.value ?? '';
    return {cardNumber: value('cardNumber'), expiry: value('expiry'), cvc: value('cvc'), holderName: value('holderName')};
  }

  secrets(): CardSecrets {
    const values = this.values();
    const digits = values.expiry.replace(/\D/g, '');
    return {
      cardNo: values.cardNumber.replace(/\D/g, ''),
      expiryMonth: digits.slice(0, 2),
      expiryYear: digits.slice(-2),
      cvv: values.cvc,
      cardholderName: values.holderName.trim() || undefined,
    };
  }

  /** Empties every field; `silent`: without a `change` event (after an outcome). */
  clear(silent: boolean): void {
    this.#silent = silent;
    for (const field of FIELDS) {
      const input = this.focus.input(field);
      if (input) input.value = '';
    }
    this.#previous = emptyEdits();
    this.#histories = {};
    this.#revealed = noFields();
    this.#settled = noFields();
    this.revalidate(null);
    this.#silent = false;
  }

  /** Re-runs the card rules; `field` is the one that changed (null: all may have). */
  revalidate(field: CardFieldName | null): void {
    const rules = this.rules();
    const values = this.values();
    const result = validateCard(values, {acceptedBrands: rules.acceptedBrands, holderNameRequired: rules.holderNameRequired});
    this.#results = result.fields as Record<CardFieldName, FieldResult>;
    this.complete = result.complete;
    this.empty = result.empty;
    const numberEmpty = values.cardNumber === '';
    if (result.brand !== this.brand || numberEmpty !== this.numberEmpty) {
      this.brand = result.brand;
      this.numberEmpty = numberEmpty;
      this.host.requestUpdate();
    }
    this.#updateShown(field);
  }

  #updateShown(changed: CardFieldName | null): void {
    const results = this.#results!;
    const shown = {} as Record<CardFieldName, CardErrorCode | null>;
    let differs = false;
    for (const field of FIELDS) {
      const result = results[field];
      shown[field] = result.status === 'valid' ? null : result.status === 'invalid' || this.#revealed[field] ? result.error : null;
      if (shown[field] !== this.shownErrors[field]) differs = true;
    }
    // Announce an error that just appeared on the field being edited or left.
    if (changed && shown[changed] && shown[changed] !== this.shownErrors[changed]) this.onErrorShown(shown[changed]!);
    if (differs) {
      this.shownErrors = shown;
      this.host.requestUpdate();
    }
    this.#emitChange();
  }

  #emitChange(): void {
    const e = this.shownErrors;
    // A cheap key instead of JSON.stringify: this runs on every keystroke.
    const key = `${+this.complete}${+this.empty}${this.brand}${e.cardNumber}${e.expiry}${e.cvc}${e.holderName}`;
    if (key === this.#lastChange) return;
    this.#lastChange = key;
    if (this.#silent) return;
    const detail: CardChangeDetail = {complete: this.complete, empty: this.empty, brand: this.brand, errors: {...e}};
    this.host.dispatchEvent(new CardChangeEvent(detail));
  }

  #format(field: CardFieldName, previous: TextWithCaret, next: TextWithCaret): TextWithCaret {
    switch (field) {
      case 'cardNumber':
        return formatCardNumberInput(previous, next, this.rules().acceptedBrands);
      case 'expiry':
        return formatExpiryInput(previous, next);
      case 'cvc':
        return formatCvcInput(next, this.brand);
      case 'holderName':
        return next;
    }
  }

  /** Whether `value` finishes the field (see the module comment); needs the field to be valid. */
  #isFilled(field: CardFieldName, value: string): boolean {
    if (value === '') return false;
    if (value === this.focus.input(field)?.value && this.#results?.[field].status !== 'valid') return false;
    switch (field) {
      case 'cardNumber':
        return isCardNumberFinished(value.replace(/\D/g, '').length, this.brand, this.rules().acceptedBrands);
      case 'expiry':
        return value.replace(/\D/g, '').length === 4;
      case 'cvc':
        return isCvcFilled(value, this.brand);
      case 'holderName':
        return false;
    }
  }
}
