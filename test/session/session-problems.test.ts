/**
 * The first reading's refusals (read-session.ts) carry a key; their words (session-problems.ts)
 * load with the alert views. Every refusal the reader can make has words that name what to fix,
 * and none echoes the value it was given.
 */
import {expect} from '@open-wc/testing';
import {readSession, type SessionProblem} from '../../src/session/read-session.js';
import {describeSessionProblem} from '../../src/session/session-problems.js';

const b64 = (value: unknown) => btoa(JSON.stringify(value));
const session = (metadata: unknown) => `c2VjcmV0&&a2V5&&c2ln&&${b64(metadata)}`;
const config = {paymentSessionConfig: {productScene: 'VAULTING', paymentMethodCategoryType: 'CARD'}};
const binding = {submitUrl: 'https://pay.example/bind', encryptionKey: {kty: 'RSA'}, expiryTime: '2026-12-01T12:00:00Z'};

const CASES: [unknown, SessionProblem['problem'], RegExp][] = [
  [{vaultingSessionData: 'abc'}, 'whole_answer', /answer\.vaultingSessionData/],
  [42, 'not_string', /string.*got number/],
  [['a'], 'not_string', /got an array/],
  ['x'.repeat(4097), 'too_long', /4096/],
  ['a&&b', 'segments', /4 segments.*got 2/],
  ['a&&b&&c&&not base64!', 'not_base64', /base64/],
  ['a&&b&&c&&bm90IGpzb24', 'not_json', /JSON/],
  [session({}), 'no_config', /paymentSessionConfig/],
  [session({paymentSessionConfig: {productScene: 'CHECKOUT', paymentMethodCategoryType: 'CARD'}}), 'not_vaulting', /VAULTING/],
  [session({...config, cardBinding: {submitUrl: 'https://pay.example/bind'}}), 'binding_fields', /encryptionKey/],
  [session({...config, cardBinding: {...binding, expiryTime: 'soon'}}), 'expiry_time', /expiryTime/],
  [session({...config, cardBinding: {...binding, issueTime: 'earlier'}}), 'issue_time', /issueTime/],
];

describe('session problems: the first reading refuses with a key, the words name the fix', () => {
  for (const [value, key, words] of CASES) {
    it(`${key}`, () => {
      const result = readSession(value);
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.code).to.equal('session_malformed');
      expect(result.problem).to.equal(key);
      const text = describeSessionProblem(result);
      expect(text).to.match(words);
      expect(text).not.to.contain('c2VjcmV0');
      if (typeof value === 'string' && value.length > 8) expect(text).not.to.contain(value.slice(-8));
    });
  }
});
