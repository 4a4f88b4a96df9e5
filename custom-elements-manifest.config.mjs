// @custom-elements-manifest/analyzer config (`npm run analyze`): writes custom-elements.json at the
// repository root from the element's JSDoc (@fires, @csspart, @cssprop, @attr) and lit decorators.
// The catalogue (demo/catalogue) renders its API table from that file.
export default {
  globs: ['src/element/antom-card-binding.ts', 'src/element/events.ts', 'src/define.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [tidy()],
};

/**
 * Things the analyzer reads differently from what the source means:
 * - `customElements.define(TAG_NAME, …)` names the tag after the constant: use the constant's value;
 * - a one-line `/** text. @attr name *\/` comment on a decorated field adds an attribute named after
 *   the field (`hideSubmitButton`) beside the decorator's (`hide-submit-button`): keep the latter;
 * - `this.dispatchEvent(new XEvent(detail))` adds nameless events beside the @fires ones: keep
 *   only events that have a name and a description.
 */
function tidy() {
  return {
    name: 'antom-tidy',
    packageLinkPhase({customElementsManifest}) {
      const modules = customElementsManifest.modules ?? [];
      const constants = new Map();
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
          const literal = /^(['"])([a-z][\w.-]*-[\w.-]*)\1$/.exec(declaration.default ?? '');
          if (declaration.kind === 'variable' && literal) constants.set(declaration.name, literal[2]);
        }
      }
      const paths = new Set(modules.map((module) => module.path));
      for (const module of modules) {
        module.exports = (module.exports ?? []).filter(
          (entry) => entry.kind !== 'js' || entry.declaration.module !== module.path || (module.declarations ?? []).some((d) => d.name === entry.declaration.name)
        );
        for (const entry of module.exports) {
          if (entry.kind !== 'custom-element-definition') continue;
          entry.name = constants.get(entry.name) ?? entry.name;
          const source = entry.declaration.module.replace(/^\//, '').replace(/\.js$/, '.ts');
          if (paths.has(source)) entry.declaration.module = source;
        }
      }
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          if (declaration.tagName) declaration.tagName = constants.get(declaration.tagName) ?? declaration.tagName;
          const attributes = declaration.attributes ?? [];
          declaration.attributes = attributes.filter(
            (attribute) =>
              !(attribute.name === attribute.fieldName && attributes.some((other) => other !== attribute && other.fieldName === attribute.fieldName))
          );
          declaration.events = (declaration.events ?? []).filter((event) => event.name && event.description);
        }
      }
    },
  };
}
