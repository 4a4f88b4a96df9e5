/**
 * Dispatches each request of the emulator to its route, and makes sure no input can crash the
 * process: a request-target that is not one the emulator serves gets 400 (request-target.ts)
 * before any route sees it, a body that is not read in time closes the connection, and any
 * unexpected error becomes a 500 answer.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {API_HANDLERS, apiEndpointName, handleApiCall} from './antom-api.js';
import {handleChallengeRoute} from './challenge.js';
import type {SandboxContext} from './context.js';
import {bodyLimits, readBodyOrRefuse, sendJson} from './http.js';
import {BINDINGS_PATH, CHALLENGE_PATH_PREFIX, SUBMIT_CARD_PATH} from './paths.js';
import {checkRequestTarget} from './request-target.js';
import type {BindingRecord, DeliveryAttempt} from './store.js';
import {handleSubmitRoute} from './submit-route.js';

/** How the debug route and `Sandbox.bindings()` show a binding (this emulator's own format). */
export interface BindingView {
  /** The API that made it: a session (the browser submits the card) or a card sent by the merchant server. */
  readonly api: 'createVaultingSession' | 'vaultPaymentMethod';
  readonly clientId: string;
  readonly vaultingRequestId: string;
  /** Null for vaultPaymentMethod, which has no session. */
  readonly vaultingSessionId: string | null;
  readonly state: BindingRecord['state'];
  readonly createdAt: string;
  /** The session's expiry; null for vaultPaymentMethod. */
  readonly expiresAt: string | null;
  readonly completedAt: string | null;
  readonly card: {readonly brand: string; readonly maskedCardNo: string; readonly cardToken: string | null} | null;
  /** The final result code (SUCCESS or the FAIL code); null while not final. */
  readonly resultCode: string | null;
  /** Declined attempts so far (the session stays open for more until the limit), and the newest one's code. */
  readonly declinedAttempts: number;
  readonly lastDeclineCode: string | null;
  readonly notification: {readonly url: string; readonly acknowledged: boolean; readonly attempts: readonly DeliveryAttempt[]};
}

export function bindingView(record: BindingRecord): BindingView {
  const session = record.kind === 'session' ? record : null;
  return {
    api: session ? 'createVaultingSession' : 'vaultPaymentMethod',
    clientId: record.clientId,
    vaultingRequestId: record.vaultingRequestId,
    vaultingSessionId: session?.vaultingSessionId ?? null,
    state: record.state,
    createdAt: record.createdAt.toISOString(),
    expiresAt: session?.expiresAt.toISOString() ?? null,
    completedAt: record.completedAt?.toISOString() ?? null,
    card: record.card ? {...record.card, cardToken: record.cardToken} : null,
    resultCode: record.state === 'SUCCESS' ? 'SUCCESS' : (record.failure?.resultCode ?? null),
    declinedAttempts: session?.declinedAttempts ?? 0,
    lastDeclineCode: session?.lastDecline?.resultCode ?? null,
    notification: {
      url: record.notificationUrl,
      acknowledged: record.deliveries.some((attempt) => attempt.acknowledged),
      attempts: [...record.deliveries],
    },
  };
}

const result = (resultCode: string, resultMessage: string, resultStatus: 'F' | 'U' = 'F') => ({
  result: {resultCode, resultStatus, resultMessage},
});

export function handleRequest(context: SandboxContext, request: IncomingMessage, response: ServerResponse): void {
  const arrivedAt = Date.now();
  const port = context.baseUrl.slice(context.baseUrl.lastIndexOf(':') + 1);
  const target = checkRequestTarget(request.url, request.method, [`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!target.ok) {
    context.settings.log(`${request.method} (request-target refused): ${target.status}`);
    sendJson(response, target.status, result('PARAM_ILLEGAL', target.message), {connection: 'close'});
    return;
  }
  route(context, request, response, target.pathname, target.path)
    .catch(() => {
      context.settings.log(`${request.method} ${target.pathname}: internal error`);
      if (response.headersSent) response.destroy();
      else sendJson(response, 500, result('UNKNOWN_EXCEPTION', 'The sandbox failed unexpectedly.', 'U'));
    })
    .finally(() => closeOnUnreadBody(context, request, response, arrivedAt));
}

/**
 * A route that answers without reading the body leaves node:http reading (and dropping) it to
 * keep the connection: a client that sends it slowly would hold the connection. The body
 * deadline applies to it as well: the connection is closed (after the answer) when the body is
 * not in by then.
 */
function closeOnUnreadBody(context: SandboxContext, request: IncomingMessage, response: ServerResponse, arrivedAt: number): void {
  if (request.complete) return;
  const socket = request.socket;
  const cancel = () => {
    clearTimeout(timer);
    request.off('end', cancel);
    socket.off('close', cancel);
  };
  const timer = setTimeout(
    () => {
      cancel();
      if (request.complete) return;
      if (response.writableFinished) socket.destroy();
      else response.once('finish', () => socket.destroy());
    },
    Math.max(0, arrivedAt + context.settings.bodyTimeoutMs - Date.now()),
  );
  request.once('end', cancel);
  socket.once('close', cancel);
}

async function route(context: SandboxContext, request: IncomingMessage, response: ServerResponse, pathname: string, path: string): Promise<void> {
  const endpoint = apiEndpointName(pathname);
  if (endpoint) {
    if (request.method !== 'POST') {
      sendJson(response, 405, result('PARAM_ILLEGAL', 'Use POST.'), {allow: 'POST'});
      return;
    }
    const body = await readBodyOrRefuse(request, bodyLimits(context.settings), ({status, resultCode, message}) =>
      sendJson(response, status, result(resultCode, message), {connection: 'close'}),
    );
    if (body) handleApiCall(context, request, response, API_HANDLERS[endpoint]!, body, path);
    return;
  }
  if (pathname === SUBMIT_CARD_PATH) {
    await handleSubmitRoute(context, request, response);
    return;
  }
  if (pathname.startsWith(CHALLENGE_PATH_PREFIX)) {
    await handleChallengeRoute(context, request, response, pathname);
    return;
  }
  if (pathname === BINDINGS_PATH && request.method === 'GET') {
    sendJson(response, 200, {bindings: context.store.all().map(bindingView)});
    return;
  }
  sendJson(response, 404, result('NOT_FOUND', 'No such route on the sandbox emulator.'));
}
