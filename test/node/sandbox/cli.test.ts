import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {once} from 'node:events';
import {createInterface} from 'node:readline';
import {createAntomClient} from '../../../src/server/index.js';
import {loadConfigFile, SandboxConfigError, startSandbox} from '../../../src/sandbox/index.js';
import {testKeyPair} from '../helpers/keys.js';
import {UNREACHABLE_NOTIFY_URL} from '../helpers/sandbox.js';

const ROOT = new URL('../../../', import.meta.url);
const CLI = ['--import', './scripts/register-ts.mjs', 'src/sandbox/cli.ts'];

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'antom-sandbox-cli-'));
}

/** Starts the command and reads the first `lineCount` lines it prints. */
async function runCli(args: string[], lineCount = 1): Promise<{startup: string; stop: () => Promise<number | null>}> {
  const child = spawn(process.execPath, [...CLI, ...args], {cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit']});
  // Keep draining stdout after the startup lines: closing the pipe early (a `for await` with
  // `break` does) makes the command's later log lines fail, and the exit status becomes racy.
  const lines = createInterface({input: child.stdout!});
  const printed: string[] = [];
  await new Promise<void>((resolve) => {
    lines.on('line', (line) => {
      printed.push(line);
      if (printed.length === lineCount) resolve();
    });
  });
  return {
    startup: printed.join('\n'),
    stop: async () => {
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}

test('antom-sandbox --port 0 --config FILE --json: listens on 127.0.0.1, serves the configured merchant, stops on SIGTERM', async () => {
  const folder = tempFolder();
  const merchant = testKeyPair('merchant');
  const config = join(folder, 'sandbox.json');
  writeFileSync(config, JSON.stringify({merchants: [{clientId: 'SANDBOX_CLI', publicKey: merchant.publicKeyBase64}], sessionTtlSeconds: 90}));
  const cli = await runCli(['--port', '0', '--config', config, '--json', '--quiet']);
  try {
    const details = JSON.parse(cli.startup);
    assert.match(details.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(details.clientId, 'SANDBOX_CLI');
    assert.equal(details.merchantPrivateKeyPem, undefined);
    const client = createAntomClient({clientId: 'SANDBOX_CLI', privateKey: merchant.privateKeyPem, antomPublicKey: details.publicKey, baseUrl: details.url});
    const session = await client.createVaultingSession({paymentMethodType: 'CARD', vaultingRequestId: 'cli-1', vaultingNotificationUrl: UNREACHABLE_NOTIFY_URL});
    const ttl = Date.parse(session.vaultingSessionExpiryTime) - Date.now();
    assert.ok(ttl > 80_000 && ttl <= 90_000, String(ttl));
  } finally {
    assert.equal(await cli.stop(), 0);
    rmSync(folder, {recursive: true, force: true});
  }
});

test('without merchants the command makes one up, prints its client id and the public key, and can save the key', async () => {
  const folder = tempFolder();
  const keyFile = join(folder, 'merchant.pem');
  const cli = await runCli(['--merchant-key-out', keyFile], 4);
  try {
    assert.match(cli.startup, /not the Antom service/);
    assert.match(cli.startup, /url: +http:\/\/127\.0\.0\.1:\d+/);
    assert.match(cli.startup, /client id: +SANDBOX_[0-9A-F]{16} \(generated, private key written to /);
    assert.match(cli.startup, /antom public key: +MIIB[A-Za-z0-9+/=]+/);
    assert.match(readFileSync(keyFile, 'utf8'), /BEGIN PRIVATE KEY/);
  } finally {
    assert.equal(await cli.stop(), 0);
    rmSync(folder, {recursive: true, force: true});
  }
});

/** Runs the command to completion. */
async function runToEnd(args: string[]): Promise<{status: number | null; stdout: string; stderr: string}> {
  const child = spawn(process.execPath, [...CLI, ...args], {cwd: ROOT});
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [status] = (await once(child, 'exit')) as [number | null];
  return {status, stdout, stderr};
}

test('--help exits 0; a bad flag or config exits 2 with the reason', async () => {
  const [help, badFlag, badNumber, badFields, badCap] = await Promise.all([
    runToEnd(['--help']),
    runToEnd(['--nope']),
    runToEnd(['--time-scale', 'fast']),
    runToEnd(['--notification-fields', 'xml']),
    runToEnd(['--max-connections', '0']),
  ]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: antom-sandbox/);
  assert.equal(badFlag.status, 2);
  assert.match(badFlag.stderr, /nope/);
  assert.equal(badNumber.status, 2);
  assert.match(badNumber.stderr, /--time-scale must be a number/);
  assert.equal(badFields.status, 2);
  assert.match(badFields.stderr, /--notification-fields must be ams or apo/);
  assert.match(help.stdout, /--notification-fields/);
  assert.equal(badCap.status, 2);
  assert.match(badCap.stderr, /maxConnections/);
  for (const flag of ['--headers-timeout', '--body-timeout', '--max-connections']) assert.match(help.stdout, new RegExp(flag));
});

test('config files and options are validated', async () => {
  const folder = tempFolder();
  try {
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '{"merchants": [{"clientId": ""}]}');
    await assert.rejects(loadConfigFile(broken), (error: unknown) => error instanceof SandboxConfigError && /merchants\.0\.clientId/.test(error.message));
    await assert.rejects(loadConfigFile(join(folder, 'absent.json')), SandboxConfigError);
    const apo = join(folder, 'apo.json');
    writeFileSync(apo, '{"notificationFields": "apo"}');
    assert.equal((await loadConfigFile(apo)).notificationFields, 'apo');
    writeFileSync(apo, '{"notificationFields": "xml"}');
    await assert.rejects(loadConfigFile(apo), (error: unknown) => error instanceof SandboxConfigError && /notificationFields/.test(error.message));
    // @ts-expect-error -- not one of the values
    await assert.rejects(startSandbox({notificationFields: 'xml'}), /notificationFields/);
    await assert.rejects(startSandbox({timeScale: -1}), /timeScale/);
    await assert.rejects(startSandbox({headersTimeoutMs: 10}), /headersTimeoutMs/);
    await assert.rejects(startSandbox({bodyTimeoutMs: 1.5}), /bodyTimeoutMs/);
    await assert.rejects(startSandbox({maxConnections: 0}), /maxConnections/);
    const keys = {privateKey: testKeyPair('antom').privateKey, cardEncryptionKey: testKeyPair('card').privateKey};
    await assert.rejects(startSandbox({...keys, merchants: [{clientId: 'X', publicKey: 'not a key'}]}), SandboxConfigError);
    await assert.rejects(startSandbox({...keys, cardEncryptionKey: testKeyPair('small', 1024).privateKey}), /at least 2048 bits/);
    await assert.rejects(startSandbox({privateKey: 'not a key'}), SandboxConfigError);
  } finally {
    rmSync(folder, {recursive: true, force: true});
  }
});
