// A small rollup plugin: collapses the white space inside lit's css``, html`` and svg``
// templates (terser leaves template literals alone). It edits only the literal parts (quasis) of
// the parsed templates, so expressions and nested templates are untouched. HTML and SVG: runs of
// white space become one space (equivalent outside <pre>, which these templates do not use). CSS:
// comments go, runs of white space become one space, and spaces around { } ; , disappear.
const TAGS = new Set(['css', 'html', 'svg']);

function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}');
}

function minifyMarkup(text) {
  return text.replace(/\s+/g, ' ').replace(/>\s+</g, '><');
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

export function minifyTemplates({include = /\/src\/.*\.ts$/} = {}) {
  return {
    name: 'minify-lit-templates',
    transform(code, id) {
      if (!include.test(id)) return null;
      if (!/\b(css|html|svg)`/.test(code)) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) return;
        const minify = node.tag.name === 'css' ? minifyCss : minifyMarkup;
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          const next = minify(raw);
          if (next !== raw) edits.push([quasi.start, quasi.end, next]);
        }
      });
      if (edits.length === 0) return null;
      edits.sort((a, b) => b[0] - a[0]);
      let out = code;
      for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
      return {code: out, map: null};
    },
  };
}
