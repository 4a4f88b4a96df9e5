/**
 * Connection-level defences of the emulator's HTTP server: a cap on open connections, and clear
 * answers for what node:http refuses before a route sees a request (a malformed request, headers
 * too large, headers or a whole request too slow). The deadlines themselves are node:http's
 * `headersTimeout` and `requestTimeout`, checked every `connectionsCheckingInterval` (see
 * index.ts), plus the body deadline of http.ts `readBody`.
 */
import {STATUS_CODES, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {Socket} from 'node:net';
import {sendJson} from './http.js';
import type {ResolvedSettings} from './options.js';

/**
 * How long a refused connection may stay after its answer and our FIN, draining what the client
 * still sends (so that the answer is not lost to a reset), before it is destroyed.
 */
const LINGER_MS = 1000;

/**
 * `SYSTEM_BUSY` (over the connection cap) and `REQUEST_TIMEOUT` (too slow) are THIS EMULATOR'S
 * OWN result codes, in Antom's result shape: Antom documents neither for these situations.
 */
type RefusalCode = 'PARAM_ILLEGAL' | 'REQUEST_TIMEOUT' | 'SYSTEM_BUSY';

interface Refusal {
  readonly status: number;
  readonly resultCode: RefusalCode;
  readonly message: string;
}

export interface ConnectionGuard {
  /** Called for every request: false when its connection was refused (nothing is to be answered). */
  admit(request: IncomingMessage, response: ServerResponse): boolean;
  /** Cancels the pending linger timers (the server closes the sockets). */
  close(): void;
}

/** Attaches the cap and the `clientError` answers to `server`. Call before it listens. */
export function guardConnections(server: Server, settings: ResolvedSettings): ConnectionGuard {
  const open = new Set<Socket>();
  const refused = new WeakSet<Socket>();
  const lingering = new Set<NodeJS.Timeout>();
  /** The newest exchange on each connection, to know whether a refusal may still be written. */
  const exchanges = new WeakMap<Socket, {request: IncomingMessage; response: ServerResponse}>();

  /**
   * Sends `text` (a whole HTTP answer), ends our side, and destroys the socket soon after. The
   * connection stops counting against the cap at once: it serves nothing more.
   */
  const endWith = (socket: Socket, text: string) => {
    open.delete(socket);
    socket.end(text);
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    lingering.add(timer);
    const done = () => {
      clearTimeout(timer);
      lingering.delete(timer);
      socket.destroy();
    };
    socket.once('end', done);
    socket.once('close', done);
    socket.resume();
  };

  // Before node:http's own listener: a connection over the cap is answered and closed at once.
  server.prependListener('connection', (socket: Socket) => {
    if (open.size >= settings.maxConnections) {
      refused.add(socket);
      settings.log(`connection refused: ${settings.maxConnections} connections are open (503)`);
      endWith(
        socket,
        rawAnswer({status: 503, resultCode: 'SYSTEM_BUSY', message: `The emulator serves at most ${settings.maxConnections} connections at once.`}),
      );
      return;
    }
    open.add(socket);
    // node:http counts the headers timeout from the request's first byte: a client that waits
    // before its first byte would get more. The first request's deadline runs from the connection.
    const firstHeaders = setTimeout(() => {
      if (exchanges.has(socket) || !socket.writable) return;
      settings.log(`slow client: no request headers within ${settings.headersTimeoutMs} ms (408)`);
      endWith(socket, rawAnswer(timeoutRefusal(settings)));
    }, settings.headersTimeoutMs);
    firstHeaders.unref();
    // The client's FIN ends the connection too (node:http does not serve half-open ones).
    const release = () => {
      clearTimeout(firstHeaders);
      open.delete(socket);
    };
    socket.once('end', release);
    socket.once('close', release);
  });

  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (refused.has(socket) || error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const refusal = describeClientError(error, settings);
    settings.log(`client error ${error.code ?? ''}: ${refusal.status}`);
    const exchange = exchanges.get(socket);
    const idle = !exchange || (exchange.request.complete && exchange.response.writableFinished);
    if (idle) {
      endWith(socket, rawAnswer(refusal));
    } else if (!exchange.response.headersSent) {
      // A request under way with no answer yet (its body too slow or malformed): answer it.
      sendJson(exchange.response, refusal.status, resultBody(refusal), {connection: 'close'});
    } else {
      // Its answer has started: nothing can be added to it.
      socket.destroy();
    }
  });

  return {
    admit(request, response) {
      if (refused.has(request.socket)) return false;
      exchanges.set(request.socket, {request, response});
      return true;
    },
    close() {
      for (const timer of lingering) clearTimeout(timer);
      lingering.clear();
    },
  };
}

function describeClientError(error: NodeJS.ErrnoException, settings: ResolvedSettings): Refusal {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return timeoutRefusal(settings);
    case 'HPE_HEADER_OVERFLOW':
      return {status: 431, resultCode: 'PARAM_ILLEGAL', message: 'The request-target and headers are larger than 16 KB.'};
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {status: 413, resultCode: 'PARAM_ILLEGAL', message: 'The chunk extensions are too large.'};
    case 'HPE_INVALID_URL':
      return {status: 400, resultCode: 'PARAM_ILLEGAL', message: 'The request-target holds bytes that are not visible ASCII.'};
    default:
      return {status: 400, resultCode: 'PARAM_ILLEGAL', message: 'This is not a well-formed HTTP/1.1 request.'};
  }
}

function timeoutRefusal(settings: ResolvedSettings): Refusal {
  return {
    status: 408,
    resultCode: 'REQUEST_TIMEOUT',
    message: `The request did not arrive in time: headers within ${settings.headersTimeoutMs} ms, the body within ${settings.bodyTimeoutMs} ms.`,
  };
}

function resultBody(refusal: Refusal): object {
  return {result: {resultCode: refusal.resultCode, resultStatus: 'F', resultMessage: refusal.message}};
}

/** A whole HTTP/1.1 answer with a JSON result, for a socket that has no ServerResponse. */
function rawAnswer(refusal: Refusal): string {
  const body = JSON.stringify(resultBody(refusal));
  return [
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? 'Error'}`,
    'content-type: application/json; charset=UTF-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'cache-control: no-store',
    'connection: close',
    '',
    body,
  ].join('\r\n');
}
