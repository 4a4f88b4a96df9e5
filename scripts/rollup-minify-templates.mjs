// A small rollup plugin: minifies the literal parts (quasis) of lit's css``, html`` and svg``
// templates (terser leaves template literals alone). It edits only the quasis of the parsed
// templates, so expressions and nested templates are untouched, and only in ways the browser
// cannot tell apart: the parsed style sheet (its CSSOM) and the template lit prepares (its parsed
// DOM) stay the same. test/package/minify-templates.test.mjs checks both, in Chromium, for every
// template in src/.
//  - HTML and SVG: runs of white space become one space, none between tags (equivalent outside
//    <pre>, which these templates do not use); static attribute values lose quotes they do not
//    need (unquoteAttributes).
//  - CSS: see minifyCss.
const TAGS = new Set(['css', 'html', 'svg']);

// A CSS piece: the text up to the next of { } ; outside strings, and that delimiter ('' at the end).
const PIECE = /((?:[^{};'"]|'[^']*'|"[^"]*")*)([{};]|$)/y;

// In a declaration's value (standard properties only). A leading 0 before a decimal point, after a
// separator and an optional sign: `0.6em` -> `.6em`, `-0.5px` -> `-.5px`.
const LEADING_ZERO = /(^|[\s,(/*])([+-]?)0\.(\d)/g;
// White space around `/` and `*` is never needed to separate tokens (unlike calc()'s + and -).
const AROUND_SLASH_STAR = /\s*([/*])\s*/g;
const IMPORTANT = /\s*!\s*important$/i;
// `name: value`: a property (custom ones too) and its colon. CSS Syntax drops the white space
// after the colon when it parses any declaration (custom properties included), and before it.
const DECLARATION = /^(\s*-{0,2}[a-zA-Z_][-\w]*)\s*:\s*/;
// An attribute selector's quoted value that is a plain identifier: `[a='true']` -> `[a=true]`.
const QUOTED_IDENT = /\[([-\w]+)([~|^$*]?=)(['"])([a-zA-Z_][-\w]*)\3\]/g;
// `@media (feature: value)`, `@container (max-width: 18rem)`: the colon needs no white space.
const FEATURE = /\(\s*([a-zA-Z][-a-zA-Z]*)\s*:\s*/g;

function minifyDeclaration(piece) {
  const match = DECLARATION.exec(piece);
  if (!match) return piece;
  const name = match[1];
  let value = piece.slice(match[0].length);
  // Values kept as written: custom properties' and any with var() (the browser keeps such a value
  // as its tokens, unparsed, until it substitutes the variables: a script reading it would see the
  // change), and those with strings, url() or escapes.
  if (!name.trimStart().startsWith('--') && !/['"\\]|url\(|var\(/i.test(value)) {
    const next = value.replace(IMPORTANT, '!important').replace(LEADING_ZERO, '$1$2.$3').replace(AROUND_SLASH_STAR, '$1');
    if (!/\/\*|\*\//.test(next)) value = next;
  }
  return `${name}:${value}`;
}

function minifyPrelude(piece) {
  let out = piece.replace(QUOTED_IDENT, '[$1$2$4]');
  if (/^\s*@(media|container)\b/i.test(out)) out = out.replace(FEATURE, '($1:');
  return out;
}

/** Comments go; runs of white space become one space; none around { } ; , nor before }. */
export function collapseCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}');
}

/**
 * collapseCss, then in
 * each piece between those delimiters: a declaration loses the white space around its colon
 * (CSS Syntax drops it when it parses any declaration) and, in a standard property's value
 * without var(), strings, url() or escapes, the white space around / and * and before !important
 * and the 0 of 0.x; a selector's quoted attribute value that is an identifier loses its quotes;
 * @media and @container features lose the space after their colon.
 * `first`: this quasi starts the template (no expression before it). `last`: it ends it. The piece
 * right after an expression may be the end of a declaration or selector: it keeps its text. With
 * an expression and a quote in the quasi (a string around an expression?), or a custom property
 * whose value holds a block, only white space is collapsed.
 */
export function minifyCss(text, {first = true, last = true} = {}) {
  const collapsed = collapseCss(text);
  // A quote next to an expression may open or close a string around it: only the white space.
  if (((!first || !last) && /['"]/.test(collapsed)) || /(^|[{;])\s*--[-\w]*:[^;}]*\{/.test(collapsed)) return collapsed;
  let out = '';
  // The delimiter before the piece: '' right after an expression.
  let left = first ? 'start' : '';
  PIECE.lastIndex = 0;
  while (PIECE.lastIndex < collapsed.length) {
    const at = PIECE.lastIndex;
    const match = PIECE.exec(collapsed);
    // A quote that does not close before the quasi's end (a string around an expression): the
    // rest stays as it is.
    if (match === null || match[0] === '') {
      out += collapsed.slice(at);
      break;
    }
    const [, piece, right] = match;
    const closed = left !== '';
    let next = piece;
    if (closed && right === '{') next = minifyPrelude(piece);
    else if (closed && (right === ';' || right === '}') && !/^\s*@/.test(piece)) next = minifyDeclaration(piece);
    out += next + right;
    left = right;
  }
  // A style sheet's leading and trailing white space mean nothing.
  if (first) out = out.trimStart();
  if (last) out = out.trimEnd();
  return out;
}

export function minifyMarkup(text) {
  return text.replace(/\s+/g, ' ').replace(/>\s+</g, '><');
}

// An attribute value that needs no quotes: never empty, no white space, none of " ' = < > ` & and
// no / (before a tag's end, `x=a/>` would make the value `a/`).
const BARE_VALUE = /^[-\w.:]+$/;
// Elements whose content the HTML parser does not read as markup: a template with one is left as is.
const RAW_TEXT = /^(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)$/i;
const SPACE = /[\t\n\f\r ]/;

// Where lit's `${}` leaves the tokenizer: after `=` it is the value (lit writes its marker there,
// unquoted); in a tag between attributes it is an element part, whose marker lit writes as an
// attribute name; anywhere else the state stays as it was.
const AFTER_EXPRESSION = {beforeValue: 'unquoted', tag: 'name', afterName: 'name'};

/**
 * Drops the quotes of static attribute values that need none (`class="sr-only"` ->
 * `class=sr-only`): the HTML parser builds the same attribute, and lit's template scanner reads
 * unquoted static values too. `quasis`: one template's literal parts, in order, as raw source.
 * Follows the HTML tokenizer (https://html.spec.whatwg.org/#tokenization: data, tag, attribute
 * name, before/after it, before a value, quoted and unquoted values, comment, bogus comment),
 * carrying the state over each `${}` (AFTER_EXPRESSION). A value is unquoted only when it sits
 * whole in one literal part and white space or `>` follows its closing quote. Whenever unsure (a
 * backslash in the source, CDATA, a raw-text element) it returns `quasis` as they are.
 */
export function unquoteAttributes(quasis) {
  if (quasis.some((q) => q.includes('\\') || q.includes('<![CDATA['))) return quasis;
  let state = 'text';
  let quote = '';
  const out = [];
  for (const q of quasis) {
    if (out.length > 0) state = AFTER_EXPRESSION[state] ?? state;
    let result = '';
    let i = 0;
    while (i < q.length) {
      const c = q[i];
      const space = SPACE.test(c);
      switch (state) {
        case 'text': {
          if (q.startsWith('<!--', i)) {
            state = 'comment';
            result += '<!--';
            i += 4;
            continue;
          }
          const tag = /^<\/?([a-zA-Z][^\t\n\f\r />]*)/.exec(q.slice(i));
          if (tag) {
            if (RAW_TEXT.test(tag[1])) return quasis;
            state = 'tag';
            result += tag[0];
            i += tag[0].length;
            continue;
          }
          if (c === '<' && /[!?/]/.test(q[i + 1] ?? '')) state = 'bogus';
          break;
        }
        case 'comment':
          if (q.startsWith('-->', i)) {
            state = 'text';
            result += '-->';
            i += 3;
            continue;
          }
          break;
        case 'bogus':
          if (c === '>') state = 'text';
          break;
        // Before an attribute's name (also after a quoted value, and after `/`).
        case 'tag':
          if (c === '>') state = 'text';
          else if (!space && c !== '/') state = 'name';
          break;
        case 'name':
          if (c === '>') state = 'text';
          else if (c === '=') state = 'beforeValue';
          else if (c === '/') state = 'tag';
          else if (space) state = 'afterName';
          break;
        case 'afterName':
          if (c === '>') state = 'text';
          else if (c === '=') state = 'beforeValue';
          else if (c === '/') state = 'tag';
          else if (!space) state = 'name';
          break;
        case 'beforeValue':
          if (c === '>') state = 'text';
          else if (c === '"' || c === "'") {
            const end = q.indexOf(c, i + 1);
            const value = end === -1 ? '' : q.slice(i + 1, end);
            const after = end === -1 ? '' : q[end + 1] ?? '';
            if (BARE_VALUE.test(value) && (after === '>' || SPACE.test(after))) {
              result += value;
              state = 'tag';
              i = end + 1;
              continue;
            }
            state = 'quoted';
            quote = c;
          } else if (!space) state = 'unquoted';
          break;
        case 'quoted':
          if (c === quote) state = 'tag';
          break;
        case 'unquoted':
          if (c === '>') state = 'text';
          else if (space) state = 'tag';
          break;
      }
      result += c;
      i++;
    }
    out.push(result);
  }
  return out;
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

/**
 * `whitespaceOnly`: collapseCss and minifyMarkup alone (the white space, which the browser does
 * see: text nodes between tags, the spaces inside a custom property), for the test that checks
 * that everything else changes nothing.
 */
export function minifyTemplates({include = /\/src\/.*\.ts$/, whitespaceOnly = false} = {}) {
  return {
    name: 'minify-lit-templates',
    transform(code, id) {
      if (!include.test(id)) return null;
      if (!/\b(css|html|svg)`/.test(code)) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) return;
        const {quasis} = node.quasi;
        const raws = quasis.map((quasi) => code.slice(quasi.start, quasi.end));
        let next;
        if (whitespaceOnly) next = raws.map(node.tag.name === 'css' ? collapseCss : minifyMarkup);
        else if (node.tag.name === 'css') next = raws.map((raw, index) => minifyCss(raw, {first: index === 0, last: index === raws.length - 1}));
        else next = unquoteAttributes(raws.map(minifyMarkup));
        quasis.forEach((quasi, index) => {
          if (next[index] !== raws[index]) edits.push([quasi.start, quasi.end, next[index]]);
        });
      });
      if (edits.length === 0) return null;
      edits.sort((a, b) => b[0] - a[0]);
      let out = code;
      for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
      return {code: out, map: null};
    },
  };
}
