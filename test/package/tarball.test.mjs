// The packed tarball as tools see it: publint --strict, @arethetypeswrong/cli, package.json
// fields, the manifest (paths that exist, typed events), the generated typings and data, integrity.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {INSTALLED, TARBALL, rootTool} from './helpers.mjs';

const pkg = JSON.parse(readFileSync(join(INSTALLED, 'package.json'), 'utf8'));
const manifestPath = join(INSTALLED, pkg.customElements ?? 'missing');

test('publint --strict finds nothing in the tarball', () => {
  const {status, output} = rootTool('publint', ['--strict', TARBALL]);
  assert.equal(status, 0, output);
  assert.match(output, /All good/);
});

test('@arethetypeswrong/cli: every entry resolves with types (ESM-only profile; ./loader is a classic script)', () => {
  const {status, output} = rootTool('attw', [TARBALL, '--profile', 'esm-only', '--exclude-entrypoints', './loader', '--format', 'ascii']);
  assert.equal(status, 0, output);
});

test('package.json: relative customElements, exported, caret ranges, optional react peers', () => {
  assert.match(pkg.customElements, /^\.\//);
  assert.ok(existsSync(manifestPath), manifestPath);
  assert.equal(pkg.exports['./custom-elements.json'], pkg.customElements);
  for (const [name, range] of Object.entries(pkg.dependencies)) assert.match(range, /^\^/, `${name}: ${range}`);
  assert.equal(pkg.peerDependenciesMeta['@lit/react']?.optional, true);
  assert.equal(pkg.peerDependenciesMeta.react?.optional, true);
  assert.ok(pkg.exports['./bundle'].types, './bundle has types');
  for (const [entry, target] of Object.entries(pkg.exports)) {
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) assert.ok(existsSync(join(INSTALLED, file)), `${entry}: ${file}`);
  }
});

test('the manifest names modules that exist in the package; events, attributes typed; parts and CSS properties listed', () => {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const module of manifest.modules) {
    assert.ok(existsSync(join(INSTALLED, module.path)), module.path);
    for (const entry of module.exports ?? []) if (entry.declaration.module) assert.ok(existsSync(join(INSTALLED, entry.declaration.module)), entry.declaration.module);
  }
  const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.customElement);
  assert.equal(element.tagName, 'antom-card-binding');
  assert.ok(element.events.length >= 9);
  for (const event of element.events) assert.ok(event.type?.text, `event ${event.name} has a type`);
  for (const attribute of element.attributes) assert.ok(attribute.type?.text, `attribute ${attribute.name} has a type`);
  assert.ok(element.cssParts.length > 0 && element.cssProperties.length > 0);
});

test('the React wrapper maps every event of the manifest to a camelCase prop', async () => {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.customElement);
  const source = readFileSync(join(INSTALLED, 'dist', 'react.js'), 'utf8');
  const declared = readFileSync(join(INSTALLED, 'dist', 'types', 'react', 'index.d.ts'), 'utf8');
  for (const event of element.events) {
    const prop = `on${event.name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())}`;
    assert.ok(declared.includes(`${prop}:`), `${prop} typed`);
    assert.ok(source.includes(`"${event.name}"`) || source.includes(`'${event.name}'`), `${event.name} mapped`);
  }
});

test('typings, VS Code custom data and web-types carry every attribute and event', () => {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.customElement);
  const jsx = readFileSync(join(INSTALLED, 'dist', 'types', 'frameworks', 'jsx-react.d.ts'), 'utf8');
  const vue = readFileSync(join(INSTALLED, 'dist', 'types', 'frameworks', 'vue.d.ts'), 'utf8');
  for (const event of element.events) {
    assert.ok(jsx.includes(`'on${event.name}'?:`), `jsx on${event.name}`);
    assert.ok(vue.includes(`'on${event.name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())}'?:`), `vue ${event.name}`);
  }
  const customData = JSON.parse(readFileSync(join(INSTALLED, 'dist', 'vscode.html-custom-data.json'), 'utf8'));
  assert.deepEqual(customData.tags[0].attributes.map((a) => a.name).sort(), element.attributes.map((a) => a.name).sort());
  const webTypes = JSON.parse(readFileSync(join(INSTALLED, pkg['web-types']), 'utf8'));
  const tag = webTypes.contributions.html.elements[0];
  assert.equal(tag.name, 'antom-card-binding');
  assert.deepEqual(tag.js.events.map((e) => e.name).sort(), element.events.map((e) => e.name).sort());
});

test('integrity.json pins the bundle and every chunk beside it; the import map and the loader agree', () => {
  const integrity = JSON.parse(readFileSync(join(INSTALLED, 'dist', 'integrity.json'), 'utf8'));
  const listed = Object.keys(integrity);
  assert.ok(listed.includes('antom-card-binding.bundle.js'));
  assert.ok(listed.some((file) => file.startsWith('bundle-chunks/submit-path-')));
  for (const [file, hash] of Object.entries(integrity)) {
    assert.equal(hash, `sha384-${createHash('sha384').update(readFileSync(join(INSTALLED, 'dist', file))).digest('base64')}`, file);
  }
  const map = JSON.parse(readFileSync(join(INSTALLED, 'dist', 'importmap.json'), 'utf8'));
  assert.equal(Object.keys(map.integrity).length, listed.length);
  for (const [url, hash] of Object.entries(map.integrity)) assert.equal(integrity[url.replace(/^.*\/dist\//, '')], hash);
  const loader = readFileSync(join(INSTALLED, 'dist', 'antom-card-binding.loader.js'), 'utf8');
  for (const hash of Object.values(integrity)) assert.ok(loader.includes(hash));
});

test('source maps carry no sources; the tarball has no src/', () => {
  const map = JSON.parse(readFileSync(join(INSTALLED, 'dist', 'antom-card-binding.bundle.js.map'), 'utf8'));
  assert.equal(map.sourcesContent, undefined);
  assert.ok(!existsSync(join(INSTALLED, 'src')));
});
