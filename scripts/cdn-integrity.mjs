// `npm run build` (after rollup): the CDN files' Subresource Integrity, so a page can pin the
// bundle *and* its lazy chunks (an `integrity` attribute on the entry's <script> does not cover
// the chunks it imports). Writes
//  - dist/integrity.json: {"<path under dist/>": "sha384-…"} for the bundle and every bundle chunk;
//  - dist/importmap.json: an import map whose `integrity` pins each of them at the jsDelivr URL of
//    this version (README "Frameworks and CDN" shows it; replace the prefix for another host);
//  - dist/antom-card-binding.loader.js: a classic script for tag managers and CMS widgets that
//    cannot write type="module": it adds that import map (for its own base URL) and the bundle's
//    module script with integrity and crossorigin, carrying its own nonce to both.
import {createHash} from 'node:crypto';
import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const BUNDLE = 'antom-card-binding.bundle.js';
export const CDN_BASE = `https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/dist/`;

const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(join(DIST, file))).digest('base64')}`;
const files = [BUNDLE, ...readdirSync(join(DIST, 'bundle-chunks')).filter((f) => f.endsWith('.js')).sort().map((f) => `bundle-chunks/${f}`)];
const integrity = Object.fromEntries(files.map((file) => [file, sri(file)]));

writeFileSync(join(DIST, 'integrity.json'), JSON.stringify(integrity, null, 2) + '\n');
const importMap = {integrity: Object.fromEntries(files.map((file) => [CDN_BASE + file, integrity[file]]))};
writeFileSync(join(DIST, 'importmap.json'), JSON.stringify(importMap, null, 2) + '\n');

const loader = `/*! ${pkg.name}@${pkg.version} classic-script loader: <script src=".../dist/antom-card-binding.loader.js" async></script> */
(function () {
  var me = document.currentScript;
  if (!me || customElements.get('antom-card-binding')) return;
  var base = new URL('.', me.src).href;
  var sri = ${JSON.stringify(integrity)};
  var pins = {};
  for (var file in sri) pins[base + file] = sri[file];
  if (HTMLScriptElement.supports && HTMLScriptElement.supports('importmap')) {
    var map = document.createElement('script');
    map.type = 'importmap';
    map.nonce = me.nonce;
    map.textContent = JSON.stringify({integrity: pins});
    document.head.appendChild(map);
  }
  var entry = document.createElement('script');
  entry.type = 'module';
  entry.src = base + ${JSON.stringify(BUNDLE)};
  entry.integrity = sri[${JSON.stringify(BUNDLE)}];
  entry.crossOrigin = 'anonymous';
  entry.nonce = me.nonce;
  document.head.appendChild(entry);
})();
`;
writeFileSync(join(DIST, 'antom-card-binding.loader.js'), loader);
