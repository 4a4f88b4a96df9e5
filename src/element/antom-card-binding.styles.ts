/**
 * Styles of <antom-card-binding>. Public `--antom-*` tokens feed private `--_*` variables so a
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
    --_muted: var(--antom-color-text-muted, light-dark(#4b5563, #b0b8c4));
    --_field-bg: var(--antom-color-background, light-dark(#ffffff, #1b1f24));
    --_border: var(--antom-color-border, light-dark(#6b7280, #8b949e));
    --_focus: var(--antom-color-focus, light-dark(#0b57d0, #8ab4f8));
    --_error: var(--antom-color-error, light-dark(#b3261e, #ffb4ab));
    --_primary: var(--antom-color-primary, light-dark(#0b57d0, #a8c7fa));
    --_on-primary: var(--antom-color-on-primary, light-dark(#ffffff, #062e6f));
    --_radius: var(--antom-radius, 6px);
    --_space: var(--antom-spacing, 12px);

    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    line-height: 1.4;
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
  .field {
    display: grid;
    gap: 4px;
    grid-column: 1 / -1;
    min-width: 0;
  }
  .field.half {
    grid-column: auto;
  }
  label {
    font-weight: 600;
    font-size: 0.875em;
    overflow-wrap: anywhere;
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
    color: inherit;
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
  input:focus-visible,
  input:focus {
    border-color: var(--_focus);
    box-shadow: 0 0 0 1px var(--_focus);
    outline: 2px solid transparent; /* keeps a visible ring in forced-colors mode */
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  input[aria-invalid='true']:focus {
    box-shadow: 0 0 0 1px var(--_error);
  }
  input:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .card-number input {
    padding-inline-end: 3.25em;
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
  /* A fixed line: an error appearing never moves the fields below (messages are kept short). */
  .error {
    height: 1.5em;
    font-size: 0.8125em;
    line-height: 1.5em;
    color: var(--_error);
    margin: 0;
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
      animation-duration: 2.4s;
    }
  }
  .alert {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_field-bg);
  }
  .alert h2 {
    margin: 0;
    font-size: 1.125em;
  }
  .alert h2:focus {
    outline: none;
  }
  .alert h2:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .alert p {
    margin: 0;
  }
  .alert[data-tone='error'] h2 {
    color: var(--_error);
  }
  .alert .actions {
    display: flex;
    gap: var(--_space);
    flex-wrap: wrap;
  }
  .secondary {
    min-height: 44px;
    padding: 0.5em 1em;
    border: 1px solid var(--_border);
    color: inherit;
    background: transparent;
  }
  .alert h2 .spinner {
    display: inline-block;
    margin-inline-end: 0.5em;
    vertical-align: -0.125em;
  }
  .warning {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
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
  @media (forced-colors: active) {
    input[aria-invalid='true'] {
      border-width: 2px;
    }
  }
`;
