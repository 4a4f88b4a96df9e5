// Copies of a real vaultingSessionData with one thing changed, for the catalogue's error stories.
// The last `&&` segment is base64 JSON metadata; `cardBinding` is this library's own extension
// (see README "Session data"). Nothing here is a credential the emulator would accept as new: a
// changed copy either fails in the browser before sending (expired, bad key) or is sent somewhere
// other than the emulator (submitUrl).

function rewrite(sessionData, change) {
  const segments = sessionData.split('&&');
  const metadata = JSON.parse(Buffer.from(segments[3], 'base64').toString('utf8'));
  change(metadata.cardBinding);
  segments[3] = Buffer.from(JSON.stringify(metadata), 'utf8').toString('base64');
  return segments.join('&&');
}

/**
 * The same session with no lifetime left by the gateway's clock: issued and expiring a minute ago.
 * (The element counts a session's lifetime, expiryTime - issueTime, from when it receives it, so
 * an old expiryTime alone would not do: the buyer's clock never decides.)
 */
export function expiredCopy(sessionData) {
  const aMinuteAgo = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  return rewrite(sessionData, (cardBinding) => {
    cardBinding.issueTime = aMinuteAgo;
    cardBinding.expiryTime = aMinuteAgo;
  });
}

/** The same session, sending the card to `submitUrl` instead of the emulator. */
export function withSubmitUrl(sessionData, submitUrl) {
  return rewrite(sessionData, (cardBinding) => {
    cardBinding.submitUrl = submitUrl;
  });
}

/** The same session with a key too short to trust (about 1536 bits): the element refuses it. */
export function withBrokenKey(sessionData) {
  return rewrite(sessionData, (cardBinding) => {
    cardBinding.encryptionKey = {...cardBinding.encryptionKey, n: cardBinding.encryptionKey.n.slice(0, 256)};
  });
}
