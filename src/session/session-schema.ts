/**
 * zod/mini schema of the metadata segment of `vaultingSessionData`.
 *
 * Known protocol (reference §6.5): the value is four segments joined by `&&`; segment 3 is base64
 * (UTF-8) JSON read by the client; `paymentSessionConfig` must say VAULTING + CARD, version 1.0.
 *
 * Unknown protocol: what the real Antom metadata tells a browser about *where* to send the card and
 * *how* to encrypt it is not public (the real SDK hands the card to an Antom-hosted iframe). This
 * library therefore defines its own small extension, `cardBinding`, which the local sandbox
 * emulator issues. It is this library's design, not Antom's, and is kept to the few fields the
 * element needs.
 */
import * as z from 'zod/mini';
import {CARD_BRANDS} from '../card/types.js';

/** An RSA public key as a JWK, used with RSA-OAEP-256 to encrypt the card in the browser. */
export const encryptionKeySchema = z.looseObject({
  kty: z.literal('RSA'),
  n: z.string().check(z.minLength(256)),
  e: z.string().check(z.minLength(1)),
  alg: z.optional(z.literal('RSA-OAEP-256')),
  kid: z.optional(z.string().check(z.maxLength(128))),
});

// Plain string checks instead of z.url()/z.iso.datetime(): those pull several kilobytes of zod
// into the browser bundle for what two small refinements do.
const httpUrl = z.string().check(
  z.maxLength(2048),
  z.refine((value) => {
    try {
      return /^https?:$/.test(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL')
);
const ISO_DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isoDateTime = z.string().check(
  z.refine((value) => ISO_DATE_TIME_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value)), 'must be ISO 8601 with an offset')
);

/** This library's own extension (see the module comment). */
export const cardBindingConfigSchema = z.looseObject({
  /** Browser-facing endpoint that takes the encrypted card (http(s) URL). */
  submitUrl: httpUrl,
  /** Brands the merchant may vault; absent means every brand the element knows. */
  acceptedBrands: z.optional(z.array(z.enum(CARD_BRANDS)).check(z.minLength(1))),
  /** Whether the cardholder name must be given (default true). */
  holderNameRequired: z.optional(z.boolean()),
  /** When the session stops being usable: ISO 8601 with offset. */
  expiryTime: isoDateTime,
  /**
   * When the gateway issued it, by the same clock as expiryTime (optional): the element measures
   * the session's lifetime (expiryTime - issueTime) from when it received it, never by the
   * buyer's clock.
   */
  issueTime: z.optional(isoDateTime),
  encryptionKey: encryptionKeySchema,
  /** Antom's id of the session, echoed back to the host page in `bound`. */
  vaultingSessionId: z.optional(z.string().check(z.maxLength(64))),
});

export const sessionMetadataSchema = z.looseObject({
  paymentSessionConfig: z.looseObject({
    paymentMethodCategoryType: z.literal('CARD'),
    productScene: z.literal('VAULTING'),
    productSceneVersion: z.literal('1.0'),
  }),
  clientId: z.optional(z.string()),
  cardBinding: cardBindingConfigSchema,
});

export type SessionMetadata = z.infer<typeof sessionMetadataSchema>;
export type CardBindingConfig = z.infer<typeof cardBindingConfigSchema>;
export type EncryptionKey = z.infer<typeof encryptionKeySchema>;
