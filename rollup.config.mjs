// Builds:
//  1. dist/index.js + dist/define.js + dist/react.js: ES modules for bundler users, lit, @lit/*, zod
//     and react external so an app has one of each; locale strings and the submit path in
//     dist/chunks/*.js, loaded on demand. The card rules, events and locale list sit in their own
//     chunk (dist/chunks/rules.js) with no import of lit, so an app importing only them from the
//     root (side-effect free) leaves the element chunk, and lit, out.
//  2. dist/antom-card-binding.bundle.js: one self-contained, minified file that registers the
//     element when loaded with <script type="module"> (CMS embed, CDN); its lazy chunks (locales, submit path) sit
//     beside it in dist/bundle-chunks/ and load only when needed.
//  3. dist/server/*.js and dist/sandbox/*.js: the Node merchant helper and the sandbox emulator.
import {existsSync} from 'node:fs';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import {minifyTemplates} from './scripts/rollup-minify-templates.mjs';

const LIT_EXTERNAL = [/^lit(\/|$)/, /^lit-html(\/|$)/, /^lit-element(\/|$)/, /^@lit\//];
// The lit-external build leaves every runtime dependency (and react, for ./react) to the app.
const PACKAGE_EXTERNAL = [...LIT_EXTERNAL, /^zod(\/|$)/, /^react(\/|$)/, /^react-dom(\/|$)/];

// Modules that need neither lit nor zod: one chunk the root entry can use alone.
const RULES = /\/src\/(card\/|element\/events\.ts$|i18n\/(locales|closest-lang)\.ts$)/;
// The session decoder (zod): its own chunk, for `decodeSession` from the root.
const SESSION = /\/src\/session\/(decode-session|session-schema)\.ts$/;
// The element and what it imports statically (never its lazy chunks): a chunk of its own, so
// index.js (and define.js, react.js) re-export it instead of index.js carrying it with a
// top-level `import "lit"`, which an app's bundler keeps (lit declares no sideEffects) even when
// the app imports only the card rules.
const ELEMENT =
  /\/src\/(element\/(antom-card-binding(\.styles)?|form-template|alert-kinds|brand-marks)\.ts|element\/controllers\/[^/]+\.ts|element\/brand-marks\/loaders\.ts|i18n\/(messages|translator)\.ts|session\/read-session\.ts)$/;

function onwarn(warning, warn) {
  // zod 4's own harmless noise (comments near /*@__PURE__*/, a core<->util cycle).
  if (warning.code === 'INVALID_ANNOTATION' && /node_modules\/zod/.test(warning.id ?? '')) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules/zod'))) {
    return;
  }
  warn(warning);
}

// The self-contained bundle: the element and the generated locale modules use only @lit/localize's
// `str` tag (the element never calls configureLocalization, see src/i18n/translator.ts), but the
// package root also brings its runtime (module-level state, a Deferred, the id hash), which
// rollup must keep for their top-level code. This resolves our `import {str} from
// '@lit/localize'` to the module that defines the tag (the package has no "exports" map, so the
// deep path is public to resolvers), one module shared by the entry and the locale chunks. Any
// other value imported from '@lit/localize' in src/ would fail the build (MISSING_EXPORT), never
// ship silently broken. Only for the bundle: the lit-external build leaves @lit/localize to the app.
const LOCALIZE_STR_TAG = '@lit/localize/internal/str-tag.js';
function localizeStrTagOnly() {
  return {
    name: 'localize-str-tag-only',
    resolveId(source, importer, options) {
      if (source !== '@lit/localize' || !importer || !/\/src\//.test(importer)) return null;
      return this.resolve(LOCALIZE_STR_TAG, importer, {...options, skipSelf: true});
    },
  };
}

const browserPlugins = (minify) => [
  // Production builds of lit (no dev-mode warnings, smaller).
  nodeResolve({exportConditions: ['production', 'default', 'module', 'import'], browser: true}),
  esbuild({target: 'es2022', tsconfig: './tsconfig.json', minify: false}),
  // Three compress passes: each pass finds more once the previous one has inlined and dropped
  // code (a fourth finds nothing more). Only terser's safe transforms: no pure_getters (getters
  // with side effects), no unsafe_*.
  ...(minify ? [minifyTemplates(), terser({ecma: 2022, module: true, compress: {passes: 3}, format: {comments: false}})] : []),
];

// Locale modules become `<folder>/<locale>.js`; other lazy chunks (the submit path) `<folder>/…`
// with a content hash of 6 characters (36 bits, plenty to tell versions apart; rollup's shortest):
// the entry names each chunk it loads, and 8 characters of hash cost it about 25 B of gzip.
const chunkNames = (folder) => (chunk) =>
  chunk.moduleIds.length === 1 && /\/generated\/locales\//.test(chunk.moduleIds[0])
    ? `${folder}/[name].js`
    : `${folder}/[name]-[hash:6].js`;

const builds = [
  {
    input: {index: 'src/index.ts', define: 'src/define.ts', react: 'src/react/index.ts'},
    external: PACKAGE_EXTERNAL,
    preserveEntrySignatures: 'allow-extension',
    // No `import "lit"` hoisted into index.js for a chunk it may not need; externals are the app's.
    treeshake: {moduleSideEffects: 'no-external'},
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      sourcemapExcludeSources: true,
      hoistTransitiveImports: false,
      entryFileNames: '[name].js',
      chunkFileNames: chunkNames('chunks'),
      manualChunks: (id) =>
        RULES.test(id) ? 'rules' : SESSION.test(id) ? 'session' : ELEMENT.test(id) ? 'element' : undefined,
    },
    plugins: browserPlugins(true),
    onwarn,
  },
  {
    input: {'antom-card-binding.bundle': 'src/bundle.ts'},
    preserveEntrySignatures: 'allow-extension',
    output: {dir: 'dist', format: 'es', sourcemap: true, sourcemapExcludeSources: true, entryFileNames: '[name].js', chunkFileNames: chunkNames('bundle-chunks')},
    plugins: [localizeStrTagOnly(), ...browserPlugins(true)],
    onwarn,
  },
];

const nodeEntries = {
  'server/index': 'src/server/index.ts',
  'sandbox/index': 'src/sandbox/index.ts',
  'sandbox/cli': 'src/sandbox/cli.ts',
};
const presentNodeEntries = Object.fromEntries(Object.entries(nodeEntries).filter(([, file]) => existsSync(file)));
if (Object.keys(presentNodeEntries).length > 0) {
  builds.push({
    input: presentNodeEntries,
    external: (id) => id.startsWith('node:') || id === 'zod' || id.startsWith('zod/'),
    output: {dir: 'dist', format: 'es', sourcemap: true, sourcemapExcludeSources: true, entryFileNames: '[name].js', chunkFileNames: 'node-shared/[name]-[hash].js'},
    plugins: [nodeResolve({preferBuiltins: true}), esbuild({target: 'node20', tsconfig: './tsconfig.json'})],
    onwarn,
  });
}

export default builds;
