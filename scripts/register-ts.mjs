// Lets Node 20 run this repository's TypeScript directly: `node --import ./scripts/register-ts.mjs x.ts`.
//
// On the main thread this file registers itself as an ESM loader (module.register); in the loader
// thread the same file provides the two hooks:
//  - resolve: `./x.js` written in TypeScript sources means `./x.ts` when no `x.js` exists;
//  - load: `.ts` files are transformed with esbuild using the compiler options of tsconfig.json.
// Type checking stays with `tsc --noEmit`; this only strips types.
import {register} from 'node:module';
import {isMainThread} from 'node:worker_threads';
import {existsSync, readFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

if (isMainThread) {
  register(import.meta.url);
}

const TS_EXTENSION = /\.(?:ts|mts)$/;
let tsconfigRaw;

function compilerOptions() {
  if (tsconfigRaw === undefined) {
    const tsconfigUrl = new URL('../tsconfig.json', import.meta.url);
    const {compilerOptions: options = {}} = JSON.parse(readFileSync(tsconfigUrl, 'utf8'));
    tsconfigRaw = {compilerOptions: options};
  }
  return tsconfigRaw;
}

export async function resolve(specifier, context, nextResolve) {
  const parentURL = context.parentURL;
  const isRelative = specifier.startsWith('./') || specifier.startsWith('../');
  if (isRelative && specifier.endsWith('.js') && parentURL?.startsWith('file:')) {
    const jsUrl = new URL(specifier, parentURL);
    if (!existsSync(fileURLToPath(jsUrl))) {
      const tsUrl = new URL(specifier.replace(/\.js$/, '.ts'), parentURL);
      if (existsSync(fileURLToPath(tsUrl))) return {url: tsUrl.href, shortCircuit: true};
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !TS_EXTENSION.test(new URL(url).pathname)) {
    return nextLoad(url, context);
  }
  // Imported lazily so the main thread does not pay for esbuild.
  const {transform} = await import('esbuild');
  const filename = fileURLToPath(url);
  const source = await readFile(filename, 'utf8');
  const output = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
    tsconfigRaw: compilerOptions(),
  });
  return {format: 'module', source: output.code, shortCircuit: true};
}
