import {expect} from '@open-wc/testing';
import {decodeSession} from '../../src/session/decode-session.js';
import {makeSessionData} from '../element/helpers.js';

const NOW = new Date('2026-11-26T12:00:00Z');

function withMetadata(metadata: unknown): string {
  const encoded = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(metadata))));
  return ['dG9rZW4=', 'SG', '188', encoded].join('&&');
}

describe('decodeSession', () => {
  it('decodes the four segments and the metadata extension', async () => {
    const value = await makeSessionData({acceptedBrands: ['VISA', 'MASTERCARD'], holderNameRequired: false, expiryTime: '2026-11-26T12:30:00+00:00'});
    const result = decodeSession(value, NOW);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.session.region).to.equal('SG');
    expect(result.session.credential.split('&&')).to.have.length(3);
    expect(result.session.credential).to.equal(value.split('&&').slice(0, 3).join('&&'));
    expect(result.session.acceptedBrands).to.deep.equal(['VISA', 'MASTERCARD']);
    expect(result.session.holderNameRequired).to.equal(false);
    expect(result.session.expiresAt.toISOString()).to.equal('2026-11-26T12:30:00.000Z');
    expect(result.session.submitUrl).to.equal(`${location.origin}/__sandbox/submitCard`);
    expect(result.session.vaultingSessionId).to.equal('VS_TEST_1');
  });

  it('defaults: every brand, holder name required', async () => {
    const result = decodeSession(await makeSessionData({expiryTime: '2026-11-26T12:30:00Z'}), NOW);
    expect(result.ok && result.session.acceptedBrands).to.equal(null);
    expect(result.ok && result.session.holderNameRequired).to.equal(true);
  });

  const malformed: [string, string][] = [
    ['an empty string', ''],
    ['three segments', 'a&&SG&&188'],
    ['five segments', 'a&&SG&&188&&e30=&&x'],
    ['a non-base64 token', '!!&&SG&&188&&e30='],
    ['a bad region', 'dG9rZW4=&&sg1&&188&&e30='],
    ['metadata that is not base64', 'dG9rZW4=&&SG&&188&&{not base64}'],
    ['metadata that is not JSON', `dG9rZW4=&&SG&&188&&${btoa('not json')}`],
    ['JSON that is not an object', `dG9rZW4=&&SG&&188&&${btoa('42')}`],
    ['a value over 4096 characters', 'a'.repeat(4097)],
  ];
  for (const [name, value] of malformed) {
    it(`rejects ${name} as session_malformed`, () => {
      const result = decodeSession(value, NOW);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.code).to.equal('session_malformed');
    });
  }

  it('rejects metadata of another product scene', () => {
    const result = decodeSession(
      withMetadata({paymentSessionConfig: {paymentMethodCategoryType: 'CARD', productScene: 'CHECKOUT', productSceneVersion: '1.0'}}),
      NOW
    );
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.reason).to.contain('productScene');
  });

  it('rejects a submit URL that is not http(s) and an unknown brand', async () => {
    const bad = await makeSessionData({submitUrl: 'javascript:alert(1)'});
    expect(decodeSession(bad, NOW).ok).to.equal(false);
    const brand = await makeSessionData({acceptedBrands: ['NOT_A_BRAND']});
    expect(decodeSession(brand, NOW).ok).to.equal(false);
  });

  it('reports an expiry time at or before now as session_expired', async () => {
    const value = await makeSessionData({expiryTime: '2026-11-26T12:00:00Z'});
    const result = decodeSession(value, NOW);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.code).to.equal('session_expired');
    expect(decodeSession(value, new Date('2026-11-26T11:59:59Z')).ok).to.equal(true);
  });

  it('never echoes the session value in its reason', async () => {
    const value = 'c2VjcmV0LXRva2Vu&&SG&&188&&bm90LWpzb24=';
    const result = decodeSession(value, NOW);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.reason).not.to.contain('c2VjcmV0');
  });
});
