// The sample merchant app: a "Binding management" page for one demo buyer, backed by SQLite.
//   GET  /                       the page (public/index.html)
//   GET  /api/cards              the buyer's bound cards (brand, masked number, date; never tokens)
//   GET  /api/cards/events       server-sent events: "cards" whenever the list changes
//   DELETE /api/cards/:id        removes a card
//   POST /api/vaulting-session   createVaultingSession on the emulator through the server helper
//   GET  /api/vaultings/:id      the outcome of one attempt (stored, else inquireVaulting)
//   POST /notify                 notifyVaulting: verify the signature, store once, acknowledge
// Talks only to the local Antom sandbox emulator it is given. Logs no card data (it never sees any:
// the card goes from the browser, encrypted, to the emulator).
import {randomUUID} from 'node:crypto';
import {join} from 'node:path';
import {listen, readBody, send, serveStatic} from '../lib/http.mjs';
import {openStore} from './store.mjs';

export const DEMO_BUYER = {id: 'buyer-0001', name: 'Ana Example'};

/**
 * @param {object} options
 * @param {string} options.root the repository root (serves dist/ from it)
 * @param {import('../../dist/types/sandbox/index.js').Sandbox} options.sandbox
 * @param {typeof import('../../dist/types/server/index.js')} options.server the library's server helper
 * @param {string} options.database SQLite file, or ':memory:'
 * @param {number} [options.port] 0: a free port
 * @param {(line: string) => void} [options.log]
 */
export async function startMerchantApp({root, sandbox, server, database, port = 0, log = () => {}}) {
  const client = server.createAntomClient({
    clientId: sandbox.clientId,
    privateKey: sandbox.generatedMerchant.privateKeyPem,
    antomPublicKey: sandbox.publicKey,
    baseUrl: sandbox.url,
  });
  const store = openStore(database);
  const listeners = new Set();
  const mounts = {'/dist/': join(root, 'dist'), '/': join(root, 'demo', 'merchant', 'public')};
  let origin = '';

  const changed = () => {
    for (const response of listeners) response.write('event: cards\ndata: {}\n\n');
  };

  /** Maps a final inquiry answer to the store; returns the row afterwards. */
  async function reconcile(vaultingRequestId) {
    const row = store.vaulting(vaultingRequestId);
    if (!row || row.status !== 'PENDING') return row;
    const answer = await client.inquireVaulting({vaultingRequestId});
    if (answer.vaultingStatus === 'PROCESSING') return row;
    const outcome = store.applyOutcome({
      vaultingRequestId,
      status: answer.vaultingStatus,
      resultCode: answer.vaultingResultCode ?? (answer.vaultingStatus === 'SUCCESS' ? 'SUCCESS' : undefined),
      card: answer.paymentMethodDetail?.card,
    });
    if (outcome === 'stored') changed();
    return store.vaulting(vaultingRequestId);
  }

  const app = await listen(port, async (request, response, url) => {
    const {pathname} = url;
    const method = request.method;

    if (method === 'POST' && pathname === '/notify') {
      const rawBody = await readBody(request);
      let notification;
      try {
        notification = client.receiveVaultingNotification({method, path: request.url, headers: request.headers, rawBody});
      } catch (error) {
        log(`notifyVaulting refused: ${error?.code ?? 'invalid'}`);
        return send(response, 400, {error: 'invalid notification'}); // not acknowledged: the emulator retries
      }
      const failed = notification.result.resultStatus === 'F' || notification.vaultingStatus === 'FAIL';
      const succeeded = notification.result.resultStatus === 'S' && !['FAIL', 'PROCESSING'].includes(notification.vaultingStatus);
      if (succeeded || failed) {
        const outcome = store.applyOutcome({
          vaultingRequestId: notification.vaultingRequestId,
          status: succeeded ? 'SUCCESS' : 'FAIL',
          resultCode: notification.result.resultCode,
          card: notification.paymentMethodDetail?.card,
        });
        log(`notifyVaulting ${notification.vaultingRequestId}: ${notification.result.resultCode} (${outcome})`);
        if (outcome === 'stored') changed();
      }
      return send(response, 200, server.NOTIFICATION_ACK_BODY);
    }

    if (method === 'POST' && pathname === '/api/vaulting-session') {
      const vaultingRequestId = `vr-${randomUUID()}`;
      const created = await client.createVaultingSession({
        paymentMethodType: 'CARD',
        vaultingRequestId,
        vaultingNotificationUrl: `${origin}/notify`,
        // 3-D Secure brings the buyer back here; the query tells the page which attempt it was.
        redirectUrl: `${origin}/?vaulting=${encodeURIComponent(vaultingRequestId)}`,
      });
      store.startVaulting({vaultingRequestId, buyerId: DEMO_BUYER.id, vaultingSessionId: created.vaultingSessionId});
      return send(response, 200, {
        vaultingRequestId,
        vaultingSessionData: created.vaultingSessionData,
        vaultingSessionExpiryTime: created.vaultingSessionExpiryTime,
      });
    }

    if (method === 'GET' && pathname === '/api/me') return send(response, 200, DEMO_BUYER);

    if (method === 'GET' && pathname === '/api/cards') return send(response, 200, store.cards(DEMO_BUYER.id));

    if (method === 'GET' && pathname === '/api/cards/events') {
      response.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive'});
      response.write('retry: 1000\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }

    const cardMatch = /^\/api\/cards\/(\d+)$/.exec(pathname);
    if (method === 'DELETE' && cardMatch) {
      const removed = store.removeCard(DEMO_BUYER.id, Number(cardMatch[1]));
      if (removed) changed();
      return send(response, removed ? 204 : 404, removed ? undefined : {error: 'no such card'});
    }

    const vaultingMatch = /^\/api\/vaultings\/([\w-]{1,64})$/.exec(pathname);
    if (method === 'GET' && vaultingMatch) {
      const row = await reconcile(vaultingMatch[1]);
      if (!row || row.buyer_id !== DEMO_BUYER.id) return send(response, 404, {error: 'unknown vaulting'});
      const card = store.cards(DEMO_BUYER.id).find((entry) => entry.vaultingRequestId === row.vaulting_request_id) ?? null;
      return send(response, 200, {status: row.status, resultCode: row.result_code, card});
    }

    if (method === 'GET' || method === 'HEAD') {
      const csp = [
        "default-src 'self'",
        `connect-src 'self' ${sandbox.url}`, // the element posts the encrypted card to the session's submit URL
        `form-action 'self' ${sandbox.url}`, // a 3-D Secure redirect may be a POST
        "img-src 'self' data:",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
      ].join('; ');
      if (await serveStatic(response, pathname, mounts, {'content-security-policy': csp, 'referrer-policy': 'no-referrer'})) return;
    }
    send(response, 404, {error: 'not found'});
  });
  origin = app.origin;

  return {
    url: origin,
    store,
    async close() {
      for (const response of listeners) response.end();
      listeners.clear();
      await app.close();
      store.close();
    },
  };
}
