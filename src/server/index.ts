/**
 * `antom-card-binding/server`: the merchant server's side of Antom card vaulting (Node only).
 *
 * - {@link AntomClient}: `createVaultingSession`, `inquireVaulting` and `vaultPaymentMethod`, signed
 *   and verified.
 * - {@link createCardBindingRelay}: the merchant route that takes the element's encrypted card and
 *   vaults it with `vaultPaymentMethod` (PCI DSS validated merchants only).
 * - {@link verifyNotification}, {@link parseVaultingNotification}, {@link NOTIFICATION_ACK_BODY}:
 *   receiving notifyVaulting.
 * - The signature primitives, for other Antom APIs and for tests against other implementations.
 */
export {AntomClient, createAntomClient, toSandboxPath, VAULTING_PATHS, type AntomClientOptions} from './client.js';
export {
  NOTIFICATION_ACK,
  NOTIFICATION_ACK_BODY,
  NOTIFICATION_MAX_BODY_BYTES,
  NOTIFICATION_TOLERANCE_SECONDS,
  parseAntomTime,
  headerValue,
  parseVaultingNotification,
  verifyNotification,
  type HeaderSource,
  type IncomingNotification,
  type VerifiedNotification,
  type VerifyNotificationOptions,
} from './notification.js';
export {
  assertSignatureHeader,
  contentToSign,
  formatSignatureHeader,
  importPrivateKey,
  importPublicKey,
  parseSignatureHeader,
  publicKeyToBase64,
  signContent,
  signatureHeaderFor,
  verifyContent,
  type KeyInput,
  type SignatureHeader,
  type SignedContent,
} from './signature.js';
export {
  AntomError,
  AntomFormatError,
  AntomRequestInvalidError,
  AntomResultError,
  AntomSignatureError,
  AntomTransportError,
  type AntomErrorCode,
} from './errors.js';
export {
  VAULTING_STATUSES,
  type AntomResult,
  type CardDetail,
  type CreateVaultingSessionRequest,
  type CreateVaultingSessionResponse,
  type InquireVaultingRequest,
  type InquireVaultingResponse,
  type PaymentMethodDetail,
  type VaultingNotification,
  type VaultingStatus,
  TERMINAL_TYPES,
  type TerminalType,
  type VaultCard,
  type VaultEnv,
  type VaultPaymentMethodRequest,
  type VaultPaymentMethodResponse,
} from './schemas.js';
// The card-binding relay (its own index lists what it exports).
export * from './relay/index.js';
