/**
 * Issue 12, finding 8: hostile request-targets, slow clients and too many connections, on real
 * sockets. Every refusal is a 4xx/503 the client can read (or, for a client too slow to answer,
 * a closed socket), and the emulator keeps serving afterwards.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {connect, type Socket} from 'node:net';
import {SCENARIO_CARDS} from '../../../src/sandbox/index.js';
import {signatureHeaderFor} from '../../../src/server/index.js';
import {testKeyPair} from '../helpers/keys.js';
import {
  CLIENT_ID,
  createSession,
  GOOD_CARD,
  newRequestId,
  startTestSandbox,
  submitCard,
  UNREACHABLE_NOTIFY_URL,
  type TestSandbox,
} from '../helpers/sandbox.js';

/** The scenario card that asks for 3-D Secure. */
const CHALLENGE_CARD = SCENARIO_CARDS.find((card) => card.scenario.kind === 'challenge')!.cardNo;

/** Short timeouts keep each test well under two seconds. */
const HEADERS_TIMEOUT_MS = 600;
const BODY_TIMEOUT_MS = 600;
/** What a timeout may be late by: the connection check interval, timers and scheduling. */
const SLACK_MS = 700;
/** The longest any single exchange may take before the test gives up on it. */
const GUARD_MS = 4000;

let harness: TestSandbox;
before(async () => {
  harness = await startTestSandbox({headersTimeoutMs: HEADERS_TIMEOUT_MS, bodyTimeoutMs: BODY_TIMEOUT_MS});
});
after(() => harness.sandbox.close());

interface RawAnswer {
  /** 0 when the server closed without answering. */
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read the JSON result
  readonly json: any;
  /** Milliseconds from connect to the server closing the socket. */
  readonly elapsedMs: number;
}

function parseAnswer(raw: Buffer, elapsedMs: number): RawAnswer {
  const text = raw.toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  if (!text.startsWith('HTTP/1.1 ') || split < 0) return {status: 0, headers: {}, body: text, json: undefined, elapsedMs};
  const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = Buffer.from(text.slice(split + 4), 'latin1').toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return {status: Number(statusLine!.split(' ')[1]), headers, body, json, elapsedMs};
}

interface Conversation {
  readonly socket: Socket;
  /** Resolves when the server has closed the connection (rejects after GUARD_MS). */
  readonly closed: Promise<RawAnswer>;
  /** Resolves once what the server sent so far satisfies the predicate. */
  received(predicate: (text: string) => boolean): Promise<string>;
}

/** Opens a connection and records everything the server sends until it closes. */
function converse(port = harness.sandbox.port): Promise<Conversation> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const waiters: {predicate: (text: string) => boolean; resolve: (text: string) => void}[] = [];
    let start = 0;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('latin1');
      for (const waiter of waiters.splice(0)) {
        if (waiter.predicate(text)) waiter.resolve(text);
        else waiters.push(waiter);
      }
    });
    socket.on('error', () => {});
    const closed = new Promise<RawAnswer>((resolveClosed, rejectClosed) => {
      const guard = setTimeout(() => {
        socket.destroy();
        rejectClosed(new Error(`the server kept the connection open for ${GUARD_MS} ms`));
      }, GUARD_MS);
      socket.on('close', () => {
        clearTimeout(guard);
        resolveClosed(parseAnswer(Buffer.concat(chunks), Date.now() - start));
      });
    });
    closed.catch(() => {});
    socket.once('connect', () => {
      start = Date.now();
      resolve({
        socket,
        closed,
        received: (predicate) =>
          new Promise((resolveText) => {
            const text = Buffer.concat(chunks).toString('latin1');
            if (predicate(text)) resolveText(text);
            else waiters.push({predicate, resolve: resolveText});
          }),
      });
    });
    socket.once('error', reject);
  });
}

/** Sends one request (as bytes) with `Connection: close` and reads the whole answer. */
async function exchange(head: Buffer | string): Promise<RawAnswer> {
  const conversation = await converse();
  conversation.socket.write(head);
  return conversation.closed;
}

function getRequest(target: Buffer | string, method = 'GET'): Buffer {
  return Buffer.concat([
    Buffer.from(`${method} `, 'latin1'),
    typeof target === 'string' ? Buffer.from(target, 'latin1') : target,
    Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', 'latin1'),
  ]);
}

/** Writes `bytes` one at a time, every `intervalMs`, until all are sent or the server closes. */
function trickle(conversation: Conversation, bytes: Buffer, intervalMs: number): void {
  let index = 0;
  const send = () => {
    if (conversation.socket.destroyed || index >= bytes.length) return clearInterval(timer);
    conversation.socket.write(bytes.subarray(index, index + 1));
    index += 1;
  };
  const timer = setInterval(send, intervalMs);
  send();
  conversation.socket.once('close', () => clearInterval(timer));
}

async function alive(): Promise<void> {
  const answer = await fetch(`${harness.sandbox.url}/__sandbox/bindings`);
  assert.equal(answer.status, 200);
  await answer.arrayBuffer();
}

/** The path of a real 3-D Secure challenge page (its route reads a form body). */
async function challengePath(): Promise<string> {
  const {sessionData} = await createSession(harness.client);
  const answer = await submitCard(sessionData, {...GOOD_CARD, cardNo: CHALLENGE_CARD});
  assert.equal(answer.json.status, 'REDIRECT');
  return new URL(answer.json.redirect.url).pathname;
}

/**
 * Waits until the emulator serves a new connection again: after clients close, the server sees
 * each close a moment later, and until then the connection still counts against the cap.
 */
async function untilServed(port: number): Promise<void> {
  let status = 0;
  for (let attempt = 0; attempt < 100 && status !== 200; attempt += 1) {
    const conversation = await converse(port);
    conversation.socket.write(getRequest('/__sandbox/bindings'));
    status = (await conversation.closed).status;
    assert.ok(status === 200 || status === 503, String(status));
  }
  assert.equal(status, 200, 'served again');
}

function assertJsonRefusal(answer: RawAnswer, status: number, resultCode: string, what: string): void {
  assert.equal(answer.status, status, `${what}: status (got ${JSON.stringify(answer.body.slice(0, 200))})`);
  assert.match(answer.headers['content-type'] ?? '', /^application\/json/, `${what}: JSON`);
  assert.equal(answer.json?.result?.resultCode, resultCode, `${what}: resultCode`);
  assert.equal(answer.json?.result?.resultStatus, 'F', `${what}: resultStatus`);
  assert.equal(typeof answer.json?.result?.resultMessage, 'string', `${what}: resultMessage`);
}

describe('request-targets', () => {
  const BAD_TARGETS: readonly [string, Buffer | string][] = [
    ['//x', '//x'],
    ['//', '//'],
    ['absolute-form naming another host', 'http://other/x'],
    ['absolute-form with another scheme', 'https://127.0.0.1/__sandbox/bindings'],
    ['asterisk-form', '*'],
    ['authority-form', 'example.com:443'],
    ['%zz', '/%zz'],
    ['%zz in the query', '/__sandbox/bindings?x=%zz'],
    ['truncated percent-encoding', '/__sandbox/bindings%2'],
    ['an encoded slash with dot segments', '/..%2f..'],
    ['a dot segment', '/../__sandbox/bindings'],
    ['an encoded dot segment', '/__sandbox/%2e%2e/__sandbox/bindings'],
    ['an empty segment', '/__sandbox//bindings'],
    ['an encoded NUL', '/__sandbox/bindings%00'],
    ['percent-encoded bytes that are not UTF-8', '/%ff%fe'],
    ['characters outside RFC 3986', '/<script>"{}|\\^`'],
    ['a backslash', '/\\__sandbox\\bindings'],
    ['UTF-8 bytes', Buffer.from('/caf\u00e9', 'utf8')],
    ['a byte over 0x7f', Buffer.from([0x2f, 0xff])],
    ['a DEL byte', Buffer.from([0x2f, 0x7f])],
    ['a control byte', Buffer.from([0x2f, 0x01])],
  ];

  for (const [what, target] of BAD_TARGETS) {
    test(`${what} gets 400 with a JSON PARAM_ILLEGAL result`, async () => {
      assertJsonRefusal(await exchange(getRequest(target)), 400, 'PARAM_ILLEGAL', what);
    });
  }

  test('OPTIONS * and POST to //x get 400 too', async () => {
    assertJsonRefusal(await exchange(getRequest('*', 'OPTIONS')), 400, 'PARAM_ILLEGAL', 'OPTIONS *');
    const post = Buffer.from('POST // HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}', 'latin1');
    assertJsonRefusal(await exchange(post), 400, 'PARAM_ILLEGAL', 'POST //');
  });

  test('a 10 KB path gets 414 and a 20 KB one 431, both with a JSON result', async () => {
    assertJsonRefusal(await exchange(getRequest(`/${'a'.repeat(10 * 1024)}`)), 414, 'PARAM_ILLEGAL', '10 KB path');
    assertJsonRefusal(await exchange(getRequest(`/${'a'.repeat(20 * 1024)}`)), 431, 'PARAM_ILLEGAL', '20 KB path');
  });

  test('good targets still work: a query, and absolute-form naming the emulator itself', async () => {
    assert.equal((await exchange(getRequest('/__sandbox/bindings?debug=1&x=%41'))).status, 200);
    const own = await exchange(getRequest(`${harness.sandbox.url}/__sandbox/bindings`));
    assert.equal(own.status, 200);
    assert.ok(Array.isArray(own.json.bindings));
    assert.equal((await exchange(getRequest(`http://localhost:${harness.sandbox.port}/__sandbox/bindings`))).status, 200);
    // Unknown routes stay 404.
    assert.equal((await exchange(getRequest('/nothing/here'))).status, 404);
  });

  test('a signed API call in absolute-form is verified over its path, not the whole URL', async () => {
    const answer = await signedCreateInAbsoluteForm();
    assert.equal(answer.status, 200, answer.body.slice(0, 200));
    assert.equal(answer.json.result.resultCode, 'SUCCESS');
  });

  test('the emulator is still up after every bad target', () => alive());
});

/** A createVaultingSession signed over its path (as clients sign), sent in absolute-form on a raw socket. */
function signedCreateInAbsoluteForm(): Promise<RawAnswer> {
  const path = '/ams/api/v1/vaults/createVaultingSession';
  const body = JSON.stringify({paymentMethodType: 'CARD', vaultingRequestId: newRequestId(), vaultingNotificationUrl: UNREACHABLE_NOTIFY_URL});
  const time = String(Date.now());
  const signature = signatureHeaderFor({path, clientId: CLIENT_ID, time, body}, testKeyPair('merchant').privateKey);
  return exchange(
    `POST ${harness.sandbox.url}${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nClient-Id: ${CLIENT_ID}\r\n` +
      `Request-Time: ${time}\r\nSignature: ${signature}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

describe('slow clients', () => {
  test('headers sent one byte per second: 408 and closed within the headers timeout', async () => {
    const conversation = await converse();
    trickle(conversation, Buffer.from('GET /__sandbox/bindings HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'), 1000);
    const answer = await conversation.closed;
    assert.ok(answer.elapsedMs < HEADERS_TIMEOUT_MS + SLACK_MS, `closed after ${answer.elapsedMs} ms`);
    assertJsonRefusal(answer, 408, 'REQUEST_TIMEOUT', 'slow headers');
    assert.equal(answer.headers.connection, 'close');
  });

  test('a client that waits before its first byte gets no extra time: the deadline runs from the connection', async () => {
    const conversation = await converse();
    const wait = setTimeout(() => trickle(conversation, Buffer.from('GET /__sandbox/bindings HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'), 1000), HEADERS_TIMEOUT_MS / 2);
    const answer = await conversation.closed;
    clearTimeout(wait);
    assert.ok(answer.elapsedMs < HEADERS_TIMEOUT_MS + SLACK_MS, `closed after ${answer.elapsedMs} ms`);
    assertJsonRefusal(answer, 408, 'REQUEST_TIMEOUT', 'late first byte');
  });

  test('a connection that sends nothing is closed within the headers timeout', async () => {
    const conversation = await converse();
    const answer = await conversation.closed;
    assert.ok(answer.elapsedMs < HEADERS_TIMEOUT_MS + SLACK_MS, `closed after ${answer.elapsedMs} ms`);
    assert.ok(answer.status === 408 || answer.status === 0, String(answer.status));
  });

  const ROUTES: readonly [string, () => Promise<string>][] = [
    ['the submit endpoint', async () => '/__sandbox/submitCard'],
    ['createVaultingSession', async () => '/ams/api/v1/vaults/createVaultingSession'],
    ['a 3-D Secure challenge page', challengePath],
  ];
  for (const [what, pathOf] of ROUTES) {
    test(`a body sent one byte per second to ${what}: 408 and closed within the body timeout`, async () => {
      const path = await pathOf();
      const conversation = await converse();
      conversation.socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`);
      // Headers are in: from here the body deadline runs.
      const headersSentAt = Date.now();
      trickle(conversation, Buffer.from('{'.padEnd(100, ' ')), 1000);
      const answer = await conversation.closed;
      const bodyMs = Date.now() - headersSentAt;
      assert.ok(bodyMs < BODY_TIMEOUT_MS + SLACK_MS, `closed after ${bodyMs} ms`);
      assert.equal(answer.status, 408, answer.body.slice(0, 200));
      assert.equal(answer.headers.connection, 'close');
      // The challenge page answers in HTML; the others in JSON.
      if (path.startsWith('/__sandbox/3ds/')) assert.match(answer.headers['content-type'] ?? '', /^text\/html/);
      else assert.equal(answer.json.result.resultCode, 'REQUEST_TIMEOUT');
    });
  }

  test('the body deadline is for the whole body: a byte every 50 ms does not keep it open', async () => {
    const conversation = await converse();
    conversation.socket.write('POST /__sandbox/submitCard HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4000\r\n\r\n');
    const headersSentAt = Date.now();
    trickle(conversation, Buffer.alloc(4000, 0x20), 50);
    const answer = await conversation.closed;
    const bodyMs = Date.now() - headersSentAt;
    assert.ok(bodyMs >= BODY_TIMEOUT_MS - 50 && bodyMs < BODY_TIMEOUT_MS + SLACK_MS, `closed after ${bodyMs} ms`);
    assertJsonRefusal(answer, 408, 'REQUEST_TIMEOUT', 'steady but slow body');
  });

  test('a chunked body sent slowly is cut at the deadline too', async () => {
    const conversation = await converse();
    conversation.socket.write('POST /ams/api/v1/vaults/inquireVaulting HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n');
    trickle(conversation, Buffer.from('1\r\n \r\n'.repeat(200)), 20);
    const answer = await conversation.closed;
    assert.ok(answer.elapsedMs < BODY_TIMEOUT_MS + SLACK_MS, `closed after ${answer.elapsedMs} ms`);
    assertJsonRefusal(answer, 408, 'REQUEST_TIMEOUT', 'slow chunked body');
  });

  test('a slow body on a route that does not read it: answered, then closed at the body deadline', async () => {
    const conversation = await converse();
    conversation.socket.write('GET /__sandbox/bindings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n');
    const headersSentAt = Date.now();
    trickle(conversation, Buffer.alloc(100, 0x20), 1000);
    await conversation.received((text) => text.startsWith('HTTP/1.1 200'));
    await conversation.closed;
    const bodyMs = Date.now() - headersSentAt;
    assert.ok(bodyMs < BODY_TIMEOUT_MS + SLACK_MS, `closed after ${bodyMs} ms`);
  });

  test('a normal request with a quick body is not affected', async () => {
    const answer = await exchange('POST /__sandbox/submitCard HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}');
    assertJsonRefusal(answer, 400, 'PARAM_ILLEGAL', 'empty submit');
  });

  test('the emulator is still up after the slow clients', () => alive());
});

describe('the connection cap', () => {
  const CAP = 3;
  let capped: TestSandbox;
  before(async () => {
    capped = await startTestSandbox({maxConnections: CAP, headersTimeoutMs: HEADERS_TIMEOUT_MS, bodyTimeoutMs: BODY_TIMEOUT_MS});
  });
  after(() => capped.sandbox.close());

  /** A keep-alive connection that has had one answer, so the server surely counts it. */
  async function held(): Promise<Conversation> {
    const conversation = await converse(capped.sandbox.port);
    conversation.socket.write('GET /__sandbox/bindings HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await conversation.received((text) => text.startsWith('HTTP/1.1 200') && text.includes('{"bindings":'));
    return conversation;
  }

  test('one connection over the cap gets 503 SYSTEM_BUSY with connection: close; a freed slot is used again', async () => {
    const connections = [await held(), await held(), await held()];
    try {
      const over = await converse(capped.sandbox.port);
      over.socket.write('GET /__sandbox/bindings HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const answer = await over.closed;
      assertJsonRefusal(answer, 503, 'SYSTEM_BUSY', 'over the cap');
      assert.equal(answer.headers.connection, 'close');
      assert.ok(answer.elapsedMs < 1000, `refused after ${answer.elapsedMs} ms`);

      // Free one slot: it is used again.
      connections.shift()!.socket.end();
      await untilServed(capped.sandbox.port);
    } finally {
      for (const connection of connections) connection.socket.destroy();
    }
  });

  test('a flood of stalled connections: the cap is answered 408 in time, the rest 503 at once', async () => {
    const count = CAP * 3;
    const started = Date.now();
    const conversations = await Promise.all(Array.from({length: count}, () => converse(capped.sandbox.port)));
    for (const conversation of conversations) conversation.socket.write('GET /__sandbox/bind');
    const answers = await Promise.all(conversations.map((conversation) => conversation.closed));
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [...Array(CAP).fill(408), ...Array(count - CAP).fill(503)]);
    for (const answer of answers.filter((entry) => entry.status === 503)) assert.ok(answer.elapsedMs < 1000, `503 after ${answer.elapsedMs} ms`);
    assert.ok(Date.now() - started < HEADERS_TIMEOUT_MS + SLACK_MS, `all closed after ${Date.now() - started} ms`);
  });

  test('after all of that, a normal signed createVaultingSession succeeds', async () => {
    await untilServed(capped.sandbox.port);
    const {vaultingSessionId} = await createSession(capped.client);
    assert.ok(vaultingSessionId);
  });
});

test('after all of that, a normal signed createVaultingSession succeeds on the short-timeout emulator', async () => {
  const {sessionData, vaultingSessionId} = await createSession(harness.client);
  assert.ok(sessionData && vaultingSessionId);
  await alive();
});
