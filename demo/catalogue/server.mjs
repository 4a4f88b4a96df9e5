// The catalogue's server: serves the catalogue page (public/), the built element (/dist/) and
// /custom-elements.json, and makes vaulting sessions for the stories on the local Antom sandbox
// emulator through the library's server helper:
//   POST /api/session {variant}   fresh | expired | unreachable | hanging | garbled | bad-key | antom
//   GET  /api/vaultings/:id       inquireVaulting (the 3-D Secure story shows the outcome)
//   POST /notify                  notifyVaulting for the stories' bindings: verified, acknowledged
// plus two stand-in gateways for error stories: one that never answers, one that answers nonsense.
// For the hosted-mode story ("antom": an Antom-shaped session from the emulator, no cardBinding):
//   GET  /vendor/ams-checkout.js  Antom's real web SDK, @alipay/ams-checkout (the installed
//                                 devDependency), bundled for the browser with esbuild once per start
//   GET  /__double/antom-app/     a local double of Antom's hosted card page (doubles/), which the
//                                 SDK is pointed at; ours, so under /__double/, never an Antom path
import {randomUUID} from 'node:crypto';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {build} from 'esbuild';
import {listen, readBody, send, serveStatic} from '../lib/http.mjs';
import {expiredCopy, withBrokenKey, withSubmitUrl} from '../lib/session-variants.mjs';

export const SESSION_VARIANTS = ['fresh', 'expired', 'unreachable', 'hanging', 'garbled', 'bad-key', 'antom'];

/**
 * Antom's SDK as one browser ES module exporting AMSVaulting. Its ESM build imports axios (which
 * has Node and browser builds: platform browser picks the right one), uuid and its package.json.
 */
async function bundleAntomSdk(root) {
  const result = await build({
    stdin: {contents: "export {AMSVaulting} from '@alipay/ams-checkout';", resolveDir: root, loader: 'js', sourcefile: 'ams-checkout-entry.js'},
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const {port} = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * @param {object} options
 * @param {string} options.root repository root
 * @param {import('../../dist/types/sandbox/index.js').Sandbox} options.sandbox
 * @param {typeof import('../../dist/types/server/index.js')} options.server
 * @param {number} [options.port]
 * @param {() => Record<string, string>} [options.links] other demo URLs to show in the header
 */
export async function startCatalogue({root, sandbox, server, port = 0, links = () => ({})}) {
  const client = server.createAntomClient({
    clientId: sandbox.clientId,
    privateKey: sandbox.generatedMerchant.privateKeyPem,
    antomPublicKey: sandbox.publicKey,
    baseUrl: sandbox.url,
  });
  const unreachablePort = await closedPort();
  let antomSdk = null; // the bundle, made on the first request for it
  const held = new Set(); // requests to the never-answering gateway, ended on close
  const mounts = {
    '/dist/': join(root, 'dist'),
    '/custom-elements.json': join(root, 'custom-elements.json'),
    // The double's script is the hosted tests' own (one protocol double, not two copies); its
    // page here is the catalogue's, labelled for people.
    '/__double/antom-app/antom-app.js': join(root, 'test', 'hosted', 'doubles', 'antom-app.js'),
    '/__double/antom-app/': join(root, 'demo', 'catalogue', 'doubles'),
    '/': join(root, 'demo', 'catalogue', 'public'),
  };
  let origin = '';

  const app = await listen(port, async (request, response, url) => {
    const {pathname} = url;
    const method = request.method;

    if (method === 'POST' && pathname === '/api/session') {
      let variant;
      try {
        variant = JSON.parse((await readBody(request)) || '{}').variant ?? 'fresh';
      } catch {
        return send(response, 400, {error: 'body must be JSON'});
      }
      if (!SESSION_VARIANTS.includes(variant)) return send(response, 400, {error: `variant must be one of ${SESSION_VARIANTS.join(', ')}`});
      const vaultingRequestId = `catalogue-${randomUUID()}`;
      const created = await client.createVaultingSession({
        paymentMethodType: 'CARD',
        vaultingRequestId,
        vaultingNotificationUrl: `${origin}/notify`,
        redirectUrl: variant === 'antom' ? `${origin}/?story=hosted` : `${origin}/?story=three-d-secure&vaulting=${encodeURIComponent(vaultingRequestId)}`,
        // The emulator's own field (not Antom's): an Antom-shaped session, which the element renders
        // in hosted mode (README "Hosted mode").
        ...(variant === 'antom' ? {sandboxSessionShape: 'antom'} : {}),
      });
      const data = created.vaultingSessionData;
      const vaultingSessionData = {
        fresh: () => data,
        expired: () => expiredCopy(data),
        unreachable: () => withSubmitUrl(data, `http://127.0.0.1:${unreachablePort}/submitCard`),
        hanging: () => withSubmitUrl(data, `${origin}/__demo/gateway/hanging`),
        garbled: () => withSubmitUrl(data, `${origin}/__demo/gateway/garbled`),
        'bad-key': () => withBrokenKey(data),
        antom: () => data,
      }[variant]();
      return send(response, 200, {vaultingRequestId, vaultingSessionData});
    }

    const vaultingMatch = /^\/api\/vaultings\/(catalogue-[\w-]{1,60})$/.exec(pathname);
    if (method === 'GET' && vaultingMatch) {
      try {
        const answer = await client.inquireVaulting({vaultingRequestId: vaultingMatch[1]});
        return send(response, 200, {
          vaultingStatus: answer.vaultingStatus,
          resultCode: answer.vaultingResultCode ?? null,
          brand: answer.paymentMethodDetail?.card?.brand ?? null,
          maskedCardNo: answer.paymentMethodDetail?.card?.maskedCardNo ?? null,
        });
      } catch (error) {
        return send(response, 404, {error: error?.resultCode ?? error?.code ?? 'inquiry failed'});
      }
    }

    if (method === 'POST' && pathname === '/notify') {
      const rawBody = await readBody(request);
      try {
        client.receiveVaultingNotification({method, path: request.url, headers: request.headers, rawBody});
      } catch {
        return send(response, 400, {error: 'invalid notification'});
      }
      return send(response, 200, server.NOTIFICATION_ACK_BODY);
    }

    if (method === 'POST' && pathname === '/__demo/gateway/hanging') {
      // Reads the request, then never answers: the element's submit-timeout ends the attempt.
      request.resume();
      held.add(response);
      request.on('close', () => held.delete(response));
      return;
    }
    if (method === 'POST' && pathname === '/__demo/gateway/garbled') {
      request.resume();
      return send(response, 200, {hello: 'this is not a submit reply'});
    }

    if (method === 'GET' && pathname === '/api/links') {
      // The origins this page trusts with the card besides its own (the element's gateway-origins):
      // the emulator's direct endpoint, and the closed port of the "unreachable" story.
      const gatewayOrigins = [new URL(sandbox.url).origin, `http://127.0.0.1:${unreachablePort}`];
      return send(response, 200, {sandbox: sandbox.url, gatewayOrigins, ...links()});
    }

    if ((method === 'GET' || method === 'HEAD') && pathname === '/vendor/ams-checkout.js') {
      antomSdk ??= bundleAntomSdk(root);
      try {
        return send(response, 200, Buffer.from(await antomSdk), {'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache'});
      } catch (error) {
        antomSdk = null;
        console.error('catalogue: could not bundle @alipay/ams-checkout for the browser', error);
        return send(response, 500, {error: 'could not bundle @alipay/ams-checkout (is the devDependency installed?)'});
      }
    }

    if (method === 'GET' || method === 'HEAD') {
      const csp = [
        // The hosted story runs Antom's real SDK, which asks for Antom's hosts (its tracker script, a
        // preload iframe, config, logs, device risk): 'self' refuses them all in the browser, so the
        // catalogue contacts nothing outside this machine. Its one iframe is the local double.
        "default-src 'self'",
        "connect-src 'self' http://127.0.0.1:*", // the emulator, and a closed port for the network story
        `form-action 'self' ${sandbox.url}`,
        "style-src 'self' 'unsafe-inline'", // stories set custom properties in style attributes
        "img-src 'self' data:",
        "base-uri 'none'",
        "object-src 'none'",
      ].join('; ');
      if (await serveStatic(response, pathname, mounts, {'content-security-policy': csp, 'referrer-policy': 'no-referrer'})) return;
      if (pathname === '/custom-elements.json') {
        return send(response, 404, {error: 'custom-elements.json is missing: run `npm run analyze`'});
      }
    }
    send(response, 404, {error: 'not found'});
  });
  origin = app.origin;

  return {
    url: origin,
    async close() {
      for (const response of held) response.destroy();
      held.clear();
      await app.close();
    },
  };
}
