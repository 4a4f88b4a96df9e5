// The sample merchant's SQLite storage without a browser: the relay's compare-and-set store
// (demo/merchant/relay-store.mjs) and the app's tables (demo/merchant/store.mjs), including the
// migration of a database made before the card route switch.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {openRelayStore} from '../../demo/merchant/relay-store.mjs';
import {openStore} from '../../demo/merchant/store.mjs';

function tempDatabase(t) {
  const directory = mkdtempSync(join(tmpdir(), 'antom-store-'));
  t.after(() => rmSync(directory, {recursive: true, force: true}));
  return join(directory, 'merchant.sqlite');
}

test('relay store: compare-and-set writes only over the expected value; absent is null', () => {
  const db = new Database(':memory:');
  const store = openRelayStore(db);
  assert.equal(store.get('k'), null);
  assert.equal(store.compareAndSet('k', null, 'a', 60), true);
  assert.equal(store.get('k'), 'a');
  assert.equal(store.compareAndSet('k', null, 'b', 60), false, 'present: null is not the current value');
  assert.equal(store.compareAndSet('k', 'x', 'b', 60), false);
  assert.equal(store.compareAndSet('k', 'a', 'b', 60), true);
  assert.equal(store.get('k'), 'b');
  assert.equal(store.compareAndSet('k', 'a', 'c', 60), false, 'a stale expected value loses');
  assert.equal(store.get('k'), 'b');
  db.close();
});

test('relay store: a row past its time to live counts as absent', () => {
  let now = 1_000_000;
  const db = new Database(':memory:');
  const store = openRelayStore(db, {now: () => now});
  store.compareAndSet('k', null, 'a', 10);
  now += 9_999;
  assert.equal(store.get('k'), 'a');
  now += 1;
  assert.equal(store.get('k'), null);
  assert.equal(store.compareAndSet('k', 'a', 'b', 10), false, 'an expired value cannot be replaced as if current');
  assert.equal(store.compareAndSet('k', null, 'c', 10), true, 'an expired row is taken over as absent');
  assert.equal(store.get('k'), 'c');
  now += 20_000;
  assert.equal(store.purge(), 1);
  assert.equal(db.prepare('SELECT count(*) FROM relay_state').pluck().get(), 0);
  db.close();
});

test('relay store: two connections to one file see each other and only one claim wins', (t) => {
  const file = tempDatabase(t);
  const one = new Database(file);
  const two = new Database(file);
  one.pragma('journal_mode = WAL');
  const a = openRelayStore(one);
  const b = openRelayStore(two);
  assert.equal(a.compareAndSet('session', null, 'open', 60), true);
  assert.equal(b.get('session'), 'open');
  assert.equal(a.compareAndSet('session', 'open', 'busy-a', 60), true);
  assert.equal(b.compareAndSet('session', 'open', 'busy-b', 60), false);
  assert.equal(b.get('session'), 'busy-a');
  one.close();
  two.close();
});

test('app store: a database from before the route switch gets the mode column; old rows are direct', (t) => {
  const file = tempDatabase(t);
  const old = new Database(file);
  old.exec(`CREATE TABLE vaultings (vaulting_request_id TEXT PRIMARY KEY, buyer_id TEXT NOT NULL, vaulting_session_id TEXT,
    status TEXT NOT NULL DEFAULT 'PENDING', result_code TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
  old.prepare(`INSERT INTO vaultings VALUES ('vr-old', 'buyer-0001', 's', 'PENDING', NULL, 'then', 'then')`).run();
  old.close();
  let store = openStore(file);
  assert.equal(store.vaulting('vr-old').mode, 'direct');
  store.startVaulting({vaultingRequestId: 'vr-new', buyerId: 'buyer-0001', mode: 'relay'});
  store.close();
  store = openStore(file); // opening again changes nothing
  assert.equal(store.vaulting('vr-new').mode, 'relay');
  store.close();
});

test('app store: a card once per session; a success without a token waits; attempts keep their final state', () => {
  const store = openStore(':memory:');
  store.startVaulting({vaultingRequestId: 'vr-1', buyerId: 'buyer-0001', mode: 'relay'});
  assert.equal(store.applyOutcome({vaultingRequestId: 'vr-1', status: 'SUCCESS', resultCode: 'SUCCESS', card: {brand: 'VISA'}}), 'incomplete');
  assert.equal(store.vaulting('vr-1').status, 'PENDING');
  const card = {cardToken: 'T-1', brand: 'VISA', maskedCardNo: '************4242'};
  assert.equal(store.applyOutcome({vaultingRequestId: 'vr-1', status: 'SUCCESS', resultCode: 'SUCCESS', card}), 'stored');
  assert.equal(store.applyOutcome({vaultingRequestId: 'vr-1', status: 'SUCCESS', resultCode: 'SUCCESS', card}), 'duplicate');
  assert.equal(store.cards('buyer-0001').length, 1);
  assert.equal(store.applyOutcome({vaultingRequestId: 'vr-unknown', status: 'FAIL'}), 'unknown');

  assert.equal(store.recordAttempt({vaultingRequestId: 'vr-1', sessionVaultingRequestId: 'vr-1', attempt: 1, status: 'FAIL', resultCode: 'DO_NOT_HONOR'}), true);
  store.recordAttempt({vaultingRequestId: 'vr-1', sessionVaultingRequestId: 'vr-1', attempt: 1, status: 'REDIRECT'});
  store.recordAttempt({vaultingRequestId: 'vr-1-2', sessionVaultingRequestId: 'vr-1', attempt: 2, status: 'REDIRECT'});
  store.recordAttempt({vaultingRequestId: 'vr-1-2', sessionVaultingRequestId: 'vr-1', attempt: 2, status: 'SUCCESS', resultCode: 'SUCCESS'});
  assert.deepEqual(
    store.attempts('vr-1').map(({vaultingRequestId, status, resultCode}) => [vaultingRequestId, status, resultCode]),
    [['vr-1', 'FAIL', 'DO_NOT_HONOR'], ['vr-1-2', 'SUCCESS', 'SUCCESS']],
  );
  assert.equal(store.recordAttempt({vaultingRequestId: 'x', sessionVaultingRequestId: 'vr-unknown', status: 'FAIL'}), false);
  store.close();
});
