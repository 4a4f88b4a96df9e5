/**
 * zod/mini schemas of the vaulting API bodies (reference §5-§8.1), shared by the merchant client
 * (requests out, responses in) and the sandbox emulator (requests in). Limits are the documented
 * maximum lengths. Every body is a loose object: fields Antom documents later pass through, in
 * requests (a merchant can send a new field before this library knows it) and in answers.
 */
import * as z from 'zod/mini';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const httpUrl = (max: number) => z.url({protocol: /^https?$/}).check(z.maxLength(max));

export const resultSchema = z.looseObject({
  resultCode: z.string().check(z.maxLength(64)),
  resultStatus: z.enum(['S', 'F', 'U']),
  resultMessage: z.optional(z.string().check(z.maxLength(256))),
});

export const createVaultingSessionRequestSchema = z.looseObject({
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

export const inquireVaultingRequestSchema = z.looseObject({
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
  /** "Returned when result.resultStatus is S" (reference A2): not marked required, so optional here. */
  vaultingStatus: z.optional(z.enum(VAULTING_STATUSES)),
  paymentMethodDetail: z.optional(paymentMethodDetailSchema),
  normalUrl: z.optional(z.string()),
  schemeUrl: z.optional(z.string()),
  applinkUrl: z.optional(z.string()),
  vaultingResultCode: z.optional(z.string()),
  vaultingResultMessage: z.optional(z.string()),
  metadata: z.optional(z.string()),
});

/** Antom's `UserName` (J model/ams/UserName.java). The limits are not published: ours are a guess. */
export const userNameSchema = z.looseObject({
  firstName: z.optional(text(128)),
  middleName: z.optional(text(128)),
  lastName: z.optional(text(128)),
  fullName: z.optional(text(256)),
});

/**
 * The card of a vaultPaymentMethod request (reference antom-production §2.1; J
 * model/ams/CardPaymentMethodDetail.java): two-digit month and year, as in Antom's sample.
 */
export const vaultCardSchema = z.looseObject({
  cardNo: z.string().check(z.regex(/^\d{8,32}$/)),
  expiryMonth: z.string().check(z.regex(/^(0[1-9]|1[0-2])$/)),
  expiryYear: z.string().check(z.regex(/^\d{2}$/)),
  cvv: z.optional(z.string().check(z.regex(/^\d{3,4}$/))),
  brand: z.optional(text(32)),
  cardholderName: z.optional(userNameSchema),
  billingAddress: z.optional(z.looseObject({region: z.optional(text(2))})),
  is3DSAuthentication: z.optional(z.boolean()),
});

/** `TerminalType` (J model/ams/TerminalType.java). */
export const TERMINAL_TYPES = ['WEB', 'WAP', 'APP', 'MINI_APP'] as const;

/** Browser details for 3-D Secure and risk checks (J model/ams/BrowserInfo.java). */
export const browserInfoSchema = z.looseObject({
  acceptHeader: z.optional(z.string().check(z.maxLength(2048))),
  javaEnabled: z.optional(z.boolean()),
  javaScriptEnabled: z.optional(z.boolean()),
  language: z.optional(z.string().check(z.maxLength(64))),
  userAgent: z.optional(z.string().check(z.maxLength(2048))),
});

/**
 * `env` (J model/ams/Env.java): colour depth and screen size are strings there, the time-zone
 * offset an integer in minutes with the sign of `Date.prototype.getTimezoneOffset` (the model says
 * -720..720; real zones run from UTC+14, -840, to UTC-12, 720, so those are the bounds here).
 */
export const envSchema = z.looseObject({
  terminalType: z.enum(TERMINAL_TYPES),
  osType: z.optional(text(64)),
  userAgent: z.optional(z.string().check(z.maxLength(2048))),
  clientIp: z.optional(text(64)),
  browserInfo: z.optional(browserInfoSchema),
  colorDepth: z.optional(z.string().check(z.regex(/^\d{1,3}$/))),
  screenHeight: z.optional(z.string().check(z.regex(/^\d{1,6}$/))),
  screenWidth: z.optional(z.string().check(z.regex(/^\d{1,6}$/))),
  timeZoneOffset: z.optional(z.int().check(z.minimum(-840), z.maximum(720))),
  deviceLanguage: z.optional(text(64)),
  deviceId: z.optional(text(64)),
  deviceTokenId: z.optional(text(64)),
});

/** vaultPaymentMethod request (reference antom-production §2.1): the merchant server sends the card. */
export const vaultPaymentMethodRequestSchema = z.looseObject({
  vaultingRequestId: text(64),
  vaultingNotificationUrl: httpUrl(2048),
  /** Required here (unlike createVaultingSession): where the buyer lands after 3-D Secure. */
  redirectUrl: httpUrl(2048),
  merchantRegion: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  merchantAccountId: z.optional(text(64)),
  paymentMethodDetail: z.looseObject({
    paymentMethodType: text(64),
    card: vaultCardSchema,
  }),
  env: envSchema,
  /** Echoed in notifyVaulting (reference antom-vaulting §7). */
  metadata: z.optional(text(2048)),
});

/**
 * vaultPaymentMethod answer, whatever its `result.resultStatus`: S carries
 * `paymentMethodDetail.card.cardToken`; U `VERIFICATION_IN_PROCESS` carries the 3-D Secure URL in
 * `normalUrl` (or `schemeUrl` / `applinkUrl` for apps).
 */
export const vaultPaymentMethodResponseSchema = z.looseObject({
  result: resultSchema,
  vaultingRequestId: z.optional(z.string()),
  paymentMethodDetail: z.optional(paymentMethodDetailSchema),
  normalUrl: z.optional(z.string().check(z.maxLength(2048))),
  schemeUrl: z.optional(z.string().check(z.maxLength(2048))),
  applinkUrl: z.optional(z.string().check(z.maxLength(2048))),
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
export type VaultCard = z.input<typeof vaultCardSchema>;
export type VaultEnv = z.input<typeof envSchema>;
export type TerminalType = (typeof TERMINAL_TYPES)[number];
export type VaultPaymentMethodRequest = z.input<typeof vaultPaymentMethodRequestSchema>;
export type VaultPaymentMethodResponse = z.infer<typeof vaultPaymentMethodResponseSchema>;

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
