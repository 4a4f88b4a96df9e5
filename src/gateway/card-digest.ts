import type {CardSecrets} from './bind-card.js';

/**
 * A SHA-256 digest of the card (in memory only, never sent) that tells whether the buyer changed
 * anything since the last attempt; null without WebCrypto (not a secure context: encryption fails
 * next anyway).
 */
export async function cardDigest(card: CardSecrets): Promise<string | null> {
  try {
    const bytes = new TextEncoder().encode(JSON.stringify([card.cardNo, card.expiryMonth, card.expiryYear, card.cvv, card.cardholderName ?? '']));
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    bytes.fill(0);
    return Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}
