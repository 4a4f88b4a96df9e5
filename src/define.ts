/**
 * Registers `<antom-card-binding>`. Safe to load twice (two bundles on one page): the first
 * definition wins; a second copy of the class (the bundle and `antom-card-binding/define`, or two
 * versions) stays unused with one console warning, since `instanceof` its class is false for the
 * page's elements.
 */
import {AntomCardBinding} from './element/antom-card-binding.js';

export const TAG_NAME = 'antom-card-binding';

const defined = customElements.get(TAG_NAME);
if (!defined) customElements.define(TAG_NAME, AntomCardBinding);
else if (defined !== AntomCardBinding) {
  console.warn(
    `<${TAG_NAME}> is already defined by another copy of antom-card-binding; this one is unused (its instanceof is false). Load one copy.`
  );
}

export {AntomCardBinding};

declare global {
  interface HTMLElementTagNameMap {
    'antom-card-binding': AntomCardBinding;
  }
}
