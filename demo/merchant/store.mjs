// The sample merchant's storage: SQLite through better-sqlite3. Three tables: the vaultings the
// merchant started (one per "Add card" session, in either card route), the card attempts Antom
// reported for them (relay mode: each attempt is its own vaultingRequestId) and the cards they
// produced. A card row is written once per session, whatever the number of notification
// deliveries or the order in which the relay's answer and the notification arrive; a removed card
// stays removed when a notification is delivered again. The relay's own state (relay-store.mjs)
// lives in the same database file.
import Database from 'better-sqlite3';

/** The card routes a vaulting can take (see server.mjs). */
export const MODES = ['relay', 'direct'];

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
  -- Relay mode: one row per attempt's vaultingRequestId (<session id>, <session id>-2, ...).
  CREATE TABLE IF NOT EXISTS vaulting_attempts (
    vaulting_request_id TEXT PRIMARY KEY,
    session_request_id  TEXT NOT NULL REFERENCES vaultings (vaulting_request_id),
    attempt             INTEGER,
    status              TEXT NOT NULL, -- REDIRECT | PROCESSING | SUCCESS | FAIL (the latest known)
    result_code         TEXT,
    updated_at          TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS attempts_by_session ON vaulting_attempts (session_request_id);
`;

/** Columns added after the first version of the schema: [table, column, definition]. */
const ADDED_COLUMNS = [['vaultings', 'mode', "TEXT NOT NULL DEFAULT 'direct'"]];

/** @param {string} filename a path, or ':memory:' */
export function openStore(filename) {
  const db = new Database(filename);
  db.pragma('foreign_keys = ON');
  if (filename !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  // Databases made before a column existed get it (rows made then were all direct-mode).
  db.transaction(() => {
    for (const [table, column, definition] of ADDED_COLUMNS) {
      const present = db.prepare(`SELECT 1 FROM pragma_table_info('${table}') WHERE name = ?`).get(column);
      if (!present) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    }
  })();

  const insertVaulting = db.prepare(
    `INSERT INTO vaultings (vaulting_request_id, buyer_id, vaulting_session_id, mode, created_at, updated_at)
     VALUES (@id, @buyerId, @sessionId, @mode, @now, @now)`
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
  // A final attempt state (SUCCESS, FAIL) is never replaced by an earlier one arriving late.
  const upsertAttempt = db.prepare(
    `INSERT INTO vaulting_attempts (vaulting_request_id, session_request_id, attempt, status, result_code, updated_at)
     VALUES (@id, @sessionId, @attempt, @status, @resultCode, @now)
     ON CONFLICT (vaulting_request_id) DO UPDATE SET
       status = excluded.status, result_code = excluded.result_code, updated_at = excluded.updated_at,
       attempt = coalesce(vaulting_attempts.attempt, excluded.attempt)
     WHERE vaulting_attempts.status NOT IN ('SUCCESS', 'FAIL')`
  );
  const listAttempts = db.prepare(
    `SELECT vaulting_request_id AS vaultingRequestId, attempt, status, result_code AS resultCode, updated_at AS updatedAt
     FROM vaulting_attempts WHERE session_request_id = ? ORDER BY attempt, vaulting_request_id`
  );

  /**
   * Applies a final outcome of a session once, from a verified notifyVaulting, the relay's answer
   * or an inquiry: {vaultingRequestId (the session's), status: 'SUCCESS' | 'FAIL', resultCode,
   * card?: {cardToken, brand, maskedCardNo}}. Returns 'stored' (a card was added), 'recorded' (a
   * final failure), 'duplicate' (already final: a repeated delivery), 'incomplete' (a SUCCESS
   * without a card token: nothing changes, the notification or an inquiry brings it) or
   * 'unknown' (not a vaulting this merchant started).
   */
  const applyOutcome = db.transaction(({vaultingRequestId: id, status, resultCode, card}) => {
    const vaulting = getVaulting.get(id);
    if (!vaulting) return 'unknown';
    if (vaulting.status !== 'PENDING') return 'duplicate';
    if (status === 'SUCCESS' && !card?.cardToken) return 'incomplete';
    const now = new Date().toISOString();
    finishVaulting.run({id, status, resultCode: resultCode ?? null, now});
    if (status !== 'SUCCESS') return 'recorded';
    insertCard.run({id, buyerId: vaulting.buyer_id, cardToken: card.cardToken, brand: card.brand ?? null, maskedCardNo: card.maskedCardNo ?? null, now});
    return 'stored';
  });

  return {
    /** The better-sqlite3 connection (the relay store shares it). */
    db,
    /** Records a vaulting the merchant just started; `mode` is 'relay' or 'direct'. */
    startVaulting({vaultingRequestId, buyerId, vaultingSessionId, mode = 'direct'}) {
      insertVaulting.run({id: vaultingRequestId, buyerId, sessionId: vaultingSessionId ?? null, mode, now: new Date().toISOString()});
    },
    vaulting(vaultingRequestId) {
      return getVaulting.get(vaultingRequestId) ?? null;
    },
    applyOutcome,
    /**
     * Records what became of one relay attempt ({vaultingRequestId, sessionVaultingRequestId,
     * attempt?, status, resultCode?}); never the card. False when the session is unknown.
     */
    recordAttempt({vaultingRequestId, sessionVaultingRequestId, attempt = null, status, resultCode = null}) {
      if (!getVaulting.get(sessionVaultingRequestId)) return false;
      upsertAttempt.run({id: vaultingRequestId, sessionId: sessionVaultingRequestId, attempt, status, resultCode, now: new Date().toISOString()});
      return true;
    },
    /** A session's attempts, oldest first. */
    attempts(sessionVaultingRequestId) {
      return listAttempts.all(sessionVaultingRequestId);
    },
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
