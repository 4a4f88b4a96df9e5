/** The 4096-character limit of `vaultingSessionData` in createVaultingSession's response. */
export const MAX_SESSION_DATA_LENGTH = 4096;

/** A base64 segment, either alphabet, optionally padded. */
export const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Segment 3 of `vaultingSessionData`: base64 (either alphabet) of UTF-8 JSON. Shared (with the two
 * constants above) by the zod-free first reading (read-session.ts) and the full check on submit (decode-session.ts), so
 * the two can never disagree about what the segment says. Throws on anything else.
 */
export function parseBase64Json(text: string): unknown {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
}
