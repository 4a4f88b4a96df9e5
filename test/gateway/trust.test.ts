/**
 * The trust anchor's rules (issue 12, finding 1), as pure functions. The element's use of them is
 * tested with the element.
 */
import {expect} from '@open-wc/testing';
import {encryptionKeyProblem, isLoopbackHost, normaliseOrigins, redirectTargetProblem, submitTargetProblem} from '../../src/gateway/trust.js';

const policy = {pageOrigin: 'https://shop.example', gatewayOrigins: ['http://127.0.0.1:4010', 'https://relay.shop.example/']};
const n2048 = 'x'.repeat(342); // 342 base64url characters = 256 bytes
const n1536 = 'x'.repeat(256);

describe('trust anchor', () => {
  it('loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'app.localhost', '[::1]', '::1']) expect(isLoopbackHost(host), host).to.equal(true);
    for (const host of ['128.0.0.1', 'localhost.evil.example', '10.0.0.1', 'example.com', '127.0.0.1.evil.example']) {
      expect(isLoopbackHost(host), host).to.equal(false);
    }
  });

  it('the submit URL: the page origin or a listed gateway origin, over https (http only on loopback)', () => {
    expect(submitTargetProblem('https://shop.example/cards/submit', policy)).to.equal(null);
    expect(submitTargetProblem('https://relay.shop.example/x', policy)).to.equal(null);
    expect(submitTargetProblem('http://127.0.0.1:4010/__sandbox/submitCard', policy)).to.equal(null);
    expect(submitTargetProblem('https://evil.example/steal', policy)).to.match(/https:\/\/evil\.example is neither the page's origin nor listed in gateway-origins/);
    // Loopback is not trusted by itself: only when the page lists it.
    expect(submitTargetProblem('http://127.0.0.1:9999/x', policy)).to.match(/gateway-origins/);
    expect(submitTargetProblem('http://shop.example/cards/submit', {...policy, pageOrigin: 'http://shop.example'})).to.match(/must be https/);
    expect(submitTargetProblem('javascript:alert(1)', policy)).to.match(/must be https/);
    expect(submitTargetProblem('not a url', policy)).to.match(/not a URL/);
    expect(submitTargetProblem('http://localhost:8000/x', {pageOrigin: 'http://localhost:8000', gatewayOrigins: []})).to.equal(null);
  });

  it('gateway origins are normalised; junk is ignored', () => {
    expect([...normaliseOrigins(['HTTPS://Relay.Example/', ' http://127.0.0.1:4010 ', 'not an origin', 'data:text/plain,x'])]).to.deep.equal([
      'https://relay.example',
      'http://127.0.0.1:4010',
    ]);
  });

  it('the encryption key: RSA of at least 2048 bits with e = 65537', () => {
    expect(encryptionKeyProblem({kty: 'RSA', n: n2048, e: 'AQAB'})).to.equal(null);
    expect(encryptionKeyProblem({kty: 'RSA', n: n1536, e: 'AQAB'})).to.match(/at least 2048 bits, got about 1536/);
    expect(encryptionKeyProblem({kty: 'RSA', n: `AAAA${'x'.repeat(338)}`, e: 'AQAB'})).to.match(/at least 2048 bits/);
    expect(encryptionKeyProblem({kty: 'RSA', n: n2048, e: 'Aw'})).to.match(/65537/);
    expect(encryptionKeyProblem({kty: 'RSA', n: `${n2048}+/`, e: 'AQAB'})).to.match(/base64url/);
  });

  it('3-D Secure targets: https, or http on a loopback host', () => {
    expect(redirectTargetProblem('https://acs.issuer.example/challenge')).to.equal(null);
    expect(redirectTargetProblem('http://127.0.0.1:4010/__sandbox/3ds/abc')).to.equal(null);
    expect(redirectTargetProblem('http://acs.issuer.example/challenge')).to.match(/must be https/);
    expect(redirectTargetProblem('ftp://x.example/')).to.match(/must be https/);
  });
});
