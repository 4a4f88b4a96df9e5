/**
 * Options of the sandbox emulator, their defaults, and the JSON config file the command reads.
 */
import {readFile} from 'node:fs/promises';
import * as z from 'zod/mini';
import {CARD_BRANDS} from '../card/types.js';
import {describeIssues} from '../server/schemas.js';
import type {KeyInput} from '../server/signature.js';
import type {MerchantConfig} from './merchants.js';

/** Which notifyVaulting fields the emulator sends (see SandboxOptions.notificationFields). */
export const NOTIFICATION_FIELDS = ['ams', 'apo'] as const;
export type NotificationFields = (typeof NOTIFICATION_FIELDS)[number];

export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Known merchants. None: the emulator makes one up (see `Sandbox.generatedMerchant`). */
  readonly merchants?: readonly MerchantConfig[];
  /** The emulator's own signing key ("Antom's" key). Default: a fresh RSA-2048 key. */
  readonly privateKey?: KeyInput;
  /** RSA key the browser encrypts cards to. Default: a fresh RSA-2048 key (kept apart from signing). */
  readonly cardEncryptionKey?: KeyInput;
  /** Session lifetime. Default 1800 (30 minutes). */
  readonly sessionTtlSeconds?: number;
  /** Multiplies the notification retry schedule (0.001 turns 2 minutes into 120 ms). Default 1. */
  readonly timeScale?: number;
  /**
   * Retry notifyVaulting on the documented schedule until acknowledged. Default true. The real
   * Antom sandbox does not retry (reference §7.3); this is on so integrations can be tested.
   */
  readonly notificationRetries?: boolean;
  /**
   * The notifyVaulting body. `ams` (default): Antom's AMS fields, `result`, `vaultingRequestId`,
   * `paymentMethodDetail` and `metadata` (when the vaultPaymentMethod request had one). `apo`
   * adds `vaultingStatus` and `vaultingCreateTime`, which only the APO pages document.
   */
  readonly notificationFields?: NotificationFields;
  /** Per-attempt notification timeout. Default 10000 ms. */
  readonly notificationTimeoutMs?: number;
  /** How long the "processing" scenario stays PROCESSING before it succeeds. Default 3000 ms. */
  readonly processingDelayMs?: number;
  /** Largest accepted request body. Default 65536 bytes. */
  readonly maxBodyBytes?: number;
  /**
   * Time a connection has to deliver a request's headers, from when it opens (or from the first
   * byte of a later request on a kept-alive connection). Later: HTTP 408 and the connection is
   * closed. Default 5000 ms.
   */
  readonly headersTimeoutMs?: number;
  /**
   * Time a request has to deliver its whole body once its headers are in: a deadline, not an
   * idle timeout, so a byte now and then does not extend it. Later: HTTP 408 and the connection
   * is closed. Default 5000 ms.
   */
  readonly bodyTimeoutMs?: number;
  /**
   * Open connections the emulator serves at once. One more gets HTTP 503 (`SYSTEM_BUSY`,
   * `connection: close`) and is closed. Default 256.
   */
  readonly maxConnections?: number;
  /** Segment 1 of the session data (Antom's region "host sign"). Default `SG`. */
  readonly region?: string;
  /** Receives one line per request and per notification attempt. Never card data. Default: none. */
  readonly logger?: (line: string) => void;
  /** Injectable clock (tests). */
  readonly now?: () => Date;
}

export interface ResolvedSettings {
  readonly port: number;
  readonly sessionTtlMs: number;
  readonly timeScale: number;
  readonly notificationRetries: boolean;
  readonly notificationFields: NotificationFields;
  readonly notificationTimeoutMs: number;
  readonly processingDelayMs: number;
  readonly maxBodyBytes: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  readonly maxConnections: number;
  readonly region: string;
  readonly log: (line: string) => void;
  readonly now: () => Date;
}

export class SandboxConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

const settingsSchema = z.object({
  port: z.optional(z.int().check(z.minimum(0), z.maximum(65535))),
  sessionTtlSeconds: z.optional(z.number().check(z.positive(), z.maximum(7 * 24 * 3600))),
  timeScale: z.optional(z.number().check(z.positive(), z.maximum(1000))),
  notificationRetries: z.optional(z.boolean()),
  notificationFields: z.optional(z.enum(NOTIFICATION_FIELDS)),
  notificationTimeoutMs: z.optional(z.int().check(z.positive())),
  processingDelayMs: z.optional(z.int().check(z.minimum(0))),
  maxBodyBytes: z.optional(z.int().check(z.minimum(1024), z.maximum(16 * 1024 * 1024))),
  headersTimeoutMs: z.optional(z.int().check(z.minimum(100), z.maximum(600_000))),
  bodyTimeoutMs: z.optional(z.int().check(z.minimum(100), z.maximum(600_000))),
  maxConnections: z.optional(z.int().check(z.minimum(1), z.maximum(100_000))),
  region: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
});

export function resolveSettings(options: SandboxOptions): ResolvedSettings {
  const parsed = z.safeParse(settingsSchema, {
    port: options.port,
    sessionTtlSeconds: options.sessionTtlSeconds,
    timeScale: options.timeScale,
    notificationRetries: options.notificationRetries,
    notificationFields: options.notificationFields,
    notificationTimeoutMs: options.notificationTimeoutMs,
    processingDelayMs: options.processingDelayMs,
    maxBodyBytes: options.maxBodyBytes,
    headersTimeoutMs: options.headersTimeoutMs,
    bodyTimeoutMs: options.bodyTimeoutMs,
    maxConnections: options.maxConnections,
    region: options.region,
  });
  if (!parsed.success) throw new SandboxConfigError(`Invalid sandbox options: ${describeIssues(parsed.error.issues).join('; ')}`);
  const settings = parsed.data;
  return {
    port: settings.port ?? 0,
    sessionTtlMs: (settings.sessionTtlSeconds ?? 1800) * 1000,
    timeScale: settings.timeScale ?? 1,
    notificationRetries: settings.notificationRetries ?? true,
    notificationFields: settings.notificationFields ?? 'ams',
    notificationTimeoutMs: settings.notificationTimeoutMs ?? 10_000,
    processingDelayMs: settings.processingDelayMs ?? 3000,
    maxBodyBytes: settings.maxBodyBytes ?? 64 * 1024,
    headersTimeoutMs: settings.headersTimeoutMs ?? 5000,
    bodyTimeoutMs: settings.bodyTimeoutMs ?? 5000,
    maxConnections: settings.maxConnections ?? 256,
    region: settings.region ?? 'SG',
    log: options.logger ?? (() => {}),
    now: options.now ?? (() => new Date()),
  };
}

const configFileSchema = z.object({
  merchants: z.optional(
    z.array(
      z.object({
        clientId: z.string().check(z.minLength(1), z.maxLength(128)),
        publicKey: z.string().check(z.minLength(1)),
        allowedOrigins: z.optional(z.array(z.url())),
        acceptedBrands: z.optional(z.array(z.enum(CARD_BRANDS)).check(z.minLength(1))),
        holderNameRequired: z.optional(z.boolean()),
      }),
    ),
  ),
  privateKey: z.optional(z.string()),
  sessionTtlSeconds: z.optional(z.number()),
  timeScale: z.optional(z.number()),
  notificationRetries: z.optional(z.boolean()),
  notificationFields: z.optional(z.enum(NOTIFICATION_FIELDS)),
  processingDelayMs: z.optional(z.number()),
  headersTimeoutMs: z.optional(z.number()),
  bodyTimeoutMs: z.optional(z.number()),
  maxConnections: z.optional(z.number()),
});

/**
 * Reads a config file: `{merchants: [{clientId, publicKey, allowedOrigins?, acceptedBrands?,
 * holderNameRequired?}], privateKey?, sessionTtlSeconds?, timeScale?, notificationRetries?,
 * notificationFields?, processingDelayMs?, headersTimeoutMs?, bodyTimeoutMs?, maxConnections?}`.
 * Keys are PEM or base64 DER.
 */
export async function loadConfigFile(path: string): Promise<SandboxOptions> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new SandboxConfigError(`Cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  const parsed = z.safeParse(configFileSchema, json);
  if (!parsed.success) throw new SandboxConfigError(`Invalid config ${path}: ${describeIssues(parsed.error.issues).join('; ')}`);
  return parsed.data;
}
