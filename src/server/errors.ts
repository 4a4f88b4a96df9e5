/**
 * Typed errors of the merchant helper. Each has a stable `code` to switch on; messages never
 * contain keys, signatures or card data.
 */

export type AntomErrorCode =
  | 'REQUEST_INVALID'
  | 'TRANSPORT_FAILED'
  | 'SIGNATURE_INVALID'
  | 'RESPONSE_INVALID'
  | 'NOTIFICATION_INVALID'
  | 'RESULT_FAILED'
  | 'RESULT_UNKNOWN';

/** Base class of every error the helper throws on purpose. */
export abstract class AntomError extends Error {
  abstract readonly code: AntomErrorCode;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The request did not pass the documented field limits; nothing was sent. */
export class AntomRequestInvalidError extends AntomError {
  readonly code = 'REQUEST_INVALID';
  constructor(readonly issues: readonly string[]) {
    super(`Request is invalid: ${issues.join('; ')}`);
  }
}

/** The gateway could not be reached, timed out, or answered with an HTTP status other than 200. */
export class AntomTransportError extends AntomError {
  readonly code = 'TRANSPORT_FAILED';
  constructor(
    message: string,
    /** The HTTP status when there was an answer. */
    readonly httpStatus?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A response or notification signature is missing, malformed, or does not verify. */
export class AntomSignatureError extends AntomError {
  readonly code = 'SIGNATURE_INVALID';
}

/** A response or notification body is not the documented shape. */
export class AntomFormatError extends AntomError {
  constructor(
    readonly code: 'RESPONSE_INVALID' | 'NOTIFICATION_INVALID',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Antom answered, signed, with `result.resultStatus` F (code `RESULT_FAILED`: fix the request or
 * give up) or U (code `RESULT_UNKNOWN`: call again with the same request id).
 */
export class AntomResultError extends AntomError {
  readonly code: 'RESULT_FAILED' | 'RESULT_UNKNOWN';
  constructor(
    readonly resultStatus: 'F' | 'U',
    readonly resultCode: string,
    readonly resultMessage: string,
  ) {
    super(`Antom answered ${resultStatus} ${resultCode}: ${resultMessage}`);
    this.code = resultStatus === 'F' ? 'RESULT_FAILED' : 'RESULT_UNKNOWN';
  }
}
