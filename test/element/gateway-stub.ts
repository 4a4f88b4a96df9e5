/**
 * A stand-in gateway for element tests: replaces window.fetch for the submit URL only and answers
 * with a scripted reply (or holds the answer until released), recording every call.
 */
export interface GatewayStub {
  readonly calls: number;
  /** Resolves the held answer (when created with `hold: true`). */
  release(): void;
  restore(): void;
}

export function stubGateway(status: number, body: unknown, options: {hold?: boolean} = {}): GatewayStub {
  const original = window.fetch;
  let calls = 0;
  let release: () => void = () => {};
  const held = options.hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  window.fetch = async (resource: RequestInfo | URL, init?: RequestInit) => {
    const url = String(resource);
    if (!url.includes('/__sandbox/submitCard')) return original(resource, init);
    calls++;
    await held;
    return new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});
  };
  return {
    get calls() {
      return calls;
    },
    release: () => release(),
    restore: () => (window.fetch = original),
  };
}

const RESULT = (resultCode: string, resultStatus: 'S' | 'F' | 'U') => ({resultCode, resultStatus, resultMessage: 'm'});

export const REPLIES = {
  success: [200, {status: 'SUCCESS', result: RESULT('SUCCESS', 'S'), vaultingSessionId: 'VS_TEST_1', paymentMethodDetail: {card: {brand: 'VISA', maskedCardNo: '************4242'}}}],
  declined: [200, {status: 'FAIL', result: RESULT('DO_NOT_HONOR', 'F'), vaultingSessionId: 'VS_TEST_1'}],
  processing: [200, {status: 'PROCESSING', result: RESULT('PROCESSING', 'U'), vaultingSessionId: 'VS_TEST_1'}],
  gatewayRetryable: [500, {status: 'ERROR', result: RESULT('UNKNOWN_EXCEPTION', 'U')}],
  gatewayFinal: [400, {status: 'ERROR', result: RESULT('PARAM_ILLEGAL', 'F')}],
  used: [409, {status: 'ERROR', result: RESULT('SESSION_ALREADY_USED', 'F')}],
  expired: [410, {status: 'ERROR', result: RESULT('SESSION_EXPIRED', 'F')}],
} as const satisfies Record<string, readonly [number, unknown]>;
