/**
 * Styles of <antom-card-binding> (the alert views' own load with them: alert-view.ts). Public `--antom-*` tokens feed private `--_*` variables so a
 * theme sets a token once. Colours use light-dark(), so the element follows the page's
 * `color-scheme` (light by default, dark when the page says `color-scheme: dark`). Text uses the
 * page's font and colour unless a token says otherwise.
 */
import {css} from 'lit';

export const styles = css`
  :host {
    --_font: var(--antom-font-family, inherit);
    --_font-size: var(--antom-font-size, 1rem);
    --_text: var(--antom-color-text, inherit);
    /* Text on our own surfaces (inputs, alerts) pairs with their background, not with the page:
       a page that turns dark without color-scheme would otherwise put its light text on them. */
    --_field-text: var(--antom-color-field-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--antom-color-text-muted, light-dark(#4b5563, #b0b8c4));
    --_field-bg: var(--antom-color-background, light-dark(#ffffff, #1b1f24));
    --_border: var(--antom-color-border, light-dark(#6b7280, #8b949e));
    --_focus: var(--antom-color-focus, light-dark(#0b57d0, #8ab4f8));
    --_error: var(--antom-color-error, light-dark(#b3261e, #ffb4ab));
    --_success: var(--antom-color-success, light-dark(#146c2e, #6dd58c));
    --_primary: var(--antom-color-primary, light-dark(#0b57d0, #a8c7fa));
    --_on-primary: var(--antom-color-on-primary, light-dark(#ffffff, #062e6f));
    --_radius: var(--antom-radius, 6px);
    --_space: var(--antom-spacing, 12px);

    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    line-height: 1.4;
    container-type: inline-size;
    max-width: var(--antom-max-width, 28rem);
  }
  :host([hidden]) {
    display: none;
  }
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  form {
    display: grid;
    gap: calc(var(--_space) / 3) var(--_space);
    /* minmax(0, …): a long label (German at 200% text) wraps instead of widening the row past the screen */
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    margin: 0;
  }
  /* Each field's label line, control and error line are rows of the form's own grid (subgrid):
     when one label of the half-width row wraps, both inputs still start on the same line. */
  .field {
    display: grid;
    grid-template-rows: subgrid;
    grid-row: span 3;
    row-gap: 4px;
    grid-column: 1 / -1;
    min-width: 0;
  }
  .field.half {
    grid-column: auto;
  }
  .label-row {
    align-self: end;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 2px 8px;
  }
  label {
    font-weight: 600;
    font-size: 0.875em;
    /* Long words (German at 320 px and 200% text) break only where they must, with a hyphen where the language allows. */
    overflow-wrap: break-word;
    hyphens: auto;
    min-width: 0;
  }
  .accepted-brands {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .accepted[data-hidden] {
    visibility: hidden;
  }
  .control {
    position: relative;
  }
  input {
    display: block;
    width: 100%;
    min-height: 44px;
    margin: 0;
    padding: 0.6em 0.75em;
    font: inherit;
    font-size: max(16px, 1em); /* below 16px iOS zooms the page on focus */
    color: var(--_field-text);
    background: var(--_field-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    outline: none;
    font-variant-numeric: tabular-nums;
    text-overflow: ellipsis; /* a long placeholder on a narrow screen never runs under the brand icon */
  }
  input::placeholder {
    color: var(--_muted);
    opacity: 0.8;
  }
  /* Invalid: a 2px edge in the error colour (an inset shadow, so the field does not grow). */
  input[aria-invalid='true'] {
    border-color: var(--_error);
    box-shadow: inset 0 0 0 1px var(--_error);
  }
  /* Focus is a ring outside the border in the focus colour, on valid and invalid fields alike,
     so it never reads as (or hides) the error state. */
  input:focus {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  input:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .card-number input {
    padding-inline-end: calc(32px + 1.2em);
  }
  .brand-icon {
    position: absolute;
    inset-inline-end: 0.6em;
    top: 50%;
    transform: translateY(-50%);
    display: flex;
    pointer-events: none;
    color: var(--_muted);
  }
  /* One line is reserved, so a first error never moves the fields below; a longer one grows
     the line instead of printing over the next field. */
  .error {
    min-height: 1.5em;
    font-size: 0.8125em;
    line-height: 1.5;
    color: var(--_error);
    margin: 0;
    overflow-wrap: break-word;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .submit {
    grid-column: 1 / -1;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 44px;
    margin-top: calc(var(--_space) / 2);
    padding: 0.6em 1em;
    border: 0;
    font-weight: 600;
    color: var(--_on-primary);
    background: var(--_primary);
  }
  .submit:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .submit[aria-busy='true'] {
    opacity: 0.85;
    cursor: progress;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-right-color: currentColor;
      border-style: dotted;
    }
  }
  .secondary {
    min-height: 44px;
    padding: 0.5em 1em;
    border: 1px solid var(--_border);
    color: inherit;
    background: transparent;
  }
  .warning {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .warning h2 {
    margin: 0;
    font-size: 1em;
  }
  .warning p {
    margin: 0;
    flex: 1 1 12rem;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* Below this width the half-width fields stack (the element's own width, not the screen's). */
  @container (max-width: 18rem) {
    .field.half {
      grid-column: 1 / -1;
    }
  }
  @media (forced-colors: active) {
    /* (button.submit: the class rule above sets border: 0) */
    button,
    button.submit {
      border: 2px solid ButtonText;
    }
    /* Shadows are dropped in forced colours: the invalid state keeps a pattern of its own. */
    input[aria-invalid='true'] {
      border-width: 2px;
      border-style: dashed;
    }
    button:disabled,
    button.submit:disabled {
      border-color: GrayText;
      color: GrayText;
    }
    input:focus,
    button:focus-visible {
      outline-color: Highlight;
    }
    .warning {
      border-color: CanvasText;
    }
  }
`;
