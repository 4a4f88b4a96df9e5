/**
 * Where the relay keeps its state: sessions, the attempts made for them (to map a notification's
 * vaultingRequestId back to its session) and the replies given per Idempotency-Key. Nothing in it
 * is card data: brand and masked number at most, and a keyed hash of the card (never of the
 * security code) to tell a replayed key from a reused one.
 *
 * The interface is a tiny key-value store with compare-and-set, so any database fits (SQL with
 * `UPDATE ... WHERE value = ?`, Redis with a script) and several server processes can share it:
 * two submissions racing for one session cannot both call Antom.
 */

export interface RelayStore {
  /** The value, or null when absent or past its time to live. */
  get(key: string): Promise<string | null> | string | null;
  /**
   * Writes `next` only when the current value equals `expected` (null: absent or expired).
   * Returns whether it wrote. `ttlSeconds` is how long `next` must be kept at least.
   */
  compareAndSet(key: string, expected: string | null, next: string, ttlSeconds: number): Promise<boolean> | boolean;
}

/**
 * The default store: one process's memory, bounded (oldest entries go first). Sessions do not
 * survive a restart and are not shared between processes: give the relay a real store for that.
 */
export class MemoryRelayStore implements RelayStore {
  readonly #entries = new Map<string, {value: string; expiresAt: number}>();

  constructor(
    readonly maxEntries = 100_000,
    readonly now: () => number = Date.now,
  ) {}

  get(key: string): string | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return null;
    }
    return entry.value;
  }

  compareAndSet(key: string, expected: string | null, next: string, ttlSeconds: number): boolean {
    if (this.get(key) !== expected) return false;
    this.#entries.delete(key); // re-inserted last: the Map's order is the eviction order
    this.#entries.set(key, {value: next, expiresAt: this.now() + ttlSeconds * 1000});
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return true;
  }

  /** How many entries are held (tests, metrics). */
  get size(): number {
    return this.#entries.size;
  }
}
