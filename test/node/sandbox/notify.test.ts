import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {NOTIFICATION_RETRY_INTERVALS_SECONDS} from '../../../src/sandbox/index.js';
import {decodeSession} from '../../../src/session/decode-session.js';
import {encryptForSession} from '../helpers/browser-jwe.js';
import {startMerchantEndpoint} from '../helpers/merchant-endpoint.js';
import {CLIENT_ID, createSession, credentialOf, GOOD_CARD, startTestSandbox, submitCard, waitFor, type TestSandbox} from '../helpers/sandbox.js';

test('the retry schedule is the documented one', () => {
  assert.deepEqual(NOTIFICATION_RETRY_INTERVALS_SECONDS, [0, 120, 600, 600, 3600, 7200, 21600, 54000]);
});

test('notifyVaulting is signed, retried while the merchant fails three times, and stored exactly once', async () => {
  const harness = await startTestSandbox({timeScale: 0.001});
  const merchant = await startMerchantEndpoint({
    antomPublicKey: harness.sandbox.publicKey,
    clientId: CLIENT_ID,
    failFirst: 3,
    failAfterStore: true,
  });
  try {
    const {sessionData, vaultingRequestId} = await createSession(harness.client, {vaultingNotificationUrl: merchant.url});
    await submitCard(sessionData, GOOD_CARD);
    const binding = () => harness.sandbox.bindings().find((candidate) => candidate.vaultingRequestId === vaultingRequestId)!;
    await waitFor(() => binding().notification.acknowledged, 5000, 'the acknowledgement');

    assert.deepEqual(merchant.requests.map((request) => request.status), [500, 500, 500, 200]);
    const attempts = binding().notification.attempts;
    assert.deepEqual(
      attempts.map((attempt) => [attempt.attempt, attempt.httpStatus, attempt.acknowledged, attempt.nextAttemptInMs]),
      [
        [1, 500, false, 0],
        [2, 500, false, 120],
        [3, 500, false, 600],
        [4, 200, true, undefined],
      ],
    );
    // The scaled gaps were kept: 0 ms, 120 ms, 600 ms.
    const times = merchant.requests.map((request) => request.at);
    assert.ok(times[2]! - times[1]! >= 110, `second gap ${times[2]! - times[1]!} ms`);
    assert.ok(times[3]! - times[2]! >= 590, `third gap ${times[3]! - times[2]! } ms`);

    assert.equal(merchant.stored.size, 1);
    assert.equal(merchant.storeWrites.get(vaultingRequestId), 1);
    const stored = merchant.stored.get(vaultingRequestId)!;
    assert.deepEqual(stored.result, {resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success.'});
    // Antom's AMS notification fields only, by default (notificationFields 'ams').
    assert.deepEqual(Object.keys(stored).sort(), ['paymentMethodDetail', 'result', 'vaultingRequestId']);
    assert.equal(stored.paymentMethodDetail?.card?.maskedCardNo, '************4242');
    assert.equal(stored.paymentMethodDetail?.card?.cardToken, binding().card?.cardToken);

    const logged = harness.logs.filter((line) => line.startsWith(`notifyVaulting ${vaultingRequestId}`));
    assert.equal(logged.length, 4);
    assert.match(logged[0]!, /attempt 1 .*HTTP 500, not acknowledged.*next attempt in 0 ms/);
    assert.match(logged[3]!, /attempt 4 .*HTTP 200, acknowledged/);
  } finally {
    await harness.sandbox.close();
    await merchant.close();
  }
});

test('without retries there is one attempt only', async () => {
  const harness = await startTestSandbox({notificationRetries: false});
  const merchant = await startMerchantEndpoint({antomPublicKey: harness.sandbox.publicKey, clientId: CLIENT_ID, failFirst: 1});
  try {
    const {sessionData, vaultingRequestId} = await createSession(harness.client, {vaultingNotificationUrl: merchant.url});
    await submitCard(sessionData, GOOD_CARD);
    const binding = () => harness.sandbox.bindings().find((candidate) => candidate.vaultingRequestId === vaultingRequestId)!;
    await waitFor(() => binding().notification.attempts.length === 1, 2000, 'one attempt');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(binding().notification.attempts.length, 1);
    assert.equal(binding().notification.acknowledged, false);
    assert.match(harness.logs.join('\n'), /no more attempts/);
  } finally {
    await harness.sandbox.close();
    await merchant.close();
  }
});

/**
 * Sessions of 1.5 to 2.5 s: the expiry is cut to whole seconds, so a 1 s lifetime could be almost
 * nothing, and a loaded machine needs some time for the attempts before it.
 */
const SHORT_TTL_SECONDS = 2.5;

async function untilExpired(harness: TestSandbox, vaultingRequestId: string): Promise<void> {
  const binding = harness.sandbox.bindings().find((candidate) => candidate.vaultingRequestId === vaultingRequestId)!;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(binding.expiresAt!) - Date.now()) + 150));
}

// Each waits for its session to expire: they run side by side.
describe('sessions that expire', {concurrency: true}, () => {
  test('a decline, then a card bound in the same session with a new key: one notification, S, and none at the expiry', async () => {
    const harness = await startTestSandbox({sessionTtlSeconds: SHORT_TTL_SECONDS});
    const merchant = await startMerchantEndpoint({antomPublicKey: harness.sandbox.publicKey, clientId: CLIENT_ID});
    try {
      const {sessionData, vaultingRequestId} = await createSession(harness.client, {vaultingNotificationUrl: merchant.url});
      assert.equal((await submitCard(sessionData, {...GOOD_CARD, cardNo: '4000000000000127'})).json.status, 'FAIL');
      assert.equal((await submitCard(sessionData, {...GOOD_CARD, cardNo: '5555555555554444'})).json.status, 'SUCCESS');
      await waitFor(() => merchant.stored.has(vaultingRequestId), 2000, 'the notification');
      await untilExpired(harness, vaultingRequestId);

      assert.deepEqual(merchant.requests.map((request) => request.status), [200], 'exactly one notification');
      const stored = merchant.stored.get(vaultingRequestId)!;
      assert.equal(stored.result.resultStatus, 'S');
      assert.equal(stored.paymentMethodDetail?.card?.maskedCardNo, '************4444', 'the card that was bound');
      const bindings = harness.sandbox.bindings().filter((candidate) => candidate.vaultingRequestId === vaultingRequestId);
      assert.deepEqual(bindings.map((binding) => binding.state), ['SUCCESS']);
      assert.equal((await harness.client.inquireVaulting({vaultingRequestId})).vaultingStatus, 'SUCCESS');
    } finally {
      await harness.sandbox.close();
      await merchant.close();
    }
  });

  test('a session with only declines is notified once when it expires: F with the last decline code', async () => {
    const harness = await startTestSandbox({sessionTtlSeconds: SHORT_TTL_SECONDS, timeScale: 0.001});
    // The first delivery fails: retries of that one notification are the only repeats.
    const merchant = await startMerchantEndpoint({antomPublicKey: harness.sandbox.publicKey, clientId: CLIENT_ID, failFirst: 1});
    try {
      const {sessionData, vaultingRequestId} = await createSession(harness.client, {vaultingNotificationUrl: merchant.url});
      assert.equal((await submitCard(sessionData, {...GOOD_CARD, cardNo: '4000000000000002'})).json.result.resultCode, 'DO_NOT_HONOR');
      assert.equal((await submitCard(sessionData, {...GOOD_CARD, cardNo: '4000000000000127'})).json.result.resultCode, 'INVALID_CVV');
      assert.equal(merchant.requests.length, 0, 'nothing is notified while the session is open');
      const decoded = decodeSession(sessionData);
      assert.ok(decoded.ok);
      const lateCard = await encryptForSession(decoded.session.encryptionKey, GOOD_CARD);
      assert.equal((await harness.client.inquireVaulting({vaultingRequestId})).vaultingStatus, 'PROCESSING');

      await waitFor(() => merchant.requests.length === 2, 4000, 'the notification at the expiry, retried once');
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.deepEqual(merchant.requests.map((request) => request.status), [500, 200]);
      assert.equal(merchant.storeWrites.get(vaultingRequestId), 1);
      const stored = merchant.stored.get(vaultingRequestId)!;
      assert.deepEqual(stored.result, {resultCode: 'INVALID_CVV', resultStatus: 'F', resultMessage: 'The security code is incorrect.'});
      assert.equal(stored.paymentMethodDetail?.card?.cardToken, undefined);
      assert.equal(stored.paymentMethodDetail?.card?.maskedCardNo, '************0127');

      const inquiry = await harness.client.inquireVaulting({vaultingRequestId});
      assert.deepEqual([inquiry.vaultingStatus, inquiry.vaultingResultCode], ['FAIL', 'INVALID_CVV']);
      // Raw, since the helper (like the element) refuses an expired session before sending.
      const late = await fetch(harness.sandbox.submitUrl, {
        method: 'POST',
        headers: {'content-type': 'application/json', 'idempotency-key': 'after-the-expiry'},
        body: JSON.stringify({vaultingSessionData: credentialOf(sessionData), encryptedCard: lateCard}),
      });
      assert.deepEqual([late.status, ((await late.json()) as {result: {resultCode: string}}).result.resultCode], [410, 'SESSION_EXPIRED']);
      assert.match(harness.logs.join('\n'), /session expired after 2 declined attempt/);
    } finally {
      await harness.sandbox.close();
      await merchant.close();
    }
  });
});

test('an answer that is not the fixed acknowledgement is retried; an unreachable endpoint is logged and retried', async () => {
  const harness = await startTestSandbox({timeScale: 0.0001});
  const {createServer} = await import('node:http');
  let calls = 0;
  const server = createServer((_request, response) => {
    calls += 1;
    response.writeHead(200, {'content-type': 'application/json'}).end(calls === 1 ? '{"ok":true}' : '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as import('node:net').AddressInfo;
  try {
    const wrongAck = await createSession(harness.client, {vaultingNotificationUrl: `http://127.0.0.1:${port}/n`});
    await submitCard(wrongAck.sessionData, GOOD_CARD);
    await waitFor(() => calls === 2, 2000, 'the retry after a wrong acknowledgement');
    assert.match(harness.logs.join('\n'), /HTTP 200, not acknowledged \(not the fixed acknowledgement\)/);

    const unreachable = await createSession(harness.client);
    await submitCard(unreachable.sessionData, GOOD_CARD);
    const binding = () => harness.sandbox.bindings().find((candidate) => candidate.vaultingRequestId === unreachable.vaultingRequestId)!;
    await waitFor(() => binding().notification.attempts.length >= 3, 3000, 'retries to an unreachable endpoint');
    assert.equal(binding().notification.attempts[0]?.error, 'network error');
  } finally {
    await harness.sandbox.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
