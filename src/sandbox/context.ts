/**
 * What every route of the emulator shares: settings, keys, merchants, the binding store, the
 * notifier and the timers to cancel on close.
 */
import type {KeyObject} from 'node:crypto';
import type {EncryptionKey} from '../session/session-schema.js';
import type {CardDecryptionKey} from '../server/card-jwe.js';
import type {MerchantRegistry} from './merchants.js';
import type {Notifier} from './notifier.js';
import type {ResolvedSettings} from './options.js';
import type {BindingStore} from './store.js';

export interface CardEncryptionKey extends CardDecryptionKey {
  /** The public half as published in session metadata. */
  readonly jwk: EncryptionKey;
}

export interface SandboxContext {
  /** `http://127.0.0.1:<port>`, known once listening. */
  baseUrl: string;
  readonly settings: ResolvedSettings;
  readonly signingKey: KeyObject;
  readonly cardKey: CardEncryptionKey;
  readonly merchants: MerchantRegistry;
  readonly store: BindingStore;
  readonly notifier: Notifier;
  readonly timers: Set<NodeJS.Timeout>;
}

/** Runs `task` after `delayMs` unless the sandbox closes first. Returns a function that cancels it. */
export function schedule(context: SandboxContext, delayMs: number, task: () => void): () => void {
  const timer = setTimeout(() => {
    context.timers.delete(timer);
    task();
  }, delayMs);
  context.timers.add(timer);
  return () => {
    clearTimeout(timer);
    context.timers.delete(timer);
  };
}
