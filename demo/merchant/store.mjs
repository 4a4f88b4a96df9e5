// The sample merchant's storage: SQLite through better-sqlite3. Two tables: the vaulting attempts
// the merchant started (one per createVaultingSession) and the cards they produced. A card row is
// written once per vaultingRequestId, whatever the number of notification deliveries; a removed
// card stays removed when a notification is delivered again.
import Database from 'better-sqlite3';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS vaultings (
    vaulting_request_id TEXT PRIMARY KEY,
    buyer_id            TEXT NOT NULL,
    vaulting_session_id TEXT,
    status              TEXT NOT NULL DEFAULT 'PENDING', -- PENDING | SUCCESS | FAIL
    result_code         TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS cards (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    buyer_id            TEXT NOT NULL,
    vaulting_request_id TEXT NOT NULL UNIQUE REFERENCES vaultings (vaulting_request_id),
    card_token          TEXT NOT NULL,
    brand               TEXT,
    masked_card_no      TEXT,
    bound_at            TEXT NOT NULL,
    removed_at          TEXT
  );
  CREATE INDEX IF NOT EXISTS cards_by_buyer ON cards (buyer_id, removed_at);
`;

/** @param {string} filename a path, or ':memory:' */
export function openStore(filename) {
  const db = new Database(filename);
  db.pragma('foreign_keys = ON');
  if (filename !== ':memory:') db.pragma('journal_mode = WAL');
  db.exec(SCHEMA);

  const insertVaulting = db.prepare(
    `INSERT INTO vaultings (vaulting_request_id, buyer_id, vaulting_session_id, created_at, updated_at)
     VALUES (@id, @buyerId, @sessionId, @now, @now)`
  );
  const getVaulting = db.prepare('SELECT * FROM vaultings WHERE vaulting_request_id = ?');
  const finishVaulting = db.prepare(
    `UPDATE vaultings SET status = @status, result_code = @resultCode, updated_at = @now
     WHERE vaulting_request_id = @id AND status = 'PENDING'`
  );
  const insertCard = db.prepare(
    `INSERT INTO cards (buyer_id, vaulting_request_id, card_token, brand, masked_card_no, bound_at)
     VALUES (@buyerId, @id, @cardToken, @brand, @maskedCardNo, @now)
     ON CONFLICT (vaulting_request_id) DO NOTHING`
  );
  const listCards = db.prepare(
    `SELECT id, brand, masked_card_no AS maskedCardNo, bound_at AS boundAt, vaulting_request_id AS vaultingRequestId
     FROM cards WHERE buyer_id = ? AND removed_at IS NULL ORDER BY id`
  );
  const removeCard = db.prepare(
    'UPDATE cards SET removed_at = @now WHERE id = @id AND buyer_id = @buyerId AND removed_at IS NULL'
  );

  /**
   * Applies a final outcome once, from a verified notifyVaulting or an inquiry:
   * {vaultingRequestId, status: 'SUCCESS' | 'FAIL', resultCode, card?: {cardToken, brand, maskedCardNo}}.
   * Returns 'stored' (a card was added), 'recorded' (a final failure), 'duplicate' (already final:
   * a repeated delivery) or 'unknown' (not a vaulting this merchant started).
   */
  const applyOutcome = db.transaction(({vaultingRequestId: id, status, resultCode, card}) => {
    const vaulting = getVaulting.get(id);
    if (!vaulting) return 'unknown';
    if (vaulting.status !== 'PENDING') return 'duplicate';
    const now = new Date().toISOString();
    finishVaulting.run({id, status, resultCode: resultCode ?? null, now});
    if (status !== 'SUCCESS' || !card?.cardToken) return 'recorded';
    insertCard.run({id, buyerId: vaulting.buyer_id, cardToken: card.cardToken, brand: card.brand ?? null, maskedCardNo: card.maskedCardNo ?? null, now});
    return 'stored';
  });

  return {
    /** Records a vaulting the merchant just started. */
    startVaulting({vaultingRequestId, buyerId, vaultingSessionId}) {
      insertVaulting.run({id: vaultingRequestId, buyerId, sessionId: vaultingSessionId ?? null, now: new Date().toISOString()});
    },
    vaulting(vaultingRequestId) {
      return getVaulting.get(vaultingRequestId) ?? null;
    },
    applyOutcome,
    /** A buyer's cards, without tokens: what the page may see. */
    cards(buyerId) {
      return listCards.all(buyerId);
    },
    removeCard(buyerId, id) {
      return removeCard.run({id, buyerId, now: new Date().toISOString()}).changes === 1;
    },
    close() {
      db.close();
    },
  };
}
