// Shared by test/package/*.test.mjs: paths, a static file server (optionally cross-origin with
// CORS, optionally rewriting a file to play a tampered CDN), and Chromium through playwright-core.
import {spawnSync} from 'node:child_process';
import {createServer} from 'node:http';
import {existsSync, readFileSync, statSync} from 'node:fs';
import {extname, join, normalize, resolve} from 'node:path';
import {chromium} from 'playwright-core';
import {findChrome, CHROME_ARGS} from '../../scripts/find-chrome.mjs';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CONSUMERS = join(ROOT, 'test', 'consumers');
export const INSTALLED = join(CONSUMERS, 'node_modules', 'antom-card-binding');
export const TARBALL = process.env.ANTOM_TARBALL;

const TYPES = {'.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.json': 'application/json', '.css': 'text/css'};

/**
 * Serves `dir`. `pages`: path -> HTML. `cors`: Access-Control-Allow-Origin on every answer.
 * `rewrite(path, body)`: what to send instead (a tampered chunk). Records requested paths.
 */
export async function serve(dir, {pages = {}, cors = false, rewrite} = {}) {
  const requested = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    requested.push(path);
    const headers = {'cache-control': 'no-store', ...(cors ? {'access-control-allow-origin': '*'} : {})};
    if (path === '/favicon.ico') {
      response.writeHead(204, headers);
      return response.end();
    }
    if (pages[path] !== undefined) {
      response.writeHead(200, {...headers, 'content-type': 'text/html'});
      return response.end(typeof pages[path] === 'function' ? pages[path]() : pages[path]);
    }
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, headers);
      return response.end();
    }
    let body = readFileSync(file);
    if (rewrite) body = rewrite(path, body) ?? body;
    response.writeHead(200, {...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream'});
    response.end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {origin: `http://127.0.0.1:${server.address().port}`, requested, close: () => new Promise((done) => server.close(done))};
}

export async function launch() {
  return chromium.launch({executablePath: process.env.CHROME_PATH ?? findChrome(), args: CHROME_ARGS});
}

/** A page that collects console errors and page errors. */
export async function openPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  return {page, errors, close: () => context.close()};
}

/** Runs a tool from test/consumers/node_modules/.bin there; resolves {status, output}. */
export function consumerTool(tool, args) {
  const result = spawnSync(join(CONSUMERS, 'node_modules', '.bin', tool), args, {cwd: CONSUMERS, encoding: 'utf8'});
  return {status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`};
}

/** Runs a tool from the repository's node_modules/.bin. */
export function rootTool(tool, args) {
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', tool), args, {cwd: ROOT, encoding: 'utf8'});
  return {status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`};
}
