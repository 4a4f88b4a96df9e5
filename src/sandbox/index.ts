/**
 * `antom-card-binding/sandbox`: a local emulator of the Antom card-vaulting server side, in the
 * spirit of stripe-mock. It is NOT the Antom service: it speaks the documented protocol
 * (createVaultingSession, vaultPaymentMethod, inquireVaulting, notifyVaulting, signatures) plus
 * this library's own browser submit endpoint, scenario cards and a 3-D Secure challenge page. See
 * the README's "Server helper and local sandbox" section.
 */
import {createHash, type KeyObject} from 'node:crypto';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {importPrivateKey, importPublicKey, publicKeyToBase64} from '../server/signature.js';
import {guardConnections} from './connections.js';
import type {CardEncryptionKey, SandboxContext} from './context.js';
import {generateMerchant, generateRsaKeys, MerchantRegistry, type GeneratedMerchant, type MerchantConfig} from './merchants.js';
import {Notifier} from './notifier.js';
import {resolveSettings, SandboxConfigError, type SandboxOptions} from './options.js';
import {SUBMIT_CARD_PATH} from './paths.js';
import {bindingView, handleRequest, type BindingView} from './router.js';
import {BindingStore} from './store.js';

export {loadConfigFile, NOTIFICATION_FIELDS, SandboxConfigError, type NotificationFields, type SandboxOptions} from './options.js';
export type {GeneratedMerchant, MerchantConfig} from './merchants.js';
export type {BindingView} from './router.js';
export type {DeliveryAttempt, BindingState} from './store.js';
export {SCENARIO_CARDS, DECLINE_MESSAGES, type Scenario, type ScenarioCard} from './scenarios.js';
export {NOTIFICATION_RETRY_INTERVALS_SECONDS} from './notifier.js';
export {MAX_DECLINED_ATTEMPTS} from './bindings.js';
export {BINDINGS_PATH, CHALLENGE_PATH_PREFIX, SUBMIT_CARD_PATH} from './paths.js';

/** A running emulator. */
export interface Sandbox {
  /** `http://127.0.0.1:<port>`: use as the client's `baseUrl`. */
  readonly url: string;
  readonly port: number;
  /** The first merchant's client id (the generated one when none was configured). */
  readonly clientId: string;
  /** The emulator's public key (PEM): verify its responses and notifications with it. */
  readonly publicKey: string;
  /** The same key as one-line base64 SPKI DER, the form Antom's dashboard shows. */
  readonly publicKeyBase64: string;
  /** The browser-facing submit endpoint (this library's own protocol). */
  readonly submitUrl: string;
  /** Set when no merchant was configured: the made-up merchant and its private key. */
  readonly generatedMerchant: GeneratedMerchant | null;
  /** Every binding so far, newest last (also at `GET /__sandbox/bindings`). */
  bindings(): BindingView[];
  /** Stops listening, cancels pending notifications and timers. */
  close(): Promise<void>;
}

/**
 * Starts the emulator on 127.0.0.1 (only). Keys not given are generated (RSA-2048).
 * @throws SandboxConfigError for invalid options or keys.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const settings = resolveSettings(options);
  const signingKey = await rsaPrivateKey(options.privateKey, 'privateKey');
  const cardKey = cardEncryptionKey(await rsaPrivateKey(options.cardEncryptionKey, 'cardEncryptionKey'));

  const generatedMerchant = options.merchants?.length ? null : await generateMerchant();
  const merchantConfigs: readonly MerchantConfig[] = generatedMerchant
    ? [{clientId: generatedMerchant.clientId, publicKey: generatedMerchant.publicKeyPem}]
    : (options.merchants ?? []);
  let merchants: MerchantRegistry;
  try {
    merchants = new MerchantRegistry(merchantConfigs);
  } catch {
    throw new SandboxConfigError('A merchant public key is not a PEM or base64 SPKI public key.');
  }

  const context: SandboxContext = {
    baseUrl: '',
    settings,
    signingKey,
    cardKey,
    merchants,
    store: new BindingStore(),
    notifier: new Notifier({
      signingKey,
      retries: settings.notificationRetries,
      timeScale: settings.timeScale,
      timeoutMs: settings.notificationTimeoutMs,
      now: settings.now,
      log: settings.log,
    }),
    timers: new Set(),
  };

  const server = createServer(
    {
      headersTimeout: settings.headersTimeoutMs,
      // A backstop for the whole request: the body deadline proper is readBody's (http.ts) and
      // the router's, which answer first and in the route's own format.
      requestTimeout: settings.headersTimeoutMs + settings.bodyTimeoutMs + 1000,
      // node:http only checks those deadlines this often (by default every 30 s, which let a
      // slow client live four times its timeout).
      connectionsCheckingInterval: Math.min(500, Math.max(10, Math.floor(settings.headersTimeoutMs / 10))),
    },
    (request, response) => {
      if (guard.admit(request, response)) handleRequest(context, request, response);
    },
  );
  const guard = guardConnections(server, settings);
  const port = await listen(server, settings.port);
  context.baseUrl = `http://127.0.0.1:${port}`;
  const publicKey = importPublicKey(signingKey);

  return {
    url: context.baseUrl,
    port,
    clientId: merchants.list()[0]!.clientId,
    publicKey: publicKey.export({format: 'pem', type: 'spki'}).toString(),
    publicKeyBase64: publicKeyToBase64(publicKey),
    submitUrl: context.baseUrl + SUBMIT_CARD_PATH,
    generatedMerchant,
    bindings: () => context.store.all().map(bindingView),
    close: async () => {
      context.notifier.close();
      for (const timer of context.timers) clearTimeout(timer);
      context.timers.clear();
      guard.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function rsaPrivateKey(input: SandboxOptions['privateKey'], name: string): Promise<KeyObject> {
  if (input === undefined) return (await generateRsaKeys()).privateKey;
  let key: KeyObject;
  try {
    key = importPrivateKey(input);
  } catch {
    throw new SandboxConfigError(`${name} is not a PEM or base64 PKCS#8 private key.`);
  }
  if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    throw new SandboxConfigError(`${name} must be an RSA key of at least 2048 bits.`);
  }
  return key;
}

/** The key the browser encrypts cards to, published as a JWK with a stable key id. */
function cardEncryptionKey(privateKey: KeyObject): CardEncryptionKey {
  const publicKey = importPublicKey(privateKey);
  const {n, e} = publicKey.export({format: 'jwk'});
  const kid = `sandbox-${createHash('sha256').update(publicKey.export({format: 'der', type: 'spki'})).digest('base64url').slice(0, 16)}`;
  if (!n || !e) throw new SandboxConfigError('cardEncryptionKey is not an RSA key.');
  return {privateKey, kid, jwk: {kty: 'RSA', n, e, alg: 'RSA-OAEP-256', use: 'enc', kid}};
}
