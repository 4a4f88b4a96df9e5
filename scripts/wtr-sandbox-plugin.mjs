// web-test-runner plugin for the binding-flow tests: starts the Antom sandbox emulator and a test
// merchant (its server helper and notifyVaulting endpoint) on 127.0.0.1 with random ports, and
// exposes them to the browser tests under /__flow/ on the test server:
//   GET /__flow/session?redirectUrl=...   -> createVaultingSession through the merchant helper
//   GET /__flow/bindings                   -> the emulator's bindings
//   GET /__flow/notifications?id=...       -> notifications the merchant received and verified
//   GET /__flow/challenge?url=&outcome=    -> a buyer answering the 3-D Secure page (pass|fail)
//   GET /__flow/relay-session?redirectUrl=...  -> a session of the merchant's relay (createCardBindingRelay,
//                                             on its own port, allowing the test page's origin), whose
//                                             card goes to the emulator's vaultPaymentMethod
//   GET /__flow/relay-outcomes?id=...      -> what the relay's onOutcome hook saw for a session (the card
//                                             token reduced to whether there was one)
//   GET /__flow/relay-calls                -> the vaultingRequestIds the relay sent to vaultPaymentMethod
//   GET /__flow/session?dropFirstAnswer=1  -> the card goes through a proxy that forwards the first
//                                             submission to the emulator, then cuts the connection
//                                             halfway through the answer (a gateway that dies
//                                             mid-request); later requests pass through.
// Needs the TypeScript loader (scripts/register-ts.mjs) in the test runner's process.
import {createServer, request as httpRequest} from 'node:http';
import {randomUUID} from 'node:crypto';
import {withSubmitUrl} from '../demo/lib/session-variants.mjs';

export function sandboxPlugin() {
  let sandbox;
  let client;
  let merchant;
  let proxy;
  let relay;
  let relayServer;
  const relayOutcomes = [];
  const relayCalls = [];
  const notifications = [];
  const droppedOnce = new Set();

  return {
    name: 'antom-sandbox',
    async serverStart({config}) {
      const {startSandbox} = await import('../src/sandbox/index.ts');
      const server = await import('../src/server/index.ts');
      sandbox = await startSandbox({timeScale: 0.001, processingDelayMs: 300, logger: () => {}});
      client = server.createAntomClient({
        clientId: sandbox.clientId,
        privateKey: sandbox.generatedMerchant.privateKeyPem,
        antomPublicKey: sandbox.publicKey,
        baseUrl: sandbox.url,
      });
      // The merchant's notifyVaulting endpoint: verify, store once per vaultingRequestId, acknowledge.
      merchant = createServer((request, response) => {
        const chunks = [];
        request.on('data', (chunk) => chunks.push(chunk));
        request.on('end', () => {
          const rawBody = Buffer.concat(chunks).toString('utf8');
          let verified;
          try {
            server.verifyNotification(
              {method: request.method, path: request.url, headers: request.headers, rawBody},
              {antomPublicKey: sandbox.publicKey, clientId: sandbox.clientId}
            );
            verified = true;
          } catch {
            verified = false;
          }
          const body = server.parseVaultingNotification(rawBody);
          if (!notifications.some((n) => n.body.vaultingRequestId === body.vaultingRequestId)) {
            notifications.push({verified, body});
          }
          response.writeHead(200, {'content-type': 'application/json'});
          response.end(server.NOTIFICATION_ACK_BODY);
        });
      });
      await new Promise((resolve) => merchant.listen(0, '127.0.0.1', resolve));
      proxy = createServer((request, response) => {
        const target = new URL(request.url, sandbox.url);
        const upstream = httpRequest(target, {method: request.method, headers: {...request.headers, host: target.host}}, (answer) => {
          const key = request.headers['idempotency-key'];
          if (request.method === 'POST' && key && !droppedOnce.has(key)) {
            // The emulator did the work; the browser gets the head and half the body, then the
            // connection dies. (Cutting it before any byte would not do: Chrome silently retries
            // a request whose reused connection closes before the answer starts.)
            droppedOnce.add(key);
            const chunks = [];
            answer.on('data', (chunk) => chunks.push(chunk));
            answer.on('end', () => {
              const body = Buffer.concat(chunks);
              response.writeHead(answer.statusCode, answer.headers);
              response.write(body.subarray(0, body.length >> 1));
              setTimeout(() => request.socket.destroy(), 20);
            });
            return;
          }
          response.writeHead(answer.statusCode, answer.headers);
          answer.pipe(response);
        });
        upstream.on('error', () => request.socket.destroy());
        request.pipe(upstream);
      });
      await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));

      // The merchant's relay route, on its own port: cross-origin from the test page, as a relay on
      // an API host would be. Its Antom client records the ids it sends to vaultPaymentMethod.
      relayServer = createServer((request, response) => void relay.handleNodeRequest(request, response));
      await new Promise((resolve) => relayServer.listen(0, '127.0.0.1', resolve));
      const recordingClient = {
        clientId: client.clientId,
        vaultPaymentMethod: (request) => {
          relayCalls.push(request.vaultingRequestId);
          return client.vaultPaymentMethod(request);
        },
        inquireVaulting: (request) => client.inquireVaulting(request),
      };
      relay = server.createCardBindingRelay({
        antom: recordingClient,
        submitUrl: `http://127.0.0.1:${relayServer.address().port}/cards/submit`,
        allowedOrigins: [`http://${config.hostname ?? 'localhost'}:${config.port}`],
        onOutcome: (outcome) => relayOutcomes.push({...outcome, card: outcome.card && {...outcome.card, cardToken: Boolean(outcome.card.cardToken)}}),
      });
    },
    async serverStop() {
      await sandbox?.close();
      await new Promise((resolve) => (merchant ? merchant.close(resolve) : resolve()));
      await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve()));
      relayServer?.closeAllConnections();
      await new Promise((resolve) => (relayServer ? relayServer.close(resolve) : resolve()));
    },
    async serve(context) {
      if (!context.path.startsWith('/__flow/')) return undefined;
      const json = (value) => ({body: JSON.stringify(value), type: 'application/json'});
      if (context.path === '/__flow/session') {
        const vaultingRequestId = `vr-${randomUUID()}`;
        const redirectUrl = context.query.redirectUrl;
        const created = await client.createVaultingSession({
          paymentMethodType: 'CARD',
          vaultingRequestId,
          vaultingNotificationUrl: `http://127.0.0.1:${merchant.address().port}/notify`,
          ...(redirectUrl ? {redirectUrl} : {}),
        });
        const sessionData = context.query.dropFirstAnswer
          ? withSubmitUrl(created.vaultingSessionData, new URL(new URL(sandbox.submitUrl).pathname, `http://127.0.0.1:${proxy.address().port}`).href)
          : created.vaultingSessionData;
        return json({sessionData, vaultingRequestId, vaultingSessionId: created.vaultingSessionId});
      }
      if (context.path === '/__flow/relay-session') {
        const created = await relay.createSession({
          vaultingNotificationUrl: `http://127.0.0.1:${merchant.address().port}/notify`,
          redirectUrl: context.query.redirectUrl || 'http://127.0.0.1:9/done',
          reference: 'flow-buyer',
        });
        return json({sessionData: created.vaultingSessionData, vaultingRequestId: created.vaultingRequestId, vaultingSessionId: created.vaultingSessionId});
      }
      if (context.path === '/__flow/relay-outcomes') {
        return json(relayOutcomes.filter((outcome) => outcome.sessionVaultingRequestId === context.query.id));
      }
      if (context.path === '/__flow/relay-calls') return json(relayCalls);
      if (context.path === '/__flow/bindings') return json(sandbox.bindings());
      if (context.path === '/__flow/challenge') {
        // What the buyer's browser does on the emulator's challenge page: load it, press a button.
        const url = String(context.query.url);
        const page = await (await fetch(url)).text();
        const answer = await fetch(url, {method: 'POST', body: new URLSearchParams({outcome: String(context.query.outcome)}), redirect: 'manual'});
        return json({pageOffers: ['pass', 'fail'].filter((o) => page.includes(`value="${o}"`)), status: answer.status, location: answer.headers.get('location')});
      }
      if (context.path === '/__flow/notifications') {
        return json(notifications.filter((n) => !context.query.id || n.body.vaultingRequestId === context.query.id));
      }
      return undefined;
    },
  };
}
