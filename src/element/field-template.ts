/**
 * Render helper for one labelled text field: a real `<label for>`, the input with its
 * autocomplete and keyboard hints, a reserved error line referenced by `aria-describedby`.
 * Inputs are uncontrolled (no `.value` binding): the element formats their values itself, so
 * card data never passes through a template or a reactive property.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';

export interface FieldOptions {
  readonly id: string;
  readonly label: string;
  /** Decorative content on the label's line (the accepted brands' marks). */
  readonly aside?: TemplateResult;
  readonly part: string;
  readonly autocomplete: string;
  readonly inputmode?: 'numeric' | 'text';
  readonly enterkeyhint: 'next' | 'done';
  readonly placeholder?: string;
  readonly maxlength?: number;
  readonly error: string | null;
  readonly required: boolean;
  readonly disabled: boolean;
  /** Locked while a submission is in flight: read-only keeps focus where it was (disabled would drop it). */
  readonly readonly?: boolean;
  /**
   * Screen-reader-only text describing the field (format, brand, where the code is), referenced by
   * aria-describedby before the error. Rendered in this template rather than passed in as a
   * template of its own: fewer templates make the first render cheaper.
   */
  readonly hint?: {readonly id: string; readonly text: string};
  readonly half?: boolean;
  /** Content drawn inside the control, after the input (the brand icon). */
  readonly adornment?: TemplateResult;
  readonly autocapitalize?: 'off' | 'words';
  readonly onInput: (event: InputEvent) => void;
  readonly onBlur: () => void;
  readonly onKeydown?: (event: KeyboardEvent) => void;
}

export function renderField(options: FieldOptions): TemplateResult {
  const errorId = `${options.id}-error`;
  const describedBy = options.hint ? `${options.hint.id} ${errorId}` : errorId;
  // `card-number-input` -> `card-number`: the documented part names (`card-number-field`...).
  const name = options.part.replace(/-input$/, '');
  return html`<div class="field ${name} ${options.half ? 'half' : ''}" part="field ${name}-field">
    <div class="label-row"><label for=${options.id} part="label">${options.label}</label>${options.aside ?? nothing}</div>
    <div class="control">
      <input
        id=${options.id}
        part="input ${options.part}"
        type="text"
        name=${options.id}
        inputmode=${ifDefined(options.inputmode)}
        autocomplete=${options.autocomplete}
        autocapitalize=${options.autocapitalize ?? 'off'}
        autocorrect="off"
        spellcheck="false"
        enterkeyhint=${options.enterkeyhint}
        placeholder=${ifDefined(options.placeholder)}
        maxlength=${ifDefined(options.maxlength)}
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        ?required=${options.required}
        aria-required=${options.required ? 'true' : 'false'}
        ?disabled=${options.disabled}
        ?readonly=${options.readonly ?? false}
        @input=${options.onInput}
        @blur=${options.onBlur}
        @keydown=${options.onKeydown ?? nothing}
      />
      ${options.adornment ?? nothing}
    </div>
    <span id=${ifDefined(options.hint?.id)} class="sr-only" ?hidden=${!options.hint}>${options.hint?.text ?? ''}</span>
    <p class="error" id=${errorId} part="error">${options.error ?? ''}</p>
  </div>`;
}
