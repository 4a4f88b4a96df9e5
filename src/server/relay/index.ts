/** The card-binding relay: the merchant route between the element and Antom's vaultPaymentMethod. */
export {
  createCardBindingRelay,
  CardBindingRelayConfigError,
  type CardBindingRelay,
  type CardBindingRelayOptions,
  type CreateRelaySessionOptions,
  type RelayAttempt,
  type RelayOutcome,
  type RelayRequest,
  type RelayResponse,
  type RelaySession,
  type RelaySessionStatus,
  type RelaySessionState,
  type RelayResultInput,
} from './relay.js';
export {MemoryRelayStore, type RelayStore} from './store.js';
export {RELAY_RESULT_CODES} from './answers.js';
