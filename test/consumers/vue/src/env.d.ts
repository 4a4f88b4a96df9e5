// The tag's types in templates: Vue's GlobalComponents, generated from the manifest.
import type {} from 'antom-card-binding/vue';

declare global {
  interface Window {
    __events: string[];
  }
}
