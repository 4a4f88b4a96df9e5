import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readSession} from '../../../src/session/read-session.js';
import {newRequestId, signedPost, startTestSandbox, UNREACHABLE_NOTIFY_URL, type TestSandbox} from '../helpers/sandbox.js';

const CREATE_PATH = '/ams/api/v1/vaults/createVaultingSession';

let harness: TestSandbox;
before(async () => {
  harness = await startTestSandbox();
});
after(() => harness.sandbox.close());

function body(extra: Record<string, unknown> = {}, vaultingRequestId = newRequestId()): string {
  return JSON.stringify({paymentMethodType: 'CARD', vaultingRequestId, vaultingNotificationUrl: UNREACHABLE_NOTIFY_URL, ...extra});
}

function metadataOf(sessionData: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(sessionData.split('&&')[3]!, 'base64').toString('utf8')) as Record<string, unknown>;
}

test('sandboxSessionShape "antom": an Antom-shaped session without cardBinding, which the element reads as hosted', async () => {
  const answer = await signedPost(harness.sandbox.url, CREATE_PATH, body({sandboxSessionShape: 'antom'}));
  assert.equal(answer.json.result.resultCode, 'SUCCESS');
  const data: string = answer.json.vaultingSessionData;
  assert.equal(data.split('&&').length, 4);
  const metadata = metadataOf(data);
  assert.equal('cardBinding' in metadata, false);
  assert.deepEqual(metadata.paymentSessionConfig, {paymentMethodCategoryType: 'CARD', productScene: 'VAULTING', productSceneVersion: '1.0'});
  const reading = readSession(data);
  assert.ok(reading.ok);
  assert.equal(reading.mode, 'hosted');
});

test('no sandboxSessionShape, or "own": the own-fields session with cardBinding', async () => {
  for (const extra of [{}, {sandboxSessionShape: 'own'}]) {
    const answer = await signedPost(harness.sandbox.url, CREATE_PATH, body(extra));
    const reading = readSession(answer.json.vaultingSessionData);
    assert.ok(reading.ok);
    assert.equal(reading.mode, 'own-fields');
    assert.equal('cardBinding' in metadataOf(answer.json.vaultingSessionData), true);
  }
});

test('an unknown sandboxSessionShape is PARAM_ILLEGAL; the shape is part of the idempotency fingerprint', async () => {
  const bad = await signedPost(harness.sandbox.url, CREATE_PATH, body({sandboxSessionShape: 'hosted'}));
  assert.equal(bad.json.result.resultCode, 'PARAM_ILLEGAL');
  const id = newRequestId();
  const first = await signedPost(harness.sandbox.url, CREATE_PATH, body({sandboxSessionShape: 'antom'}, id));
  const again = await signedPost(harness.sandbox.url, CREATE_PATH, body({sandboxSessionShape: 'antom'}, id));
  assert.equal(again.json.vaultingSessionData, first.json.vaultingSessionData);
  const other = await signedPost(harness.sandbox.url, CREATE_PATH, body({}, id));
  assert.equal(other.json.result.resultCode, 'PARAM_ILLEGAL');
});
