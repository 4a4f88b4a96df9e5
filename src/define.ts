/**
 * Registers `<antom-card-binding>`. Safe to load twice (two bundles on one page): the first
 * definition wins and the second load does nothing.
 */
import {AntomCardBinding} from './element/antom-card-binding.js';

export const TAG_NAME = 'antom-card-binding';

if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, AntomCardBinding);

export {AntomCardBinding};

declare global {
  interface HTMLElementTagNameMap {
    'antom-card-binding': AntomCardBinding;
  }
}
