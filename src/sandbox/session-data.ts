/**
 * Issues `vaultingSessionData` in Antom's four-segment form (reference §6.5):
 * `<base64 64-byte token>&&<region>&&188&&<base64 JSON metadata>`. The metadata carries Antom's
 * `paymentSessionConfig` plus this library's own `cardBinding` extension (see
 * src/session/session-schema.ts), which tells the element where and how to submit the card.
 */
import {randomBytes} from 'node:crypto';
import type {CardBrand} from '../card/types.js';
import type {EncryptionKey, SessionMetadata} from '../session/session-schema.js';

/** Segment 2: its meaning is not public; `188` is the value in Antom's sample. */
const SEGMENT_2 = '188';

export interface SessionDataInput {
  readonly region: string;
  readonly clientId: string;
  readonly submitUrl: string;
  readonly acceptedBrands: readonly CardBrand[] | null;
  readonly holderNameRequired: boolean;
  /** ISO 8601 with offset, second precision. */
  readonly expiryTime: string;
  /**
   * When the session is issued, by the emulator's clock, in the same format: the element measures
   * the session's lifetime as expiryTime - issueTime from when it receives the session.
   */
  readonly issueTime: string;
  readonly encryptionKey: EncryptionKey;
  readonly vaultingSessionId: string;
}

export interface IssuedSession {
  readonly sessionData: string;
  /** Segments 0..2: what the browser sends back to identify the session. */
  readonly credential: string;
}

/**
 * `own` (default): the session this library's own fields read. `antom`: shaped like a real Antom
 * session, without `cardBinding`, which the element renders in hosted mode (Antom's web SDK);
 * the emulator cannot take a card through it (it has no hosted card page), so such a session
 * only serves to show hosted mode against test doubles of Antom's app.
 */
export const SESSION_SHAPES = ['own', 'antom'] as const;
export type SessionShape = (typeof SESSION_SHAPES)[number];

export function issueSessionData(input: SessionDataInput, shape: SessionShape = 'own'): IssuedSession {
  const credential = [randomBytes(64).toString('base64'), input.region, SEGMENT_2].join('&&');
  if (shape === 'antom') {
    const antom = {
      paymentSessionConfig: {paymentMethodCategoryType: 'CARD', productScene: 'VAULTING', productSceneVersion: '1.0'},
      clientId: input.clientId,
      extendInfo: '{}',
    };
    return {sessionData: `${credential}&&${Buffer.from(JSON.stringify(antom), 'utf8').toString('base64')}`, credential};
  }
  const metadata: SessionMetadata = {
    paymentSessionConfig: {paymentMethodCategoryType: 'CARD', productScene: 'VAULTING', productSceneVersion: '1.0'},
    clientId: input.clientId,
    cardBinding: {
      submitUrl: input.submitUrl,
      ...(input.acceptedBrands ? {acceptedBrands: [...input.acceptedBrands]} : {}),
      holderNameRequired: input.holderNameRequired,
      expiryTime: input.expiryTime,
      issueTime: input.issueTime,
      encryptionKey: input.encryptionKey,
      vaultingSessionId: input.vaultingSessionId,
    },
  };
  const metadataSegment = Buffer.from(JSON.stringify(metadata), 'utf8').toString('base64');
  return {sessionData: `${credential}&&${metadataSegment}`, credential};
}

/** A 64-character id (48 random bytes, base64), the length of Antom's sample ids. */
export function newVaultingSessionId(): string {
  return randomBytes(48).toString('base64');
}
