/**
 * The submit path, one lazy chunk loaded on the first submit: the full zod/mini check of the
 * session, encryption and the gateway exchange. Nothing here is needed to render, to type or to
 * time the session, so none of it is in the bytes a page loads before the buyer submits.
 */
export {decodeSession} from '../session/decode-session.js';
export {bindCard} from './bind-card.js';
export {cardDigest} from './card-digest.js';
