// The sample merchant app: a "Binding management" page for one demo buyer, backed by SQLite.
//   GET  /                       the page (public/index.html); ?mode=relay (default) | direct picks the card route
//   GET  /api/cards              the buyer's bound cards (brand, masked number, date; never tokens)
//   GET  /api/cards/events       server-sent events: "cards" whenever the list changes or a vaulting ends
//   DELETE /api/cards/:id        removes a card
//   POST /api/vaulting-session   {mode}: a card binding session for the element, in either route
//   POST /api/cards/submit       relay mode: the element posts the encrypted card here (createCardBindingRelay)
//   GET  /api/vaultings/:id      the outcome of one session (stored, else inquireVaulting)
//   POST /notify                 notifyVaulting: verify the signature, store once, acknowledge
//
// Two card routes, both against the local Antom sandbox emulator it is given:
// - relay (default): the session comes from this server's own relay (`createCardBindingRelay` from
//   antom-card-binding/server). The browser encrypts the card to the relay's key and posts it here,
//   same-origin; the relay decrypts it and calls Antom's vaultPaymentMethod (the end-to-end API for
//   PCI DSS validated merchants). Each card attempt of a session is its own vaultingRequestId
//   (<id>, <id>-2, ...), and Antom notifies each attempt.
// - direct (demo only): createVaultingSession; the browser posts the encrypted card straight to the
//   emulator's own submit endpoint; this server never sees card data, and only the session's final
//   state is notified.
// Logs ids and result codes, never card data or tokens.
import {generateKeyPairSync, randomBytes, randomUUID} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {listen, readBody, send, serveStatic} from '../lib/http.mjs';
import {openRelayStore} from './relay-store.mjs';
import {MODES, openStore} from './store.mjs';

export const DEMO_BUYER = {id: 'buyer-0001', name: 'Ana Example'};
export const DEFAULT_MODE = 'relay';

/**
 * The relay's HMAC secret and card encryption key. Kept in files beside the database (mode 0600) so
 * that a restart keeps issued sessions working; generated per process for ':memory:'.
 */
function relayKeys(database) {
  const generateKey = () => generateKeyPairSync('rsa', {modulusLength: 2048}).privateKey.export({format: 'pem', type: 'pkcs8'});
  if (database === ':memory:') return {secret: randomBytes(32), encryptionKey: generateKey()};
  const directory = dirname(database);
  const persisted = (name, make) => {
    const file = join(directory, name);
    try {
      writeFileSync(file, make(), {mode: 0o600, flag: 'wx'}); // only when absent: never replaces a key in use
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    return readFileSync(file, 'utf8').trim();
  };
  const secret = Buffer.from(persisted('relay-secret', () => `${randomBytes(32).toString('base64url')}\n`), 'base64url');
  if (secret.length < 32) throw new Error(`${join(directory, 'relay-secret')} holds fewer than 32 bytes: delete it to get a new one.`);
  return {secret, encryptionKey: persisted('relay-card-key.pem', generateKey)};
}

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
  const {secret, encryptionKey} = relayKeys(database);
  const listeners = new Set();
  const mounts = {'/dist/': join(root, 'dist'), '/': join(root, 'demo', 'merchant', 'public')};
  let relay = null; // made once the origin is known (its submit URL is on this server)
  let origin = '';

  const changed = () => {
    for (const response of listeners) response.write('event: cards\ndata: {}\n\n');
  };
  const modeOf = (value) => (MODES.includes(value) ? value : DEFAULT_MODE);

  /**
   * One relay attempt's outcome, from the relay's answer, a notification or an inquiry. A failed
   * attempt ends the buyer's session only when the relay says the session can take no other card
   * (CLOSED after its last allowed decline, FAILED after a failed 3-D Secure or pending attempt);
   * an ordinary decline leaves it open for the next card.
   */
  async function applyRelayAttempt({sessionRequestId, attemptRequestId, attempt, status, resultCode, card, sessionState}) {
    store.recordAttempt({vaultingRequestId: attemptRequestId, sessionVaultingRequestId: sessionRequestId, attempt, status, resultCode});
    let outcome = 'attempt recorded';
    if (status === 'SUCCESS') outcome = store.applyOutcome({vaultingRequestId: sessionRequestId, status, resultCode, card});
    else if (status === 'FAIL' && ['CLOSED', 'FAILED'].includes(sessionState)) {
      outcome = store.applyOutcome({vaultingRequestId: sessionRequestId, status: 'FAIL', resultCode});
    }
    if (outcome === 'stored' || outcome === 'recorded') changed(); // a page waiting on 3-D Secure asks again
    return outcome;
  }

  /** Maps a final inquiry answer to the store; returns the row afterwards. */
  async function reconcile(vaultingRequestId) {
    const row = store.vaulting(vaultingRequestId);
    if (!row || row.status !== 'PENDING') return row;
    let asked = vaultingRequestId;
    if (row.mode === 'relay') {
      // Each attempt is its own vaulting at Antom: ask about the newest one.
      const session = await relay.findSession(vaultingRequestId);
      if (!session) return row;
      if (session.state === 'EXPIRED') {
        // Lapsed with no card (at most declined attempts): nothing can bind any more.
        const last = store.attempts(vaultingRequestId).at(-1);
        store.applyOutcome({vaultingRequestId, status: 'FAIL', resultCode: last?.resultCode ?? 'SESSION_EXPIRED'});
        return store.vaulting(vaultingRequestId);
      }
      if (!session.latestVaultingRequestId) return row;
      asked = session.latestVaultingRequestId;
    }
    const answer = await client.inquireVaulting({vaultingRequestId: asked});
    if (answer.vaultingStatus !== 'SUCCESS' && answer.vaultingStatus !== 'FAIL') return row;
    const status = answer.vaultingStatus;
    const resultCode = answer.vaultingResultCode ?? (status === 'SUCCESS' ? 'SUCCESS' : undefined);
    const card = answer.paymentMethodDetail?.card;
    if (row.mode === 'relay') {
      const attempt = await relay.findAttempt(asked);
      const session = await relay.recordResult(answer); // AWAITING_3DS / PROCESSING -> BOUND or FAILED
      await applyRelayAttempt({sessionRequestId: vaultingRequestId, attemptRequestId: asked, attempt: attempt?.attempt, status, resultCode, card, sessionState: session?.state});
    } else if (['stored', 'recorded'].includes(store.applyOutcome({vaultingRequestId, status, resultCode, card}))) {
      changed();
    }
    return store.vaulting(vaultingRequestId);
  }

  async function createSession(mode) {
    const vaultingRequestId = `vr-${randomUUID()}`;
    const vaultingNotificationUrl = `${origin}/notify`;
    // 3-D Secure brings the buyer back here; the query tells the page which session it was.
    const redirectUrl = `${origin}/?mode=${mode}&vaulting=${encodeURIComponent(vaultingRequestId)}`;
    const created =
      mode === 'relay'
        ? await relay.createSession({vaultingRequestId, vaultingNotificationUrl, redirectUrl, reference: DEMO_BUYER.id})
        : await client.createVaultingSession({paymentMethodType: 'CARD', vaultingRequestId, vaultingNotificationUrl, redirectUrl});
    store.startVaulting({vaultingRequestId, buyerId: DEMO_BUYER.id, vaultingSessionId: created.vaultingSessionId, mode});
    log(`session ${vaultingRequestId}: ${mode}`);
    return {
      mode,
      vaultingRequestId,
      vaultingSessionData: created.vaultingSessionData,
      vaultingSessionExpiryTime: created.vaultingSessionExpiryTime,
      // The page trusts its own origin; in direct mode the card goes to the emulator, named here.
      gatewayOrigins: mode === 'direct' ? [new URL(sandbox.url).origin] : [],
    };
  }

  const app = await listen(port, async (request, response, url) => {
    const {pathname} = url;
    const method = request.method;

    if (pathname === '/api/cards/submit') return relay.handleNodeRequest(request, response);

    if (method === 'POST' && pathname === '/notify') {
      const rawBody = await readBody(request);
      let notification;
      try {
        notification = client.receiveVaultingNotification({method, path: request.url, headers: request.headers, rawBody});
      } catch (error) {
        log(`notifyVaulting refused: ${error?.code ?? 'invalid'}`);
        return send(response, 400, {error: 'invalid notification'}); // not acknowledged: the emulator retries
      }
      // vaultingStatus is not an AMS notification field: result decides (it is read only if present).
      const {result, vaultingStatus} = notification;
      const failed = result.resultStatus === 'F' || vaultingStatus === 'FAIL';
      const succeeded = result.resultStatus === 'S' && !['FAIL', 'PROCESSING'].includes(vaultingStatus);
      const id = notification.vaultingRequestId;
      const attempt = await relay.findAttempt(id); // relay mode: any attempt id -> its session
      const sessionRequestId = attempt?.sessionVaultingRequestId ?? id;
      let outcome = 'ignored';
      if (succeeded || failed) {
        const status = succeeded ? 'SUCCESS' : 'FAIL';
        const card = notification.paymentMethodDetail?.card;
        if (store.vaulting(sessionRequestId)?.mode === 'relay') {
          const session = await relay.recordResult(notification);
          outcome = await applyRelayAttempt({
            sessionRequestId,
            attemptRequestId: id,
            attempt: attempt?.attempt,
            status,
            resultCode: result.resultCode,
            card,
            sessionState: session?.state,
          });
        } else {
          // Direct mode: Antom notifies the session's final state, once.
          outcome = store.applyOutcome({vaultingRequestId: id, status, resultCode: result.resultCode, card});
          if (outcome === 'stored' || outcome === 'recorded') changed();
        }
      }
      log(`notifyVaulting ${id}${sessionRequestId === id ? '' : ` (session ${sessionRequestId})`}: ${result.resultCode} (${outcome})`);
      return send(response, 200, server.NOTIFICATION_ACK_BODY);
    }

    if (method === 'POST' && pathname === '/api/vaulting-session') {
      let mode;
      try {
        mode = JSON.parse((await readBody(request, 1024)) || '{}').mode ?? DEFAULT_MODE;
      } catch {
        return send(response, 400, {error: 'body must be JSON'});
      }
      if (!MODES.includes(mode)) return send(response, 400, {error: `mode must be one of ${MODES.join(', ')}`});
      return send(response, 200, await createSession(mode));
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
      return send(response, 200, {mode: row.mode, status: row.status, resultCode: row.result_code, card});
    }

    if (method === 'GET' || method === 'HEAD') {
      // Relay mode posts the card to this origin; direct mode posts it to the emulator. A 3-D
      // Secure redirect is a GET navigation in relay mode; the emulator's may be a POST form.
      const direct = modeOf(url.searchParams.get('mode')) === 'direct';
      const csp = [
        "default-src 'self'",
        direct ? `connect-src 'self' ${sandbox.url}` : "connect-src 'self'",
        direct ? `form-action 'self' ${sandbox.url}` : "form-action 'self'",
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

  relay = server.createCardBindingRelay({
    antom: client,
    submitUrl: `${origin}/api/cards/submit`,
    secret,
    encryptionKey,
    store: openRelayStore(store.db),
    log, // ids, states and result codes only
    async onOutcome(outcome) {
      // Before the browser hears back: a bound card is stored now (the notification repeats it).
      const stored = await applyRelayAttempt({
        sessionRequestId: outcome.sessionVaultingRequestId,
        attemptRequestId: outcome.vaultingRequestId,
        attempt: outcome.attempt,
        status: outcome.status,
        resultCode: outcome.resultCode,
        card: outcome.card,
        sessionState: outcome.sessionState,
      });
      log(`relay outcome ${outcome.vaultingRequestId}: ${outcome.status} ${outcome.resultCode} (${stored})`);
    },
  });

  return {
    url: origin,
    store,
    relay,
    async close() {
      for (const response of listeners) response.end();
      listeners.clear();
      await app.close();
      store.close();
    },
  };
}
