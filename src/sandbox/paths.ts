/**
 * Paths of the emulator's own (non-Antom) routes, all under `/__sandbox/`: nothing that is not
 * Antom's may look like an Antom (`/ams/...`) path. The submit endpoint is this library's design:
 * the real browser-side protocol is not public.
 */

/** The browser-facing card submit endpoint (absolute URL goes into `cardBinding.submitUrl`). */
export const SUBMIT_CARD_PATH = '/__sandbox/submitCard';

/** The 3-D Secure challenge page: `/__sandbox/3ds/<challenge id>`. */
export const CHALLENGE_PATH_PREFIX = '/__sandbox/3ds/';

/** Debug listing of bindings (emulator only). */
export const BINDINGS_PATH = '/__sandbox/bindings';
