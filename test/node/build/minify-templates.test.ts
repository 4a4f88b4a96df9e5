// The template minifier (scripts/rollup-minify-templates.mjs), rule by rule: what it shortens and,
// as much, what it must leave alone. That the browser sees no difference for the real templates
// is checked in Chromium by test/package/minify-templates.test.mjs.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {parseAst} from 'rollup/parseAst';
import {minifyCss, minifyMarkup, minifyTemplates, unquoteAttributes} from '../../../scripts/rollup-minify-templates.mjs';

describe('minifyCss', () => {
  test('comments, white space, the colon of declarations, the template edges', () => {
    assert.equal(
      minifyCss('\n  /* a note */\n  :host {\n    display: block;\n    color : red ;\n  }\n  .a , .b { margin: 0 }\n'),
      ':host{display:block;color:red}.a,.b{margin:0}',
    );
  });

  test('values: 0.x, / and *, !important', () => {
    assert.equal(minifyCss('a{padding: 0.6em -0.5em; opacity: 0.8}'), 'a{padding:.6em -.5em;opacity:.8}');
    assert.equal(minifyCss('a{grid-column: 1 / -1; width: calc(2px * 3)}'), 'a{grid-column:1/-1;width:calc(2px*3)}');
    assert.equal(minifyCss('a{width: calc(1px + 0.5px - 2px)}'), 'a{width:calc(1px + .5px - 2px)}', '+ and - keep their spaces');
    assert.equal(minifyCss('a{display: none !important}'), 'a{display:none!important}');
    assert.equal(minifyCss('a{width: 10.5px; margin: 00.5px}'), 'a{width:10.5px;margin:00.5px}', 'only a lone 0 before the point');
  });

  test('selectors keep their spaces and colons', () => {
    assert.equal(minifyCss('a :hover > b + c ~ d{color: red}'), 'a :hover > b + c ~ d{color:red}');
    assert.equal(minifyCss('input::placeholder{opacity: 1}'), 'input::placeholder{opacity:1}');
  });

  test('custom properties and values with var() keep their tokens (only the space after the colon goes)', () => {
    assert.equal(minifyCss(':host{--_a: 0.5; --_b: 1 / 2}'), ':host{--_a:0.5;--_b:1 / 2}');
    assert.equal(minifyCss('a{gap: calc(var(--s) / 3) var(--s); opacity: var(--o, 0.5)}'), 'a{gap:calc(var(--s) / 3) var(--s);opacity:var(--o,0.5)}');
  });

  test('strings, url() and escapes: values as written', () => {
    assert.equal(minifyCss('a{content: "0.5 / 2"; background: url(a/0.5.png)}'), 'a{content:"0.5 / 2";background:url(a/0.5.png)}');
    assert.equal(minifyCss('a{font-family: \\30 0.5}'), 'a{font-family:\\30 0.5}');
    assert.equal(minifyCss('a{content: "{x: 0.5}"}'), 'a{content:"{x: 0.5}"}', 'braces inside a string');
  });

  test('attribute selectors: quotes go only around identifiers', () => {
    assert.equal(minifyCss("input[aria-invalid='true']{x: y}"), 'input[aria-invalid=true]{x:y}');
    assert.equal(minifyCss('[a="b c"],[a="1"],[a="b" i],[a|="en"]{x: y}'), '[a="b c"],[a="1"],[a="b" i],[a|=en]{x:y}');
  });

  test('@media and @container features; other at-rules as they are', () => {
    assert.equal(
      minifyCss('@media (prefers-reduced-motion: reduce) { a { b: c } } @container (max-width: 18rem) { d { e: f } }'),
      '@media (prefers-reduced-motion:reduce){a{b:c}}@container (max-width:18rem){d{e:f}}',
    );
    assert.equal(minifyCss('@container style(--x: 1){a{b: c}}'), '@container style(--x: 1){a{b:c}}');
    assert.equal(minifyCss('@import url(a.css) screen and (min-width: 0.5em);'), '@import url(a.css) screen and (min-width: 0.5em);');
    assert.equal(minifyCss('@keyframes spin { to { transform: rotate(360deg) } }'), '@keyframes spin{to{transform:rotate(360deg)}}');
  });

  test('next to an expression: the piece after it keeps its text', () => {
    // css`a{color: ${x}; b: 0.5}`: the piece after the expression may end a declaration.
    assert.equal(minifyCss('a{color: ', {last: false}), 'a{color: ');
    assert.equal(minifyCss('  ; b: 0.5 }', {first: false}), ';b:.5}');
    assert.equal(minifyCss(' 0.5em; c: 0.5}', {first: false}), ' 0.5em;c:.5}');
    // A string around an expression: white space only.
    assert.equal(minifyCss("a{content: '", {last: false}), "a{content: '");
    assert.equal(minifyCss("'; b: 0.5}", {first: false}), "';b: 0.5}");
  });

  test('a custom property holding a block: white space only', () => {
    assert.equal(minifyCss('a{--x: {b: 0.5}; c: 0.5}'), 'a{--x:{b: 0.5};c: 0.5}');
  });
});

describe('minifyMarkup', () => {
  test('white space runs become one space, none between tags', () => {
    assert.equal(minifyMarkup('<div>\n  <p>a   b</p>\n  </div> '), '<div><p>a b</p></div> ');
  });
});

describe('unquoteAttributes', () => {
  const one = (html: string) => unquoteAttributes([html])[0];

  test('plain values lose their quotes', () => {
    assert.equal(one('<div class="sr-only" role=\'status\' id="a.b:c_1">x</div>'), '<div class=sr-only role=status id=a.b:c_1>x</div>');
    assert.equal(one('<b t = "q" >'), '<b t = q >');
  });

  test('values that need quotes keep them', () => {
    assert.equal(one('<a title="a b" alt="" x="a=b" y="a&amp;b" z="a/b" w="`">'), '<a title="a b" alt="" x="a=b" y="a&amp;b" z="a/b" w="`">');
    assert.equal(one('<rect x="1"/>'), '<rect x="1"/>', 'before />, x=1/ would be the value');
    assert.equal(one('<i a="b"c="d">'), '<i a="b"c=d>', 'no space after it: the quote stays');
  });

  test('text, comments and bogus comments are not markup', () => {
    assert.equal(one('<p>a="b" c</p>'), '<p>a="b" c</p>');
    assert.equal(one('<!-- <i a="b"> --><i a="b">'), '<!-- <i a="b"> --><i a=b>');
    assert.equal(one('<!x <i a="b">'), '<!x <i a="b">');
    assert.equal(one('</ <i a="b">'), '</ <i a="b">');
  });

  test('odd attribute syntax follows the HTML tokenizer', () => {
    // `b=c="d"`: an unquoted value `c="d"`; `="e"`: an attribute named `="e"`.
    assert.equal(one('<a b=c="d" ="e" f="g">'), '<a b=c="d" ="e" f=g>');
  });

  test('across expressions', () => {
    // html`<input id=${a} part="in ${b}-x" n="1"><div ${ref} k="v">`
    assert.deepEqual(unquoteAttributes(['<input id=', ' part="in ', '-x" n="1"><div ', ' k="v">']), ['<input id=', ' part="in ', '-x" n=1><div ', ' k=v>']);
    // An expression right after `=` is the value: a quote after it belongs to the value.
    assert.deepEqual(unquoteAttributes(['<b t=', '"q" u="v">']), ['<b t=', '"q" u=v>']);
  });

  test('gives up on raw-text elements, CDATA and backslashes', () => {
    for (const html of ['<style>a[b="c"]{}</style><i a="b">', '<svg><![CDATA[<i a="b">]]></svg>', '<i a="\\u0062">']) {
      assert.equal(one(html), html);
    }
  });
});

describe('the rollup plugin', () => {
  const transform = (code: string) => {
    const plugin = minifyTemplates();
    const hook = plugin.transform as (this: unknown, code: string, id: string) => {code: string} | null;
    return hook.call({parse: (source: string) => parseAst(source)}, code, '/repo/src/x.ts')?.code ?? null;
  };

  test('edits the literal parts of css, html and svg templates only', () => {
    const code = [
      'const a = css`\n  :host { opacity: 0.5; }\n`;',
      'const b = html`<p class="x">\n  ${a ? html`<i title="y">${"keep  this"}</i>` : ""}\n</p>`;',
      'const c = other`<p class="x">  </p>`;',
      'const d = "<p class=\\"x\\">  </p>";',
    ].join('\n');
    assert.equal(
      transform(code),
      [
        'const a = css`:host{opacity:.5}`;',
        'const b = html`<p class=x> ${a ? html`<i title=y>${"keep  this"}</i>` : ""} </p>`;',
        'const c = other`<p class="x">  </p>`;',
        'const d = "<p class=\\"x\\">  </p>";',
      ].join('\n'),
    );
  });

  test('files without templates, and files outside src/, are left alone', () => {
    assert.equal(transform('const a = 1;'), null);
    const plugin = minifyTemplates();
    const hook = plugin.transform as (this: unknown, code: string, id: string) => unknown;
    assert.equal(hook.call({parse: parseAst}, 'html`<p class="x">`', '/repo/node_modules/lit/x.js'), null);
  });
});
