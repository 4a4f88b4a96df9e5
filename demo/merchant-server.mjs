// The demo's sample merchant, on 127.0.0.1: serves the demo page and the built element, creates
// vaulting sessions on the sandbox emulator through the library's server helper, and receives
// notifyVaulting (verified, stored once per vaultingRequestId, acknowledged). In-memory store.
import {createServer} from 'node:http';
import {randomUUID} from 'node:crypto';
import {existsSync, readFileSync, statSync} from 'node:fs';
import {extname, join, normalize} from 'node:path';

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json', '.css': 'text/css'};

/** @param {{root: string, sandbox: import('../dist/types/sandbox/index.js').Sandbox, server: typeof import('../dist/types/server/index.js')}} options */
export async function startMerchant({root, sandbox, server}) {
  const client = server.createAntomClient({
    clientId: sandbox.clientId,
    privateKey: sandbox.generatedMerchant.privateKeyPem,
    antomPublicKey: sandbox.publicKey,
    baseUrl: sandbox.url,
  });
  const cards = new Map(); // vaultingRequestId -> {brand, maskedCardNo, boundAt}
  let origin = '';

  const send = (response, status, body, type = 'application/json') => {
    response.writeHead(status, {'content-type': type, 'cache-control': 'no-store'});
    response.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
  };
  const readBody = (request) =>
    new Promise((resolve, reject) => {
      const chunks = [];
      let size = 0;
      request.on('data', (chunk) => {
        size += chunk.length;
        if (size > 64 * 1024) reject(new Error('too large'));
        else chunks.push(chunk);
      });
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      request.on('error', reject);
    });

  const http = createServer(async (request, response) => {
    const url = new URL(request.url, origin);
    try {
      if (request.method === 'POST' && url.pathname === '/api/vaulting-session') {
        const created = await client.createVaultingSession({
          paymentMethodType: 'CARD',
          vaultingRequestId: `demo-${randomUUID()}`,
          vaultingNotificationUrl: `${origin}/notify`,
          redirectUrl: `${origin}/demo/?returned=1`,
        });
        return send(response, 200, {vaultingSessionData: created.vaultingSessionData, vaultingSessionId: created.vaultingSessionId});
      }
      if (request.method === 'POST' && url.pathname === '/notify') {
        const rawBody = await readBody(request);
        server.verifyNotification(
          {method: 'POST', path: url.pathname + url.search, headers: request.headers, rawBody},
          {antomPublicKey: sandbox.publicKey, clientId: sandbox.clientId}
        );
        const notification = server.parseVaultingNotification(rawBody);
        const card = notification.paymentMethodDetail?.card;
        if (notification.result.resultStatus === 'S' && card && !cards.has(notification.vaultingRequestId)) {
          cards.set(notification.vaultingRequestId, {brand: card.brand, maskedCardNo: card.maskedCardNo, boundAt: new Date().toISOString()});
        }
        return send(response, 200, server.NOTIFICATION_ACK_BODY);
      }
      if (request.method === 'GET' && url.pathname === '/api/cards') {
        return send(response, 200, [...cards.entries()].map(([id, card]) => ({id, ...card})));
      }
      if (request.method === 'DELETE' && url.pathname.startsWith('/api/cards/')) {
        cards.delete(decodeURIComponent(url.pathname.slice('/api/cards/'.length)));
        return send(response, 204, '');
      }
      if (request.method === 'GET') {
        const path = url.pathname === '/' ? '/demo/index.html' : url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
        const file = normalize(join(root, path));
        const allowed = [join(root, 'demo'), join(root, 'dist')].some((dir) => file.startsWith(dir));
        if (allowed && existsSync(file) && statSync(file).isFile()) {
          return send(response, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
        }
      }
      send(response, 404, {error: 'not found'});
    } catch (error) {
      send(response, 400, {error: error instanceof Error ? error.message : 'bad request'});
    }
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${http.address().port}`;
  return {url: origin, close: () => new Promise((resolve) => http.close(resolve))};
}
