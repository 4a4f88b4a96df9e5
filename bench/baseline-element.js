// Baseline for the benchmark: the smallest Lit element with one labelled input, bundled with the
// same rollup/terser settings. Its numbers in the same run give the element's numbers a scale.
import {LitElement, html} from 'lit';

class BaselineInput extends LitElement {
  render() {
    return html`<label for="x">Card number</label><input id="x" type="text" />`;
  }
  firstUpdated() {
    this.dispatchEvent(new Event('ready', {bubbles: true, composed: true}));
  }
}
customElements.define('baseline-input', BaselineInput);
