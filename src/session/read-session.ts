/**
 * The first, zod-free reading of `vaultingSessionData`: enough to render the form, narrow the
 * brands and run the expiry timer the moment the session arrives. The full zod/mini validation
 * (decode-session.ts) runs on submit, in the submit path's lazy chunk, so a page with a session
 * never loads zod before the buyer presses "Add card".
 *
 * It also tells integration mistakes apart (a non-string value, the whole createVaultingSession
 * answer) and which way of rendering and submitting the session asks for (`mode`). A refusal
 * names its reason as a key; the words for developers (session-problems.ts) load with the alert
 * views, which a refused session needs anyway, so they cost the entry nothing.
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

/** Why the first reading refused a session (see describeSessionProblem for the words). */
export type SessionProblemKey =
  | 'whole_answer'
  | 'not_string'
  | 'too_long'
  | 'segments'
  | 'not_base64'
  | 'not_json'
  | 'no_config'
  | 'not_vaulting'
  | 'binding_fields'
  | 'expiry_time'
  | 'issue_time';

export interface SessionProblem {
  readonly ok: false;
  readonly code: 'session_malformed';
  /** For developers (`error.detail.message` and the console, never the buyer), as a key. */
  readonly problem: SessionProblemKey;
  /** What was found instead, where that helps: the value's type, the segment count. */
  readonly found?: string | number;
}

export type SessionReadResult = SessionReading | SessionProblem;


function problem(key: SessionProblemKey, found?: string | number): SessionProblem {
  return {ok: false, code: 'session_malformed', problem: key, found};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function time(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

/** A value that is not a string: the usual slip (the whole answer object) has a key of its own. */
function notAString(value: unknown): SessionProblem {
  if (isObject(value) && typeof value.vaultingSessionData === 'string') return problem('whole_answer');
  return problem('not_string', Array.isArray(value) ? 'an array' : typeof value);
}

/**
 * @param now the buyer's clock, used only when the session carries no `issueTime`
 */
export function readSession(value: unknown, now: number = Date.now()): SessionReadResult {
  if (typeof value !== 'string') return notAString(value);
  if (value.length > MAX_SESSION_DATA_LENGTH) return problem('too_long');
  const segments = value.trim().split('&&');
  if (segments.length !== 4) return problem('segments', segments.length);
  const metadataText = segments[3]!;
  if (!segments[0] || !BASE64.test(metadataText)) return problem('not_base64');
  let metadata: unknown;
  try {
    metadata = parseBase64Json(metadataText);
  } catch {
    return problem('not_json');
  }
  if (!isObject(metadata) || !isObject(metadata.paymentSessionConfig)) return problem('no_config');
  const config = metadata.paymentSessionConfig;
  if (config.productScene !== 'VAULTING' || config.paymentMethodCategoryType !== 'CARD') {
    return problem('not_vaulting');
  }
  const binding = metadata.cardBinding;
  if (binding === undefined) {
    // An Antom session: Antom's own web SDK renders it (hosted mode, src/hosted). Its lifetime
    // and brands are Antom's business; the SDK checks the rest when it mounts.
    const sandbox = typeof metadata.clientId === 'string' && metadata.clientId.startsWith('SANDBOX_');
    return {ok: true, value, mode: 'hosted', acceptedBrands: null, holderNameRequired: true, lifetimeMs: null, ...(sandbox ? {environment: 'sandbox'} : {})};
  }
  if (!isObject(binding) || typeof binding.submitUrl !== 'string' || !isObject(binding.encryptionKey)) {
    return problem('binding_fields');
  }
  const expiresAt = time(binding.expiryTime);
  if (expiresAt === null) return problem('expiry_time');
  const issuedAt = binding.issueTime === undefined ? null : time(binding.issueTime);
  if (binding.issueTime !== undefined && issuedAt === null) return problem('issue_time');

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
