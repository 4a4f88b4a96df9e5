// Tree-shaking of the package's root entry, as an app's bundler sees it: `import {validateCard}
// from 'antom-card-binding'` (card rules only) and `import {AntomCardBinding} ...` (the element),
// bundled from dist/ through node_modules (so package.json's `sideEffects` applies) with esbuild
// and with rollup (Vite's production bundler) + terser, minified. Prints bytes (raw, gzip -9) and
// whether lit came along. `npm run bench` prints these lines; `node scripts/bench-treeshake.mjs`
// alone works too (needs dist/).
import {mkdirSync, rmSync, symlinkSync, writeFileSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {gzipSync} from 'node:zlib';
import {build} from 'esbuild';
import {rollup} from 'rollup';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'test-output', 'treeshake');

export const CASES = {
  'card rules only (validateCard)': "import {validateCard} from 'antom-card-binding';\nconsole.log(validateCard);\n",
  'event classes only (CardBoundEvent)': "import {CardBoundEvent} from 'antom-card-binding';\nconsole.log(CardBoundEvent);\n",
  'the element class (AntomCardBinding)': "import {AntomCardBinding} from 'antom-card-binding';\nconsole.log(AntomCardBinding);\n",
};

function prepare() {
  rmSync(WORK, {recursive: true, force: true});
  mkdirSync(join(WORK, 'node_modules'), {recursive: true});
  // The package as installed: package.json + dist/, found by name. lit, zod come from the repo's
  // node_modules (the bundlers walk up from the package's real path).
  symlinkSync(ROOT, join(WORK, 'node_modules', 'antom-card-binding'), 'dir');
}

const hasLit = (code) => /LitElement|lit-html|litElementHydrateSupport|reactiveElementVersions/.test(code);

// esbuild without splitting (with it, every dynamic import() target becomes an entry even when its
// importer is shaken away): one file, lazy chunks inlined where still reachable.
async function withEsbuild(entry) {
  const result = await build({entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false, platform: 'browser', conditions: ['production'], logLevel: 'silent'});
  return result.outputFiles[0].text;
}

// rollup: the entry chunk and the chunks it imports statically (lazy ones left out of the figure).
async function withRollup(entry) {
  const bundle = await rollup({
    input: entry,
    onwarn: () => {},
    plugins: [nodeResolve({exportConditions: ['production', 'default', 'module', 'import'], browser: true}), terser({ecma: 2022, module: true, format: {comments: false}})],
  });
  const {output} = await bundle.generate({format: 'es', inlineDynamicImports: false});
  await bundle.close();
  const chunks = new Map(output.filter((item) => item.type === 'chunk').map((item) => [item.fileName, item]));
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const next of chunks.get(name).imports) if (chunks.has(next)) visit(next);
  };
  visit(output.find((item) => item.type === 'chunk' && item.isEntry).fileName);
  return [...seen].map((name) => chunks.get(name).code).join('\n');
}

export async function measureTreeShaking() {
  prepare();
  const rows = [];
  let index = 0;
  for (const [label, source] of Object.entries(CASES)) {
    const entry = join(WORK, `case-${index++}.js`);
    writeFileSync(entry, source);
    for (const [tool, bundle] of [['esbuild', withEsbuild], ['rollup', withRollup]]) {
      const code = await bundle(entry);
      rows.push({label, tool, bytes: Buffer.byteLength(code), gzip: gzipSync(code, {level: 9}).length, lit: hasLit(code)});
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  readFileSync(join(ROOT, 'dist', 'index.js'));
  for (const row of await measureTreeShaking()) {
    console.log(`${`${row.label}, ${row.tool}`.padEnd(52)} ${(row.bytes / 1024).toFixed(2).padStart(7)} KB  ${(row.gzip / 1024).toFixed(2).padStart(6)} KB gz  ${row.lit ? 'lit included' : 'no lit'}`);
  }
}
