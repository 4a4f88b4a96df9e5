// Starts the whole demo in this process, on 127.0.0.1: the local Antom sandbox emulator (this
// project's stand-in, not the Antom service), the sample merchant app (SQLite) and the catalogue.
// Needs a built dist/ (npm run build) and, for the catalogue's API table, custom-elements.json
// (npm run analyze). Used by scripts/start.mjs (`npm start`) and by the end-to-end tests.
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {startMerchantApp} from './merchant/server.mjs';
import {startCatalogue} from './catalogue/server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {object} [options]
 * @param {{sandbox?: number, merchant?: number, catalogue?: number}} [options.ports] 0 (default): free ports
 * @param {number} [options.port] shorthand: the same value for all three (only 0 makes sense)
 * @param {string} [options.database] SQLite file for the merchant; default `.data/merchant.sqlite`
 * @param {object} [options.sandboxOptions] extra startSandbox options
 * @param {(line: string) => void} [options.log] receives the emulator's and the merchant's log lines
 */
export async function startDemo(options = {}) {
  const ports = {sandbox: options.port ?? 0, merchant: options.port ?? 0, catalogue: options.port ?? 0, ...options.ports};
  const log = options.log ?? (() => {});
  let database = options.database;
  if (!database) {
    mkdirSync(join(ROOT, '.data'), {recursive: true});
    database = join(ROOT, '.data', 'merchant.sqlite');
  }
  const {startSandbox} = await import('../dist/sandbox/index.js');
  const server = await import('../dist/server/index.js');

  const sandbox = await startSandbox({
    port: ports.sandbox,
    processingDelayMs: 2000,
    logger: (line) => log(`[sandbox] ${line}`),
    ...options.sandboxOptions,
  });
  const closers = [() => sandbox.close()];
  try {
    const merchant = await startMerchantApp({root: ROOT, sandbox, server, database, port: ports.merchant, log: (line) => log(`[merchant] ${line}`)});
    closers.unshift(() => merchant.close());
    const catalogue = await startCatalogue({root: ROOT, sandbox, server, port: ports.catalogue, links: () => ({merchant: merchant.url})});
    closers.unshift(() => catalogue.close());
    return {
      sandbox,
      merchant,
      catalogue,
      urls: {sandbox: sandbox.url, merchant: `${merchant.url}/`, catalogue: `${catalogue.url}/`},
      async close() {
        for (const close of closers) await close().catch(() => {});
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => {});
    throw error;
  }
}
