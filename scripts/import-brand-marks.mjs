// Imports the card networks' marks into src/element/brand-marks/<brand>.ts (one lazy chunk each).
//
//   node scripts/import-brand-marks.mjs <payment_icons> [<svg-credit-card-payment-icons>]
//
// <payment_icons>: activemerchant/payment_icons (MIT, Shopify), as a git dir (bare or not) or a
// plain folder (a checkout or an extracted tarball). It has nine of our twelve brands.
// <svg-credit-card-payment-icons>: aaronfagan/svg-credit-card-payment-icons (Apache-2.0), the
// same way; it supplies MIR, which payment_icons lacks. Without it MIR falls back to the neutral
// outline. HIPERCARD and TROY stay on the fallback: payment_icons has neither, aaronfagan's
// Hipercard is an auto-traced 15 KB drawing, and neither set has Troy.
//
// The optimisation is deliberately small and conservative, done with string rules on these
// known, simple exports (no dependency): xml declaration, doctype, comments, <metadata>, <title>,
// <desc> and editor attributes go; <style> class rules are inlined as attributes (class names
// would clash between marks in one shadow root); ids are dropped unless referenced, and
// referenced ones are renamed per brand; style attributes that only restate the fill (the
// display-p3 copies) go; path data is rounded to a precision that is below a tenth of a pixel
// at 32x20. Anything unexpected (script, event handlers, foreignObject, images, external
// references) makes the script fail rather than being let through.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';

/** Mirrors CARD_BRANDS in src/card/types.ts (the test checks that every brand renders). */
const CARD_BRANDS = ['VISA', 'MASTERCARD', 'AMEX', 'DISCOVER', 'DINERS', 'JCB', 'CUP', 'MAESTRO', 'ELO', 'HIPERCARD', 'MIR', 'TROY'];

const OUT = resolve(import.meta.dirname, '../src/element/brand-marks');

/** Our brand id -> [source key, file inside the source, path-data decimals]. */
const MAP = {
  VISA: ['am', 'app/assets/images/payment_icons/visa.svg', 1],
  MASTERCARD: ['am', 'app/assets/images/payment_icons/master.svg', 1],
  AMEX: ['am', 'app/assets/images/payment_icons/american_express.svg', 1],
  DISCOVER: ['am', 'app/assets/images/payment_icons/discover.svg', 1],
  DINERS: ['am', 'app/assets/images/payment_icons/diners_club.svg', 1],
  JCB: ['am', 'app/assets/images/payment_icons/jcb.svg', 1],
  CUP: ['am', 'app/assets/images/payment_icons/unionpay.svg', 1],
  MAESTRO: ['am', 'app/assets/images/payment_icons/maestro.svg', 1],
  ELO: ['am', 'app/assets/images/payment_icons/elo.svg', 1],
  // 780x500 user units: one unit is 1/24 px at 32 px wide, so one decimal is plenty.
  MIR: ['af', 'flat-rounded/mir.svg', 1],
};

/**
 * Edges added over a mark so it has a visible outline on white and on dark pages alike.
 */
const EDGES = {
  // payment_icons' Mastercard is a near-black card (#1c1c1c) whose 7% black edge vanishes on a
  // dark page: a light rim keeps its outline there (on white the dark card is its own edge).
  MASTERCARD: '<rect x=".5" y=".5" width="37" height="23" rx="2.5" fill="none" stroke="#fff" stroke-opacity=".22"/>',
  // aaronfagan's Mir is a white card with no edge: a hairline like payment_icons' own (1/38 of the
  // width, black at 7%) so it does not dissolve into a white page.
  MIR: '<rect x="10.3" y="10.3" width="759.4" height="479.4" rx="30" fill="none" stroke="#000" stroke-opacity=".07" stroke-width="20.5"/>',
};

const SOURCES = {
  am: {
    name: 'activemerchant/payment_icons',
    url: 'https://github.com/activemerchant/payment_icons',
    licence: 'MIT (MIT-LICENSE, Copyright 2015 Shopify Inc); optimised by this script, MASTERCARD given a light rim',
  },
  af: {
    name: 'aaronfagan/svg-credit-card-payment-icons',
    url: 'https://github.com/aaronfagan/svg-credit-card-payment-icons',
    licence: 'Apache-2.0 (LICENSE); modified by this script: optimised, ids renamed, a hairline edge added',
  },
};

function openSource(path) {
  const dir = resolve(path);
  const bare = existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects'));
  const gitDir = bare ? dir : existsSync(join(dir, '.git')) ? join(dir, '.git') : null;
  const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], {encoding: 'utf8', maxBuffer: 1 << 26});
  const commit = gitDir ? git('rev-parse', 'HEAD').trim() : 'unknown (plain folder)';
  const read = (file) => (gitDir ? git('show', `HEAD:${file}`) : readFileSync(join(dir, file), 'utf8'));
  return {commit, read};
}

function fail(brand, message) {
  throw new Error(`${brand}: ${message}`);
}

const PARAMS = {m: 2, l: 2, t: 2, h: 1, v: 1, c: 6, s: 4, q: 4, a: 7, z: 0};

/**
 * Rounds path data: parsed per command (arc flags are single digits that need no separator, so
 * a plain number regex would misread "01.5"), then written with the fewest separators.
 */
function roundPath(brand, d, decimals) {
  const out = [];
  let previous = null; // last number written, to decide whether the next needs a separator
  const write = (num) => {
    const needsSpace = previous !== null && !num.startsWith('-') && (/^\d/.test(num) || !/[.e]/i.test(previous));
    out.push(needsSpace ? ` ${num}` : num);
    previous = num;
  };
  const round = (text) => {
    let num = String(Number(Number(text).toFixed(decimals)));
    if (num === '-0' || num === '0') num = '0';
    return num.replace(/^(-?)0\./, '$1.');
  };
  let i = 0;
  const skip = () => {
    while (i < d.length && /[\s,]/.test(d[i])) i++;
  };
  const number = () => {
    skip();
    const m = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/i.exec(d.slice(i));
    if (!m) fail(brand, `bad path data at ${i}: ${d.slice(i, i + 20)}`);
    i += m[0].length;
    return m[0];
  };
  const flag = () => {
    skip();
    if (d[i] !== '0' && d[i] !== '1') fail(brand, `bad arc flag at ${i}`);
    return d[i++];
  };
  skip();
  while (i < d.length) {
    const command = d[i];
    const count = PARAMS[command.toLowerCase()];
    if (count === undefined) fail(brand, `bad path command ${command}`);
    i++;
    out.push(command);
    previous = null;
    skip();
    do {
      for (let k = 0; k < count; k++) write(command.toLowerCase() === 'a' && (k === 3 || k === 4) ? flag() : round(number()));
      skip();
    } while (count > 0 && i < d.length && !/[a-z]/i.test(d[i]));
  }
  return out.join('');
}

function optimise(brand, source, decimals) {
  let text = source
    .replace(/<\?xml[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[\s\S]*?>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(metadata|title|desc)\b[\s\S]*?<\/\1>/gi, '');

  for (const bad of [/<script/i, /<foreignObject/i, /<image\b/i, /<use\b/i, /\son[a-z]+\s*=/i, /javascript:/i, /@import/i]) {
    if (bad.test(text)) fail(brand, `refusing ${bad}`);
  }

  const root = /<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/.exec(text.trim());
  if (!root) fail(brand, 'no <svg> root');
  const viewBox = /\sviewBox="([^"]+)"/.exec(root[1])?.[1];
  if (!viewBox) fail(brand, 'no viewBox');
  // Presentation attributes on the root (fill="none" in payment_icons) are inherited by the
  // body: keep them by wrapping the body in a <g>.
  const inherited = [...root[1].matchAll(/\s(fill|stroke|fill-rule|clip-rule)="([^"]*)"/g)].map((m) => ` ${m[1]}="${m[2]}"`).join('');
  let body = root[2];

  // <style> with plain class rules -> attributes.
  const classes = new Map();
  body = body.replace(/<style\b[^>]*>([\s\S]*?)<\/style>/gi, (_, css) => {
    const rules = css.replace(/\/\*[\s\S]*?\*\//g, '').trim();
    for (const rule of rules.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const decls = rule[2].split(';').map((d) => d.trim()).filter(Boolean).map((d) => d.split(':').map((s) => s.trim()));
      for (const selector of rule[1].split(',').map((s) => s.trim())) {
        if (!/^\.[\w-]+$/.test(selector)) fail(brand, `unsupported selector ${selector}`);
        classes.set(selector.slice(1), [...(classes.get(selector.slice(1)) ?? []), ...decls]);
      }
    }
    if (rules.replace(/([^{}]+)\{([^{}]*)\}/g, '').trim()) fail(brand, 'unsupported css');
    return '';
  });
  body = body.replace(/\sclass="([^"]*)"/g, (_, names) =>
    names.split(/\s+/).filter(Boolean).map((name) => {
      const decls = classes.get(name);
      if (!decls) fail(brand, `unknown class ${name}`);
      return decls.map(([prop, value]) => ` ${prop}="${value}"`).join('');
    }).join('')
  );

  // style attributes: drop the ones that only restate fill / fill-opacity:1 (display-p3
  // copies); turn other simple declarations into attributes.
  body = body.replace(/<([a-zA-Z]+)\b([^>]*?)\sstyle="([^"]*)"([^>]*)>/g, (_, tag, before, style, after) => {
    const attrs = before + after;
    const extra = [];
    for (const decl of style.split(';').map((d) => d.trim()).filter(Boolean)) {
      const [prop, value] = decl.split(':').map((s) => s.trim());
      if (/color\(display-p3/.test(value)) continue;
      if (new RegExp(`\\s${prop}="${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'i').test(attrs)) continue;
      if (prop === 'fill-opacity' && value === '1') continue;
      if (prop === 'enable-background') continue;
      if (!/^(fill|stroke|stop-color|stop-opacity|fill-opacity|stroke-opacity|opacity|fill-rule|clip-rule)$/.test(prop)) fail(brand, `unsupported style ${decl}`);
      if (new RegExp(`\\s${prop}=`).test(attrs)) fail(brand, `conflicting ${prop}`);
      extra.push(` ${prop}="${value}"`);
    }
    return `<${tag}${before}${extra.join('')}${after}>`;
  });

  // ids: keep only referenced ones, renamed per brand so marks side by side cannot clash.
  const referenced = new Set([...body.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)].map((m) => m[1] ?? m[2]));
  const renamed = new Map([...referenced].map((id, i) => [id, `bm-${brand.toLowerCase()}-${i}`]));
  body = body.replace(/\sid="([^"]*)"/g, (_, id) => (renamed.has(id) ? ` id="${renamed.get(id)}"` : ''));
  body = body.replace(/url\(#([^)]+)\)/g, (_, id) => `url(#${renamed.get(id)})`).replace(/href="#([^"]+)"/g, (_, id) => `href="#${renamed.get(id)}"`);
  for (const id of referenced) if (!new RegExp(`\\sid="${renamed.get(id)}"`).test(body)) fail(brand, `dangling reference #${id}`);

  body = body
    .replace(/\s(xmlns(:\w+)?|xml:\w+|version|data-[\w-]+|enable-background|sketch:\w+|inkscape:\w+|sodipodi:\w+)="[^"]*"/g, '')
    .replace(/\sd="([^"]*)"/g, (_, d) => ` d="${roundPath(brand, d, decimals)}"`)
    .replace(/<g>([\s\S]*?)<\/g>/g, (whole, inner) => (/<g\b/.test(inner) ? whole : inner))
    .replace(/>\s+</g, '><')
    .replace(/\s+/g, ' ')
    .replace(/\s*(\/?>)/g, '$1')
    .trim();

  if (/href="(?!#)/i.test(body)) fail(brand, 'external reference');
  if (/<svg\b/.test(body)) fail(brand, 'nested svg');
  if (inherited) body = `<g${inherited}>${body}</g>`;
  return {viewBox, body};
}

const [amPath, afPath] = process.argv.slice(2);
if (!amPath) {
  console.error('usage: node scripts/import-brand-marks.mjs <payment_icons> [<svg-credit-card-payment-icons>]');
  process.exit(2);
}
const opened = {am: openSource(amPath), af: afPath ? openSource(afPath) : null};
const marks = {};
const used = new Set();
for (const [brand, [key, file, decimals]] of Object.entries(MAP)) {
  if (!opened[key]) {
    console.warn(`${brand}: no ${SOURCES[key].name} given, leaving it to the fallback`);
    continue;
  }
  const mark = optimise(brand, opened[key].read(file), decimals);
  marks[brand] = EDGES[brand] ? {viewBox: mark.viewBox, body: mark.body + EDGES[brand]} : mark;
  used.add(key);
}

const header = [
  '// Generated by scripts/import-brand-marks.mjs. Do not edit; re-run the script instead.',
  '//',
  '// Card network marks, optimised (see the script). Sources:',
  ...[...used].flatMap((key) => [
    `//   ${SOURCES[key].name} (${SOURCES[key].url})`,
    `//     commit ${opened[key].commit}, licence ${SOURCES[key].licence}`,
    `//     marks: ${Object.entries(MAP).filter(([b, [k]]) => k === key && marks[b]).map(([b, [, f]]) => `${b} <- ${f.split('/').pop()}`).join(', ')}`,
  ]),
  '// Licence texts: THIRD-PARTY-NOTICES.md.',
  '//',
  '// The marks are used only to identify the card brand; they are trademarks of their owners.',
  `// Brands without a mark here (${CARD_BRANDS.filter((b) => !marks[b]).join(', ') || 'none'}) use a neutral labelled card.`,
];
// One module per brand, so the page fetches only the marks it shows (the detected brand, the
// accepted-brands row); each is a static lit `svg` template: no unsafe directive, nothing parsed
// from a string at run time. Brands without a mark get a neutral labelled card (no imitation).
const fallback = (label) => {
  const size = label.length > 5 ? 4.6 : 8;
  return {
    viewBox: '0 0 38 24',
    body: `<rect x=".5" y=".5" width="37" height="23" rx="2.5" fill="#fff" stroke="#000" stroke-opacity=".2"/><text x="19" y="${+(12 + size * 0.36).toFixed(2)}" text-anchor="middle" font-family="Arial,Helvetica,sans-serif" font-weight="700" font-size="${size}" fill="#333">${label}</text>`,
  };
};
mkdirSync(OUT, {recursive: true});
for (const file of readdirSync(OUT)) if (file.endsWith('.ts')) rmSync(join(OUT, file));
const moduleName = (brand) => brand.toLowerCase();
for (const brand of CARD_BRANDS) {
  const {viewBox, body} = marks[brand] ?? fallback(brand);
  if (/[`\\]|\$\{/.test(body)) throw new Error(`${brand}: the mark cannot sit in a template literal`);
  const origin = marks[brand] ? 'the icon set named above' : 'none: a neutral labelled card (no set has this mark)';
  writeFileSync(
    join(OUT, `${moduleName(brand)}.ts`),
    `${header.join('\n')}\n// This file: ${brand}, from ${origin}.\nimport {svg} from 'lit';\n\nexport const mark = svg\`<svg viewBox="${viewBox}" width="32" height="20" aria-hidden="true" focusable="false">${body}</svg>\`;\n`
  );
}
writeFileSync(
  join(OUT, 'loaders.ts'),
  `// Generated by scripts/import-brand-marks.mjs. Do not edit; re-run the script instead.\n// One lazy chunk per brand's mark (see the marks' files for their sources and licences).\nimport type {SVGTemplateResult} from 'lit';\nimport type {CardBrand} from '../../card/types.js';\n\nexport const MARK_LOADERS: Record<CardBrand, () => Promise<{mark: SVGTemplateResult}>> = {\n${CARD_BRANDS.map((brand) => `  ${brand}: () => import('./${moduleName(brand)}.js'),`).join('\n')}\n};\n`
);
for (const [brand, {body}] of Object.entries(marks)) console.log(`${brand.padEnd(10)} ${String(body.length).padStart(5)} B`);
console.log(`wrote ${OUT}/*.ts`);
