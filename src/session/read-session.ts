/**
 * The first, zod-free reading of `vaultingSessionData`: enough to render the form, narrow the
 * brands and run the expiry timer the moment the session arrives. The full zod/mini validation
 * (decode-session.ts) runs on submit, in the submit path's lazy chunk, so a page with a session
 * never loads zod before the buyer presses "Add card".
 *
 * It also tells integration mistakes apart (a non-string value, the whole createVaultingSession
 * answer) and which way of rendering and submitting the session asks for (`mode`).
 */
import {CARD_BRANDS, type CardBrand} from '../card/types.js';
import {BASE64, MAX_SESSION_DATA_LENGTH, parseBase64Json} from './base64-json.js';

/** How the element renders and submits: its own fields, or Antom's web SDK (an Antom session without `cardBinding`). */
export type SessionMode = 'own-fields' | 'hosted';

export interface SessionReading {
  readonly ok: true;
  /** The value as given; decoded in full on submit. */
  readonly value: string;
  readonly mode: SessionMode;
  readonly acceptedBrands: readonly CardBrand[] | null;
  readonly holderNameRequired: boolean;
  /**
   * Milliseconds the session lives from the moment it was received, by the gateway's clock
   * (`expiryTime - issueTime`); without `issueTime`, by the buyer's clock while that says the
   * session is still alive; null when nothing trustworthy is known (the gateway decides).
   */
  readonly lifetimeMs: number | null;
  /**
   * Hosted mode: `sandbox` when the metadata's `clientId` starts with `SANDBOX_` (Antom's sandbox
   * client ids do; whether a real session's metadata carries `clientId` is not known: a guess).
   */
  readonly environment?: 'sandbox';
}

export interface SessionProblem {
  readonly ok: false;
  readonly code: 'session_malformed';
  /** For developers: `error.detail.message` and the console, never the buyer. */
  readonly reason: string;
}

export type SessionReadResult = SessionReading | SessionProblem;


function problem(reason: string): SessionProblem {
  return {ok: false, code: 'session_malformed', reason};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function time(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

/** Explains a value that is not a string, naming the usual slip and its fix. */
function notAString(value: unknown): SessionProblem {
  if (isObject(value) && typeof value.vaultingSessionData === 'string') {
    return problem(
      'vaultingSessionData was given the whole createVaultingSession answer (an object). ' +
        'Pass its string: el.vaultingSessionData = answer.vaultingSessionData.'
    );
  }
  return problem(`vaultingSessionData must be the string from createVaultingSession's answer (.vaultingSessionData), got ${Array.isArray(value) ? 'an array' : typeof value}.`);
}

/**
 * @param now the buyer's clock, used only when the session carries no `issueTime`
 */
export function readSession(value: unknown, now: number = Date.now()): SessionReadResult {
  if (typeof value !== 'string') return notAString(value);
  if (value.length > MAX_SESSION_DATA_LENGTH) return problem('vaultingSessionData is longer than 4096 characters.');
  const segments = value.trim().split('&&');
  if (segments.length !== 4) return problem(`vaultingSessionData must have 4 segments joined by "&&", got ${segments.length}.`);
  const metadataText = segments[3]!;
  if (!segments[0] || !BASE64.test(metadataText)) return problem('vaultingSessionData: segment 0 or 3 is not base64.');
  let metadata: unknown;
  try {
    metadata = parseBase64Json(metadataText);
  } catch {
    return problem('vaultingSessionData: segment 3 is not base64 UTF-8 JSON.');
  }
  if (!isObject(metadata) || !isObject(metadata.paymentSessionConfig)) return problem('session metadata: paymentSessionConfig is missing.');
  const config = metadata.paymentSessionConfig;
  if (config.productScene !== 'VAULTING' || config.paymentMethodCategoryType !== 'CARD') {
    return problem('session metadata: not a VAULTING + CARD session.');
  }
  const binding = metadata.cardBinding;
  if (binding === undefined) {
    // An Antom session: Antom's own web SDK renders it (hosted mode, src/hosted). Its lifetime
    // and brands are Antom's business; the SDK checks the rest when it mounts.
    const sandbox = typeof metadata.clientId === 'string' && metadata.clientId.startsWith('SANDBOX_');
    return {ok: true, value, mode: 'hosted', acceptedBrands: null, holderNameRequired: true, lifetimeMs: null, ...(sandbox ? {environment: 'sandbox'} : {})};
  }
  if (!isObject(binding) || typeof binding.submitUrl !== 'string' || !isObject(binding.encryptionKey)) {
    return problem('session metadata: cardBinding needs submitUrl and encryptionKey.');
  }
  const expiresAt = time(binding.expiryTime);
  if (expiresAt === null) return problem('session metadata: cardBinding.expiryTime must be ISO 8601.');
  const issuedAt = binding.issueTime === undefined ? null : time(binding.issueTime);
  if (binding.issueTime !== undefined && issuedAt === null) return problem('session metadata: cardBinding.issueTime must be ISO 8601.');

  const brands = Array.isArray(binding.acceptedBrands)
    ? binding.acceptedBrands.filter((brand): brand is CardBrand => (CARD_BRANDS as readonly unknown[]).includes(brand))
    : null;
  let lifetimeMs: number | null;
  if (issuedAt !== null) lifetimeMs = Math.max(0, expiresAt - issuedAt);
  else lifetimeMs = expiresAt > now ? expiresAt - now : null;
  return {
    ok: true,
    value,
    mode: 'own-fields',
    acceptedBrands: brands && brands.length > 0 ? brands : null,
    holderNameRequired: binding.holderNameRequired !== false,
    lifetimeMs,
  };
}
