// The self-contained bundle carries only the `str` tag of @lit/localize (rollup.config.mjs resolves
// the package to its str-tag module for that build): not its runtime (configureLocalization, the
// Deferred, the id hash), which the element never uses. The locale chunks share that one module
// with the entry: each imports the entry and nothing else, so a non-English page fetches the
// entry and its locale's chunk, no third file. The lit-external build keeps importing the
// package itself, the app's copy.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {parseAst} from 'rollup/parseAst';
import {INSTALLED} from './helpers.mjs';

const DIST = join(INSTALLED, 'dist');
const LOCALES = ['de', 'es', 'fr', 'it', 'ko', 'nl', 'pt-BR'];

/** A module's static and dynamic import specifiers. */
function importsOf(file) {
  const body = parseAst(readFileSync(file, 'utf8')).body;
  const staticImports = body.filter((node) => node.type === 'ImportDeclaration' || (node.type.startsWith('Export') && node.source)).map((node) => node.source.value);
  const dynamic = [];
  const walk = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'ImportExpression') dynamic.push(node.source.value ?? '(computed)');
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') walk(value);
    }
  };
  walk({type: 'Program', body});
  return {staticImports, dynamic};
}

test('the bundle entry holds no @lit/localize module but internal/str-tag.js', () => {
  const {sources} = JSON.parse(readFileSync(join(DIST, 'antom-card-binding.bundle.js.map'), 'utf8'));
  const localize = sources.filter((source) => source.includes('@lit/localize/')).map((source) => source.replace(/^.*@lit\/localize\//, ''));
  assert.deepEqual(localize, ['internal/str-tag.js']);
  // Nor in any lazy chunk of the bundle.
  for (const file of readdirSync(join(DIST, 'bundle-chunks')).filter((name) => name.endsWith('.js.map'))) {
    const chunk = JSON.parse(readFileSync(join(DIST, 'bundle-chunks', file), 'utf8'));
    assert.deepEqual(chunk.sources.filter((source) => source.includes('@lit/localize/')), [], file);
  }
});

test('each locale chunk of the bundle imports the entry and nothing else', () => {
  for (const locale of LOCALES) {
    assert.deepEqual(importsOf(join(DIST, 'bundle-chunks', `${locale}.js`)), {staticImports: ['../antom-card-binding.bundle.js'], dynamic: []}, locale);
  }
});

test('the lit-external build leaves @lit/localize to the app', () => {
  const chunks = readdirSync(join(DIST, 'chunks')).filter((name) => name.endsWith('.js'));
  const importers = chunks.filter((name) => importsOf(join(DIST, 'chunks', name)).staticImports.includes('@lit/localize'));
  assert.ok(importers.length >= LOCALES.length, `chunks importing @lit/localize: ${importers.join(' ')}`);
});
