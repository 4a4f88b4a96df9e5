/**
 * The browser-facing card submit endpoint: request and reply shapes, as zod/mini schemas.
 *
 * THIS IS THIS LIBRARY'S OWN PROTOCOL, NOT ANTOM'S. The real Antom web SDK hands the card to an
 * Antom-hosted iframe whose network protocol is not public (reference §9.9, §14). The local
 * sandbox emulator implements this small design, and the element speaks it to whatever URL the
 * session metadata names in `cardBinding.submitUrl`.
 *
 * Pure and browser-safe: zod/mini only, no Node or DOM imports.
 *
 * Exchange: `POST <submitUrl>` with `Content-Type: application/json`, an `Idempotency-Key` header
 * and a {@link SubmitCardRequest} body. Two servers speak it: the merchant's own relay route
 * (`createCardBindingRelay` in the server helper, which vaults the card with Antom's
 * vaultPaymentMethod) and the local sandbox emulator's direct endpoint (demos and tests). The session is the only credential (no merchant secret in
 * the browser). The card travels as a compact JWE (RSA-OAEP-256 + A256GCM, RFC 7516) encrypted to
 * the session's `cardBinding.encryptionKey`; its plaintext is a {@link CardPlaintext}.
 */
import * as z from 'zod/mini';

/** Header carrying the client's idempotency key (1-255 visible ASCII characters). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JWE algorithms: key wrap and content encryption. */
export const JWE_ALG = 'RSA-OAEP-256';
export const JWE_ENC = 'A256GCM';

/** The JWE protected header. */
export const jweProtectedHeaderSchema = z.looseObject({
  alg: z.literal(JWE_ALG),
  enc: z.literal(JWE_ENC),
  kid: z.optional(z.string().check(z.maxLength(128))),
});

/** What the browser encrypts: the card as typed, digits only, two-digit month and year. */
export const cardPlaintextSchema = z.object({
  cardNo: z.string().check(z.regex(/^\d{12,19}$/)),
  expiryMonth: z.string().check(z.regex(/^(0[1-9]|1[0-2])$/)),
  expiryYear: z.string().check(z.regex(/^\d{2}$/)),
  cvv: z.string().check(z.regex(/^\d{3,4}$/)),
  cardholderName: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
});

/** Compact JWE: five base64url parts; the encrypted key and ciphertext must not be empty. */
const COMPACT_JWE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Non-sensitive facts about the buyer's browser that 3-D Secure and risk checks ask for (Antom's
 * `env`: colorDepth, screenHeight, screenWidth, timeZoneOffset, browserInfo.language). Sent in
 * clear beside the encrypted card; every field is optional, and a receiver drops what it cannot
 * use rather than refuse the card.
 */
export const browserEnvSchema = z.looseObject({
  screenWidth: z.optional(z.int().check(z.minimum(0), z.maximum(100_000))),
  screenHeight: z.optional(z.int().check(z.minimum(0), z.maximum(100_000))),
  colorDepth: z.optional(z.int().check(z.minimum(0), z.maximum(64))),
  /** Minutes, with the sign of `Date.prototype.getTimezoneOffset` (UTC+2 is -120). */
  timeZoneOffset: z.optional(z.int().check(z.minimum(-840), z.maximum(720))),
  /** `navigator.language`, a BCP 47 tag. */
  language: z.optional(z.string().check(z.maxLength(35))),
});

export const submitCardRequestSchema = z.object({
  /** Segments 0..2 of `vaultingSessionData` joined by `&&` (the metadata segment left off). */
  vaultingSessionData: z.string().check(z.minLength(1), z.maxLength(4096)),
  encryptedCard: z.string().check(z.maxLength(8192), z.regex(COMPACT_JWE)),
  /** Not validated with the rest: see {@link browserEnvSchema}. */
  browser: z.optional(z.unknown()),
});

/** The same three-field `result` object as every Antom API (reference §5). */
export const submitResultSchema = z.looseObject({
  resultCode: z.string().check(z.maxLength(64)),
  resultStatus: z.enum(['S', 'F', 'U']),
  resultMessage: z.string().check(z.maxLength(256)),
});

/**
 * Result codes this library's endpoint adds to Antom's. Antom codes also used: `SUCCESS`,
 * `PARAM_ILLEGAL`, `VERIFICATION_IN_PROCESS`, `UNKNOWN_EXCEPTION` and the decline codes of
 * reference §10.2 (DO_NOT_HONOR, CARD_EXPIRED, ...).
 */
export const SUBMIT_RESULT_CODES = {
  /** The session credential is unknown (never issued, or forgotten by the emulator). */
  SESSION_NOT_FOUND: 'SESSION_NOT_FOUND',
  /** The session's expiry time has passed; the merchant must create a new session. */
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  /**
   * The session takes no more attempts: a card was bound, is in 3-D Secure or processing, or the
   * session reached its limit of declined attempts (the sandbox: 5).
   */
  SESSION_ALREADY_USED: 'SESSION_ALREADY_USED',
  /** The page's origin is not in the merchant's allowed origins. */
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  /** The binding is under way; the outcome reaches the merchant server by notifyVaulting. */
  PROCESSING: 'PROCESSING',
  /** The Idempotency-Key was used before with another card: refused, never answered with that card's outcome (HTTP 422). */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
} as const;

/** The `result` of a PROCESSING reply (the emulator's and the relay's alike). */
export const PROCESSING_RESULT = {
  resultCode: SUBMIT_RESULT_CODES.PROCESSING,
  resultStatus: 'U',
  resultMessage: 'The binding is being processed; the merchant server learns the outcome from notifyVaulting.',
} as const;

/** The `result` of a REDIRECT reply: the buyer must complete 3-D Secure. */
export const VERIFICATION_IN_PROCESS_RESULT = {
  resultCode: 'VERIFICATION_IN_PROCESS',
  resultStatus: 'U',
  resultMessage: 'The buyer must complete 3-D Secure.',
} as const;

const cardSummarySchema = z.looseObject({
  brand: z.string().check(z.maxLength(32)),
  maskedCardNo: z.string().check(z.maxLength(64)),
});

const redirectSchema = z.object({
  url: z.url({protocol: /^https?$/}),
  method: z.enum(['GET', 'POST']),
  /** Form fields to POST when method is POST. */
  fields: z.optional(z.record(z.string(), z.string())),
});

/**
 * The reply, told apart by `status`:
 * - `SUCCESS`: the card is bound (result S SUCCESS);
 * - `FAIL`: this attempt was declined, `result.resultCode` says why (e.g. DO_NOT_HONOR); the
 *   session may take another attempt, with a new idempotency key, until its limit of declined
 *   attempts (then `SESSION_ALREADY_USED`) or its expiry;
 * - `PROCESSING`: accepted, outcome pending (result U PROCESSING); treat as pending success;
 * - `REDIRECT`: 3-D Secure; send the buyer to `redirect` (result U VERIFICATION_IN_PROCESS);
 * - `ERROR`: nothing was bound and the session is not used up (bad request, unknown, expired or
 *   used session, gateway error U UNKNOWN_EXCEPTION: retry later with the same idempotency key).
 */
export const submitCardReplySchema = z.discriminatedUnion('status', [
  z.looseObject({
    status: z.literal('SUCCESS'),
    result: submitResultSchema,
    vaultingSessionId: z.string(),
    paymentMethodDetail: z.looseObject({card: cardSummarySchema}),
  }),
  z.looseObject({
    status: z.literal('FAIL'),
    result: submitResultSchema,
    vaultingSessionId: z.string(),
    paymentMethodDetail: z.optional(z.looseObject({card: cardSummarySchema})),
  }),
  z.looseObject({status: z.literal('PROCESSING'), result: submitResultSchema, vaultingSessionId: z.string()}),
  z.looseObject({
    status: z.literal('REDIRECT'),
    result: submitResultSchema,
    vaultingSessionId: z.string(),
    redirect: redirectSchema,
  }),
  z.looseObject({status: z.literal('ERROR'), result: submitResultSchema}),
]);

export type JweProtectedHeader = z.infer<typeof jweProtectedHeaderSchema>;
export type CardPlaintext = z.infer<typeof cardPlaintextSchema>;
export type BrowserEnv = z.infer<typeof browserEnvSchema>;
export type SubmitCardRequest = z.infer<typeof submitCardRequestSchema>;
export type SubmitResult = z.infer<typeof submitResultSchema>;
export type SubmitCardReply = z.infer<typeof submitCardReplySchema>;
export type SubmitStatus = SubmitCardReply['status'];
