/**
 * The merchants the emulator knows: client id, the public key their requests are verified with,
 * and the per-merchant settings the session metadata and the submit endpoint's CORS use.
 */
import {generateKeyPair, randomBytes, type KeyObject} from 'node:crypto';
import {promisify} from 'node:util';
import type {CardBrand} from '../card/types.js';
import {importPublicKey, type KeyInput} from '../server/signature.js';

export interface MerchantConfig {
  /** e.g. `SANDBOX_5Y00000000000001`. */
  readonly clientId: string;
  /** The merchant's public key: PEM or base64 SPKI DER (as in Antom's dashboard). */
  readonly publicKey: KeyInput;
  /**
   * Page origins allowed to call the browser submit endpoint with this merchant's sessions.
   * Absent: any origin (the session itself is the credential; see the README's "Server helper and local sandbox" section).
   */
  readonly allowedOrigins?: readonly string[];
  /** Brands this merchant may vault. Absent: every brand. */
  readonly acceptedBrands?: readonly CardBrand[];
  /** Whether the cardholder name is required. Default true. */
  readonly holderNameRequired?: boolean;
}

export interface Merchant {
  readonly clientId: string;
  readonly publicKey: KeyObject;
  readonly allowedOrigins: ReadonlySet<string> | null;
  readonly acceptedBrands: readonly CardBrand[] | null;
  readonly holderNameRequired: boolean;
}

/** A merchant the emulator made up because none was configured; its private key signs requests. */
export interface GeneratedMerchant {
  readonly clientId: string;
  /** PKCS#8 PEM. A throwaway sandbox key. */
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

export class MerchantRegistry {
  readonly #byClientId = new Map<string, Merchant>();

  constructor(configs: readonly MerchantConfig[]) {
    for (const config of configs) {
      this.#byClientId.set(config.clientId, {
        clientId: config.clientId,
        publicKey: importPublicKey(config.publicKey),
        allowedOrigins: config.allowedOrigins ? new Set(config.allowedOrigins.map(normalizeOrigin)) : null,
        acceptedBrands: config.acceptedBrands ?? null,
        holderNameRequired: config.holderNameRequired ?? true,
      });
    }
  }

  get(clientId: string): Merchant | undefined {
    return this.#byClientId.get(clientId);
  }

  list(): Merchant[] {
    return [...this.#byClientId.values()];
  }

  /** Preflight requests carry no session, so they pass when any merchant allows the origin. */
  anyAllowsOrigin(origin: string): boolean {
    return this.list().some((merchant) => allowsOrigin(merchant, origin));
  }
}

/** `http://localhost:8000/` and `http://localhost:8000` name the same origin. */
function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

export function allowsOrigin(merchant: Merchant, origin: string): boolean {
  return merchant.allowedOrigins === null || merchant.allowedOrigins.has(origin);
}

const generateRsaKeyPair = promisify(generateKeyPair);

/** A fresh RSA-2048 key pair. */
export async function generateRsaKeys(): Promise<{privateKey: KeyObject; publicKey: KeyObject}> {
  return generateRsaKeyPair('rsa', {modulusLength: 2048});
}

export async function generateMerchant(): Promise<GeneratedMerchant> {
  const {privateKey, publicKey} = await generateRsaKeys();
  return {
    clientId: `SANDBOX_${randomBytes(8).toString('hex').toUpperCase()}`,
    privateKeyPem: privateKey.export({format: 'pem', type: 'pkcs8'}).toString(),
    publicKeyPem: publicKey.export({format: 'pem', type: 'spki'}).toString(),
  };
}
