/**
 * What every handler of the emulator's signed API shares: its signature, and the F answers.
 * Messages name fields, never their values.
 */
import type {AntomResult} from '../server/schemas.js';
import type {SandboxContext} from './context.js';
import type {Merchant} from './merchants.js';

/** Runs one endpoint on a verified request's parsed JSON body; returns the answer body. */
export type ApiHandler = (context: SandboxContext, merchant: Merchant, body: unknown) => object;

export const failure = (resultCode: string, resultMessage: string): {result: AntomResult} => ({
  result: {resultCode, resultStatus: 'F', resultMessage},
});

export const paramIllegal = (issues: readonly string[]) => failure('PARAM_ILLEGAL', `Illegal parameters: ${issues.join('; ')}`);
