/**
 * FocusController: where focus goes after a render (a field, the alert heading) and where it
 * returns when an alert closes. Focus moves only in answer to the buyer (submit, close, a
 * finished field with auto-advance on), never on its own.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CardFieldName} from '../events.js';

export const FIELDS: readonly CardFieldName[] = ['cardNumber', 'expiry', 'cvc', 'holderName'];

type Host = ReactiveControllerHost & {readonly renderRoot: HTMLElement | DocumentFragment};

export class FocusController implements ReactiveController {
  #pending: 'alert' | CardFieldName | null = null;
  /** The field that had focus when the form gave way to an alert. */
  #beforeAlert: CardFieldName | null = null;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** The inputs found so far: a lookup per keystroke and field adds up (see the keystroke bench). */
  readonly #inputs = new Map<CardFieldName, HTMLInputElement>();

  input(field: CardFieldName): HTMLInputElement | null {
    const cached = this.#inputs.get(field);
    // A cached input still connected is the one (inputs never move between roots); the form may
    // have been rendered anew (hosted mode and back), which disconnects the old ones.
    if (cached?.isConnected) return cached;
    const input = this.host.renderRoot.querySelector<HTMLInputElement>(`#${field}`);
    if (input) this.#inputs.set(field, input);
    else this.#inputs.delete(field);
    return input;
  }

  /** Whether focus is anywhere inside the element. */
  get within(): boolean {
    return this.host.renderRoot instanceof ShadowRoot && this.host.renderRoot.activeElement !== null;
  }

  focusedField(): CardFieldName | null {
    const active = this.host.renderRoot instanceof ShadowRoot ? this.host.renderRoot.activeElement : null;
    const id = active instanceof HTMLInputElement ? (active.id as CardFieldName) : null;
    return id && FIELDS.includes(id) ? id : null;
  }

  field(field: CardFieldName): void {
    const input = this.input(field);
    if (input) input.focus();
    else this.#pending = field;
  }

  /** Remembers the field to come back to, then focuses the alert heading after the next render. */
  toAlert(): void {
    this.#beforeAlert = this.focusedField() ?? this.#beforeAlert;
    this.#pending = 'alert';
    this.host.requestUpdate();
  }

  /** Back to the field focused before the alert (the card number by default). */
  backToForm(): void {
    this.#pending = this.#beforeAlert ?? 'cardNumber';
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const target = this.#pending;
    if (!target) return;
    const element = target === 'alert' ? this.host.renderRoot.querySelector<HTMLElement>('#alert-title') : this.input(target);
    // The alert's heading may not be drawn yet (its chunk is on the way): wait for the render that draws it.
    if (!element && target === 'alert') return;
    this.#pending = null;
    element?.focus();
  }
}
