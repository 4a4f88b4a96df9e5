import {test} from 'node:test';
import assert from 'node:assert/strict';
import {NOTIFICATION_RETRY_INTERVALS_SECONDS} from '../../../src/sandbox/index.js';
import {startMerchantEndpoint} from '../helpers/merchant-endpoint.js';
import {CLIENT_ID, createSession, GOOD_CARD, startTestSandbox, submitCard, waitFor} from '../helpers/sandbox.js';

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
    assert.equal(stored.vaultingStatus, 'SUCCESS');
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

test('a decline is notified with result F and its code; without retries there is one attempt only', async () => {
  const harness = await startTestSandbox({notificationRetries: false});
  const merchant = await startMerchantEndpoint({antomPublicKey: harness.sandbox.publicKey, clientId: CLIENT_ID, failFirst: 1});
  try {
    const declined = await createSession(harness.client, {vaultingNotificationUrl: merchant.url});
    await submitCard(declined.sessionData, {...GOOD_CARD, cardNo: '4000000000000069'});
    const binding = () => harness.sandbox.bindings().find((candidate) => candidate.vaultingRequestId === declined.vaultingRequestId)!;
    await waitFor(() => binding().notification.attempts.length === 1, 2000, 'one attempt');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(binding().notification.attempts.length, 1);
    assert.equal(binding().notification.acknowledged, false);
    assert.match(harness.logs.join('\n'), /no more attempts/);

    const second = await createSession(harness.client, {vaultingNotificationUrl: merchant.url});
    await submitCard(second.sessionData, {...GOOD_CARD, cardNo: '4000000000000069'});
    await waitFor(() => merchant.stored.has(second.vaultingRequestId), 2000, 'the decline notification');
    const stored = merchant.stored.get(second.vaultingRequestId)!;
    assert.deepEqual(stored.result, {resultCode: 'CARD_EXPIRED', resultStatus: 'F', resultMessage: 'The card has expired.'});
    assert.equal(stored.vaultingStatus, 'FAIL');
    assert.equal(stored.paymentMethodDetail?.card?.cardToken, undefined);
  } finally {
    await harness.sandbox.close();
    await merchant.close();
  }
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
