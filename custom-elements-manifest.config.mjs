// @custom-elements-manifest/analyzer config (`npm run analyze`): writes custom-elements.json at the
// repository root from the element's JSDoc (@fires, @csspart, @cssprop, @attr) and lit decorators.
// The catalogue (demo/catalogue) renders its API table from that file; the package ships it
// (package.json `customElements`, exported as `antom-card-binding/custom-elements.json`), so its
// module paths name the files in the package (dist/*.js), never src/. scripts/framework-types.mjs
// generates the framework typings, VS Code custom data and web-types from it.
export default {
  globs: ['src/element/antom-card-binding.ts', 'src/element/events.ts', 'src/define.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [tidy(), forTools()],
};

/** Where each analysed source module is in the package (what an import of it gives). */
const PACKAGE_MODULES = {
  'src/element/antom-card-binding.ts': 'dist/index.js',
  'src/element/events.ts': 'dist/index.js',
  'src/define.ts': 'dist/define.js',
};

/**
 * For tools reading the manifest from the package:
 * - every event carries its type: the class named at the end of its description (`CardBoundEvent`),
 *   else the entry of AntomCardBindingEventMap;
 * - every attribute carries its field's type (`submit-timeout` -> number);
 * - module paths are those of the package (src/*.ts is not in it); modules landing in one file merge.
 */
function forTools() {
  return {
    name: 'antom-for-tools',
    packageLinkPhase({customElementsManifest}) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          for (const event of declaration.events ?? []) {
            const named = /`(Card\w+Event)`\.?\s*$/.exec(event.description ?? '');
            const exported = named && named[1] !== 'CardHostedEvent';
            event.type = {text: exported ? named[1] : `AntomCardBindingEventMap['${event.name}']`};
          }
          const fields = new Map((declaration.members ?? []).map((member) => [member.name, member]));
          for (const attribute of declaration.attributes ?? []) {
            const type = attribute.type ?? fields.get(attribute.fieldName)?.type;
            if (type) attribute.type = type;
          }
        }
      }
      const byPath = new Map();
      for (const module of customElementsManifest.modules ?? []) {
        const path = PACKAGE_MODULES[module.path];
        if (!path) throw new Error(`custom-elements-manifest.config.mjs: no package path for ${module.path}`);
        const relink = (reference) => {
          if (reference?.module && PACKAGE_MODULES[reference.module.replace(/^\//, '')]) reference.module = PACKAGE_MODULES[reference.module.replace(/^\//, '')];
        };
        for (const declaration of module.declarations ?? []) relink(declaration.superclass);
        for (const entry of module.exports ?? []) relink(entry.declaration);
        const target = byPath.get(path);
        if (target) {
          target.declarations = [...(target.declarations ?? []), ...(module.declarations ?? [])];
          target.exports = [...(target.exports ?? []), ...(module.exports ?? [])];
        } else {
          module.path = path;
          byPath.set(path, module);
        }
      }
      customElementsManifest.modules = [...byPath.values()];
    },
  };
}

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
