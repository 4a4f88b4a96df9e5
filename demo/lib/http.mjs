// Small HTTP helpers shared by the demo's merchant app and catalogue servers (Node's http only).
import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import {extname, join, normalize, sep} from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Sends a JSON value, a string or bytes with no-store caching. */
export function send(response, status, body, headers = {}) {
  const text = body === undefined ? '' : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(text);
}

/** Reads a request body (at most `limit` bytes) as UTF-8. */
export function readBody(request, limit = 64 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Serves a file when `pathname` starts with one of `mounts`' prefixes ({'/dist/': '/abs/dist'}),
 * or equals a prefix without a trailing slash ({'/x.json': '/abs/x.json'}). A path ending in `/`
 * serves its index.html. Returns false when nothing matched.
 */
export async function serveStatic(response, pathname, mounts, headers = {}) {
  for (const [prefix, directory] of Object.entries(mounts)) {
    if (!prefix.endsWith('/')) {
      // A single file mounted at an exact path.
      if (pathname === prefix && (await serveFile(response, directory, headers))) return true;
      continue;
    }
    if (!pathname.startsWith(prefix)) continue;
    let relative;
    try {
      relative = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return false;
    }
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = normalize(join(directory, relative));
    if (file !== directory && !file.startsWith(directory.endsWith(sep) ? directory : directory + sep)) return false;
    if (await serveFile(response, file, headers)) return true;
  }
  return false;
}

async function serveFile(response, file, headers) {
  try {
    if (!(await stat(file)).isFile()) return false;
    const body = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    send(response, 200, body, {'content-type': type, ...(type.startsWith('text/html') ? headers : {})});
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts an HTTP server on 127.0.0.1. `handler(request, response, url)` may be async; a thrown
 * error answers 500 with a generic body (never the error text: it could echo a request).
 */
export async function listen(port, handler) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    try {
      await handler(request, response, url);
    } catch {
      if (!response.headersSent) send(response, 500, {error: 'internal error'});
      else response.destroy();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    server,
    origin,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
