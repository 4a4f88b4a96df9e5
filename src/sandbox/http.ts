/**
 * Small node:http helpers: a size-bounded body reader and JSON / HTML writers.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

export class BodyTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The request body did not arrive within ${timeoutMs} ms.`);
  }
}

/** The client went away (or the connection was closed) before the body was complete. */
export class RequestAbortedError extends Error {
  constructor() {
    super('The request was aborted before its body was complete.');
  }
}

export interface BodyLimits {
  readonly maxBytes: number;
  /** Deadline for the whole body, from the call on: not an idle timeout. */
  readonly timeoutMs: number;
}

/**
 * Reads the whole body, refusing more than `maxBytes` (checked before and while reading) and
 * giving up when it is not complete within `timeoutMs`.
 * @throws BodyTooLargeError, BodyTimeoutError, RequestAbortedError
 */
export function readBody(request: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > limits.maxBytes) {
      reject(new BodyTooLargeError(limits.maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    const timer = setTimeout(() => settle(new BodyTimeoutError(limits.timeoutMs)), limits.timeoutMs);
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limits.maxBytes) {
        settle(new BodyTooLargeError(limits.maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => settle(null));
    request.on('error', () => settle(new RequestAbortedError()));
    request.on('close', () => settle(request.complete ? null : new RequestAbortedError()));
  });
}

/** The emulator's body limits, from its settings. */
export function bodyLimits(settings: {readonly maxBodyBytes: number; readonly bodyTimeoutMs: number}): BodyLimits {
  return {maxBytes: settings.maxBodyBytes, timeoutMs: settings.bodyTimeoutMs};
}

/** Why a body was refused, for the route to answer in its own format. */
export interface BodyRefusal {
  readonly status: 408 | 413;
  /** `REQUEST_TIMEOUT` is this emulator's own code (Antom documents none for a slow client). */
  readonly resultCode: 'PARAM_ILLEGAL' | 'REQUEST_TIMEOUT';
  readonly message: string;
}

/**
 * Reads the body like {@link readBody}; when it is too large (413) or too slow (408), calls
 * `refuse`, which answers in the route's own format and must close the connection, and returns
 * null. Also null, with nothing to answer, when the client went away.
 */
export async function readBodyOrRefuse(
  request: IncomingMessage,
  limits: BodyLimits,
  refuse: (refusal: BodyRefusal) => void,
): Promise<Buffer | null> {
  try {
    return await readBody(request, limits);
  } catch (error) {
    if (error instanceof BodyTooLargeError) refuse({status: 413, resultCode: 'PARAM_ILLEGAL', message: error.message});
    else if (error instanceof BodyTimeoutError) refuse({status: 408, resultCode: 'REQUEST_TIMEOUT', message: error.message});
    else if (!(error instanceof RequestAbortedError)) throw error;
    return null;
  }
}

/** Parses UTF-8 JSON; undefined when the bytes are not that. */
export function parseJsonBytes(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(body));
  } catch {
    return undefined;
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  sendText(response, status, JSON.stringify(body), {'content-type': 'application/json; charset=UTF-8', ...headers});
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>>,
): void {
  response.writeHead(status, {...headers, 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store'});
  response.end(text);
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Formats a time as ISO 8601 with offset and second precision: `2024-01-01T00:00:00+00:00`. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
