import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {request as httpRequest} from 'node:http';
import {connect} from 'node:net';
import fc from 'fast-check';
import {CLIENT_ID, createSession, signedPost, startTestSandbox, type TestSandbox} from '../helpers/sandbox.js';

let harness: TestSandbox;
before(async () => {
  harness = await startTestSandbox({maxBodyBytes: 4096});
});
after(() => harness.sandbox.close());

const PATHS = [
  '/ams/api/v1/vaults/createVaultingSession',
  '/ams/sandbox/api/v1/vaults/inquireVaulting',
  '/__sandbox/submitCard',
  '/__sandbox/3ds/x',
  '/__sandbox/bindings',
  '/elsewhere',
];

async function alive(): Promise<void> {
  const answer = await fetch(`${harness.sandbox.url}/__sandbox/bindings`);
  assert.equal(answer.status, 200);
  await answer.arrayBuffer();
}

test('bodies over the limit get 413 with a JSON result, on every POST route', async () => {
  const big = 'x'.repeat(5000);
  for (const path of PATHS.slice(0, 3)) {
    const answer = await fetch(harness.sandbox.url + path, {method: 'POST', headers: {'idempotency-key': 'k'}, body: big});
    assert.equal(answer.status, 413, path);
    assert.equal((await answer.json()).result.resultCode, 'PARAM_ILLEGAL');
  }
  // A signed oversized call is refused before any signature work.
  const signed = await signedPost(harness.sandbox.url, PATHS[0]!, JSON.stringify({pad: big}));
  assert.equal(signed.status, 413);
  await alive();
});

test('a body larger than announced (chunked) is cut off at the limit', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const request = httpRequest(`${harness.sandbox.url}/__sandbox/submitCard`, {method: 'POST', headers: {'transfer-encoding': 'chunked'}}, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    for (let index = 0; index < 10; index += 1) request.write('y'.repeat(1000));
    request.end();
  });
  assert.equal(status, 413);
  await alive();
});

test('wrong methods and unknown routes get JSON errors', async () => {
  assert.equal((await fetch(`${harness.sandbox.url}/ams/api/v1/vaults/createVaultingSession`)).status, 405);
  assert.equal((await fetch(harness.sandbox.submitUrl, {method: 'GET'})).status, 405);
  const missing = await fetch(`${harness.sandbox.url}/ams/api/v1/vaults/deleteEverything`, {method: 'POST'});
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).result.resultCode, 'NOT_FOUND');
});

test('a malformed HTTP request gets 400 and the server carries on', async () => {
  const answer = await new Promise<string>((resolve) => {
    const socket = connect(harness.sandbox.port, '127.0.0.1', () => socket.write('BREW / HTCPCP/1.0\r\n\r\n'));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve(text));
  });
  assert.match(answer, /^HTTP\/1\.1 400/);
  await alive();
});

test('random bodies and headers on every route never crash the emulator', async () => {
  const {sessionData} = await createSession(harness.client);
  const credential = sessionData.split('&&').slice(0, 3).join('&&');
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...PATHS),
      fc.constantFrom('POST', 'GET', 'OPTIONS', 'PUT'),
      fc.oneof(
        fc.string({maxLength: 300}),
        fc.json({maxDepth: 3}),
        fc.uint8Array({maxLength: 300}),
        fc.record({vaultingSessionData: fc.constantFrom(credential, 'a&&b&&c'), encryptedCard: fc.string({maxLength: 200})}).map((value) => JSON.stringify(value)),
      ),
      fc.record({
        'client-id': fc.constantFrom(CLIENT_ID, '', 'x'),
        'request-time': fc.string({maxLength: 20}).filter((value) => /^[\x20-\x7e]*$/.test(value)),
        signature: fc.string({maxLength: 80}).filter((value) => /^[\x20-\x7e]*$/.test(value)),
        'idempotency-key': fc.string({maxLength: 40}).filter((value) => /^[\x21-\x7e]*$/.test(value) && value.length > 0),
        origin: fc.constantFrom('https://shop.example', 'null'),
      }),
      async (path, method, body, headers) => {
        const withBody = method === 'POST' || method === 'PUT';
        const response = await fetch(harness.sandbox.url + path, {method, headers, body: withBody ? body : undefined});
        assert.notEqual(response.status, 500, `${method} ${path}`);
        await response.arrayBuffer();
      },
    ),
    {numRuns: 150},
  );
  await alive();
});
