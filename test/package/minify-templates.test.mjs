// Beyond white space, the template minifier (scripts/rollup-minify-templates.mjs) changes nothing
// the browser sees, for every css``, html`` and svg`` template in src/: each file goes through
// esbuild (as in the build), then the plugin with white space only and the whole plugin; the
// templates of both are paired in order. In Chromium,
// a css template's parsed style sheet (its rules' CSSOM text) must be the same; an html or svg
// template's strings go through lit's own getTemplateHtml (lit-html/private-ssr-support.js, one
// marker for both) and a <template>: the parsed DOM and lit's list of bound attributes must be the
// same. The rules one by one: test/node/build/minify-templates.test.ts.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import {transform} from 'esbuild';
import {parseAst} from 'rollup/parseAst';
import {minifyTemplates} from '../../scripts/rollup-minify-templates.mjs';
import {ROOT, launch, openPage, serve} from './helpers.mjs';

const TAGS = new Set(['css', 'html', 'svg']);

function templatesOf(code) {
  const found = [];
  const walk = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && TAGS.has(node.tag.name)) {
      found.push({tag: node.tag.name, strings: node.quasi.quasis.map((quasi) => quasi.value.cooked)});
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') walk(value);
    }
  };
  walk(parseAst(code));
  return found;
}

async function sourcePairs() {
  const whitespace = minifyTemplates({whitespaceOnly: true});
  const plugin = minifyTemplates();
  const pairs = [];
  const sources = readdirSync(join(ROOT, 'src'), {recursive: true})
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(ROOT, 'src', file));
  for (const file of sources) {
    const source = readFileSync(file, 'utf8');
    if (!/\b(css|html|svg)`/.test(source)) continue;
    const {code} = await transform(source, {loader: 'ts', target: 'es2022', tsconfigRaw: {compilerOptions: {experimentalDecorators: true, useDefineForClassFields: false}}});
    const collapsed = whitespace.transform.call({parse: parseAst}, code, file)?.code ?? code;
    const minified = plugin.transform.call({parse: parseAst}, code, file)?.code ?? code;
    const before = templatesOf(collapsed);
    const after = templatesOf(minified);
    assert.equal(after.length, before.length, `${relative(ROOT, file)}: as many templates after as before`);
    before.forEach((template, index) => pairs.push({file: relative(ROOT, file), index, tag: template.tag, before: template.strings, after: after[index].strings}));
  }
  return pairs;
}

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve(join(ROOT, 'node_modules', 'lit-html'), {pages: {'/': '<!doctype html><title>templates</title>'}});
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('every css, html and svg template in src/ parses the same minified as with white space collapsed only', async () => {
  const pairs = await sourcePairs();
  const changed = pairs.filter((pair) => JSON.stringify(pair.before) !== JSON.stringify(pair.after));
  assert.ok(pairs.some((pair) => pair.tag === 'css') && pairs.some((pair) => pair.tag === 'html') && pairs.some((pair) => pair.tag === 'svg'), 'all three kinds found');
  assert.ok(changed.length > 20, `the minifier changed ${changed.length} of ${pairs.length} templates`);
  const tab = await openPage(browser);
  try {
    await tab.page.goto(`${server.origin}/`);
    const differences = await tab.page.evaluate(async (pairs) => {
      const {_$LH} = await import('/private-ssr-support.js');
      const parsed = (tag, strings) => {
        if (tag === 'css') {
          const sheet = new CSSStyleSheet();
          // No css template in src/ has expressions; should one appear, a number stands in for each.
          sheet.replaceSync(strings.join('1'));
          return JSON.stringify([...sheet.cssRules].map((rule) => rule.cssText));
        }
        const array = Object.assign([...strings], {raw: [...strings]});
        const [html, attributes] = _$LH.getTemplateHtml(array, tag === 'svg' ? 2 : 1);
        const template = document.createElement('template');
        template.innerHTML = String(html);
        return JSON.stringify([template.innerHTML, attributes]);
      };
      return pairs
        .map((pair) => ({...pair, was: parsed(pair.tag, pair.before), is: parsed(pair.tag, pair.after)}))
        .filter((pair) => pair.was !== pair.is)
        .map(({file, index, was, is}) => `${file} template ${index}:\n  ${was}\n  ${is}`);
    }, changed);
    assert.deepEqual(differences, []);
    assert.deepEqual(tab.errors, []);
  } finally {
    await tab.close();
  }
});
