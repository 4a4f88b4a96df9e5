// The relay's state in the merchant's SQLite database (a `RelayStore` for createCardBindingRelay):
// one table of keys with a value and an expiry. The relay keeps sessions, attempts and replies
// there (never card data), so sessions survive a restart of the app and two processes sharing the
// file never bind one session twice: compare-and-set is a single SQL statement. Rows past their
// expiry count as absent and are purged now and then.
//
//   relay_state(key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL)  -- ms since epoch

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS relay_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS relay_state_by_expiry ON relay_state (expires_at);
`;

/** Expired rows are deleted after this many writes (and once when the store opens). */
const PURGE_EVERY = 200;

/**
 * @param {import('better-sqlite3').Database} db an open better-sqlite3 connection (the app's)
 * @param {{now?: () => number}} [options] clock in ms (tests)
 * @returns {{get(key: string): string | null, compareAndSet(key: string, expected: string | null, next: string, ttlSeconds: number): boolean, purge(): number}}
 */
export function openRelayStore(db, {now = Date.now} = {}) {
  db.exec(SCHEMA);
  const select = db.prepare('SELECT value FROM relay_state WHERE key = ? AND expires_at > ?').pluck();
  // Absent, or present but expired: insert, or take the expired row over. One statement.
  const insertIfAbsent = db.prepare(
    `INSERT INTO relay_state (key, value, expires_at) VALUES (@key, @next, @expiresAt)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
     WHERE relay_state.expires_at <= @now`
  );
  const replaceIfEqual = db.prepare(
    `UPDATE relay_state SET value = @next, expires_at = @expiresAt
     WHERE key = @key AND value = @expected AND expires_at > @now`
  );
  const deleteExpired = db.prepare('DELETE FROM relay_state WHERE expires_at <= ?');
  let writes = 0;

  const purge = () => deleteExpired.run(now()).changes;
  purge();

  return {
    get(key) {
      return select.get(key, now()) ?? null;
    },
    compareAndSet(key, expected, next, ttlSeconds) {
      const at = now();
      const expiresAt = at + Math.max(1, Math.ceil(ttlSeconds)) * 1000;
      const changes =
        expected === null
          ? insertIfAbsent.run({key, next, expiresAt, now: at}).changes
          : replaceIfEqual.run({key, next, expected, expiresAt, now: at}).changes;
      if (changes === 1 && ++writes % PURGE_EVERY === 0) purge();
      return changes === 1;
    },
    purge,
  };
}
