/**
 * A merchant's notification endpoint as an integrator would write it with the helper: verify the
 * signature on the raw body, parse, store idempotently by vaultingRequestId, acknowledge. It can
 * be told to fail its first N attempts.
 */
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {
  NOTIFICATION_ACK_BODY,
  parseVaultingNotification,
  verifyNotification,
  type KeyInput,
  type VaultingNotification,
} from '../../../src/server/index.js';

export interface MerchantEndpoint {
  readonly url: string;
  /** Stored notifications by vaultingRequestId: each stored exactly once. */
  readonly stored: Map<string, VaultingNotification>;
  /** How many times each id was written to the store (must stay 1). */
  readonly storeWrites: Map<string, number>;
  /** Every request received, including the refused ones. */
  readonly requests: {readonly at: number; readonly status: number}[];
  close(): Promise<void>;
}

export async function startMerchantEndpoint(options: {
  readonly antomPublicKey: KeyInput;
  readonly clientId: string;
  /** Answer HTTP 500 to the first N requests. */
  readonly failFirst?: number;
  /** Those failures happen after the notification was verified and stored (a crash before the ack). */
  readonly failAfterStore?: boolean;
  readonly path?: string;
}): Promise<MerchantEndpoint> {
  const stored = new Map<string, VaultingNotification>();
  const storeWrites = new Map<string, number>();
  const requests: {at: number; status: number}[] = [];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (status: number, body: string) => {
        requests.push({at: Date.now(), status});
        response.writeHead(status, {'content-type': 'application/json'}).end(body);
      };
      const failing = requests.length < (options.failFirst ?? 0);
      if (failing && !options.failAfterStore) {
        answer(500, '{"error":"temporarily unavailable"}');
        return;
      }
      const rawBody = Buffer.concat(chunks);
      try {
        verifyNotification(
          {method: request.method ?? 'POST', path: request.url ?? '/', headers: request.headers, rawBody},
          {antomPublicKey: options.antomPublicKey, clientId: options.clientId},
        );
      } catch {
        answer(401, '{"error":"bad signature"}');
        return;
      }
      const notification = parseVaultingNotification(rawBody);
      if (!stored.has(notification.vaultingRequestId)) {
        stored.set(notification.vaultingRequestId, notification);
        storeWrites.set(notification.vaultingRequestId, (storeWrites.get(notification.vaultingRequestId) ?? 0) + 1);
      }
      if (failing) answer(500, '{"error":"crashed before acknowledging"}');
      else answer(200, NOTIFICATION_ACK_BODY);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.path ?? '/antom/notify?source=vaulting'}`,
    stored,
    storeWrites,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
