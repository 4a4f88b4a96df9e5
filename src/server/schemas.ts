/**
 * zod/mini schemas of the vaulting API bodies (reference §5-§8.1), shared by the merchant client
 * (requests out, responses in) and the sandbox emulator (requests in). Limits are the documented
 * maximum lengths. Inbound Antom bodies are loose objects: fields Antom adds later pass through.
 */
import * as z from 'zod/mini';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const httpUrl = (max: number) => z.url({protocol: /^https?$/}).check(z.maxLength(max));

export const resultSchema = z.looseObject({
  resultCode: z.string().check(z.maxLength(64)),
  resultStatus: z.enum(['S', 'F', 'U']),
  resultMessage: z.optional(z.string().check(z.maxLength(256))),
});

export const createVaultingSessionRequestSchema = z.object({
  /** AMS: always `CARD`. */
  paymentMethodType: text(64),
  /** Merchant-unique id of this binding attempt; repeating it is idempotent. */
  vaultingRequestId: text(64),
  vaultingNotificationUrl: httpUrl(2048),
  redirectUrl: z.optional(httpUrl(2048)),
  /** ISO 3166 alpha-2. */
  merchantRegion: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  /** The SDKs send a boolean, the docs ask for strings; both are accepted (reference §14 q5). */
  is3DSAuthentication: z.optional(z.union([z.boolean(), z.enum(['true', 'false'])])),
  passThroughMetadata: z.optional(text(2048)),
});

export const createVaultingSessionResponseSchema = z.looseObject({
  result: resultSchema,
  vaultingSessionData: text(4096),
  vaultingSessionId: text(64),
  vaultingSessionExpiryTime: z.iso.datetime({offset: true}),
  normalUrl: z.optional(z.string()),
});

export const inquireVaultingRequestSchema = z.object({
  vaultingRequestId: text(64),
  merchantAccountId: z.optional(text(64)),
});

export const cardDetailSchema = z.looseObject({
  cardToken: z.optional(z.string().check(z.maxLength(2048))),
  maskedCardNo: z.optional(z.string().check(z.maxLength(64))),
  brand: z.optional(z.string()),
});

export const paymentMethodDetailSchema = z.looseObject({
  paymentMethodType: z.string(),
  card: z.optional(cardDetailSchema),
});

export const VAULTING_STATUSES = ['SUCCESS', 'FAIL', 'PROCESSING'] as const;

export const inquireVaultingResponseSchema = z.looseObject({
  result: resultSchema,
  vaultingRequestId: z.string(),
  vaultingStatus: z.enum(VAULTING_STATUSES),
  paymentMethodDetail: z.optional(paymentMethodDetailSchema),
  normalUrl: z.optional(z.string()),
  schemeUrl: z.optional(z.string()),
  applinkUrl: z.optional(z.string()),
  vaultingResultCode: z.optional(z.string()),
  vaultingResultMessage: z.optional(z.string()),
  metadata: z.optional(z.string()),
});

export const vaultingNotificationSchema = z.looseObject({
  result: resultSchema,
  vaultingRequestId: text(64),
  paymentMethodDetail: z.optional(paymentMethodDetailSchema),
  vaultingStatus: z.optional(z.enum(VAULTING_STATUSES)),
  vaultingCreateTime: z.optional(z.string()),
  notifyType: z.optional(z.string()),
  metadata: z.optional(z.string()),
});

export type AntomResult = z.infer<typeof resultSchema>;
export type CreateVaultingSessionRequest = z.input<typeof createVaultingSessionRequestSchema>;
export type CreateVaultingSessionResponse = z.infer<typeof createVaultingSessionResponseSchema>;
export type InquireVaultingRequest = z.input<typeof inquireVaultingRequestSchema>;
export type InquireVaultingResponse = z.infer<typeof inquireVaultingResponseSchema>;
export type CardDetail = z.infer<typeof cardDetailSchema>;
export type PaymentMethodDetail = z.infer<typeof paymentMethodDetailSchema>;
export type VaultingStatus = (typeof VAULTING_STATUSES)[number];
export type VaultingNotification = z.infer<typeof vaultingNotificationSchema>;

/** Readable one-line descriptions of zod issues: `field: problem`. Never includes the input. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.slice(0, 10).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
    return `${where}: ${describeIssue(issue)}`;
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `missing or not a ${issue.expected}`;
    case 'too_big':
      return `longer than ${String(issue.maximum)}`;
    case 'too_small':
      return Number(issue.minimum) === 1 ? 'must not be empty' : `shorter than ${String(issue.minimum)}`;
    case 'invalid_format':
      return `not a valid ${issue.format}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.code.replace(/_/g, ' ');
  }
}
