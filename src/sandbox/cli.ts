#!/usr/bin/env node
/**
 * `antom-sandbox`: runs the local Antom card-vaulting emulator until interrupted, and prints where
 * it listens, the merchant client id and the emulator's public key.
 */
import {writeFile} from 'node:fs/promises';
import {parseArgs} from 'node:util';
import {loadConfigFile, SandboxConfigError, startSandbox, type SandboxOptions} from './index.js';
import {NOTIFICATION_FIELDS, type NotificationFields} from './options.js';

const USAGE = `Usage: antom-sandbox [options]

Local emulator of Antom card vaulting (createVaultingSession, vaultPaymentMethod, inquireVaulting,
notifyVaulting), for development and tests. It is not the Antom service. Listens on 127.0.0.1 only.

Options:
  --port N                   TCP port (default 0: any free port)
  --config FILE              JSON: {merchants:[{clientId, publicKey, allowedOrigins?, acceptedBrands?,
                             holderNameRequired?}], privateKey?, sessionTtlSeconds?, timeScale?, ...}
  --session-ttl SECONDS      session lifetime (default 1800)
  --time-scale X             multiply the notification retry schedule (default 1)
  --processing-delay MS      delay of the "processing" scenario card (default 3000)
  --headers-timeout MS       time a connection has for a request's headers (default 5000)
  --body-timeout MS          time a request has for its whole body (default 5000)
  --max-connections N        connections served at once; one more gets 503 (default 256)
  --no-notification-retries  one notification attempt only, like Antom's real sandbox
  --notification-fields F    ams (default): Antom's AMS notifyVaulting fields; apo: also
                             vaultingStatus and vaultingCreateTime
  --merchant-key-out FILE    with no merchants configured: write the generated merchant's private key
  --json                     print the startup details as one JSON line
  --quiet                    do not log requests and notification attempts
  --help                     show this text`;

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new SandboxConfigError(`--${name} must be a number.`);
  return number;
}

function notificationFieldsOption(value: string | undefined): NotificationFields | undefined {
  if (value === undefined) return undefined;
  if (!(NOTIFICATION_FIELDS as readonly string[]).includes(value)) throw new SandboxConfigError('--notification-fields must be ams or apo.');
  return value as NotificationFields;
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      port: {type: 'string'},
      config: {type: 'string'},
      'session-ttl': {type: 'string'},
      'time-scale': {type: 'string'},
      'processing-delay': {type: 'string'},
      'headers-timeout': {type: 'string'},
      'body-timeout': {type: 'string'},
      'max-connections': {type: 'string'},
      'no-notification-retries': {type: 'boolean'},
      'notification-fields': {type: 'string'},
      'merchant-key-out': {type: 'string'},
      json: {type: 'boolean'},
      quiet: {type: 'boolean'},
      help: {type: 'boolean'},
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const fromFile: SandboxOptions = values.config ? await loadConfigFile(values.config) : {};
  const options: SandboxOptions = {
    ...fromFile,
    port: numberOption(values.port, 'port') ?? 0,
    sessionTtlSeconds: numberOption(values['session-ttl'], 'session-ttl') ?? fromFile.sessionTtlSeconds,
    timeScale: numberOption(values['time-scale'], 'time-scale') ?? fromFile.timeScale,
    processingDelayMs: numberOption(values['processing-delay'], 'processing-delay') ?? fromFile.processingDelayMs,
    headersTimeoutMs: numberOption(values['headers-timeout'], 'headers-timeout') ?? fromFile.headersTimeoutMs,
    bodyTimeoutMs: numberOption(values['body-timeout'], 'body-timeout') ?? fromFile.bodyTimeoutMs,
    maxConnections: numberOption(values['max-connections'], 'max-connections') ?? fromFile.maxConnections,
    notificationRetries: values['no-notification-retries'] ? false : fromFile.notificationRetries,
    notificationFields: notificationFieldsOption(values['notification-fields']) ?? fromFile.notificationFields,
    logger: values.quiet ? undefined : (line) => console.log(`[antom-sandbox] ${new Date().toISOString()} ${line}`),
  };
  const sandbox = await startSandbox(options);
  // Before anything is printed: whoever reads the address may stop the process right away.
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const merchant = sandbox.generatedMerchant;
  const keyFile = values['merchant-key-out'];
  if (merchant && keyFile) await writeFile(keyFile, merchant.privateKeyPem, {mode: 0o600});

  if (values.json) {
    console.log(
      JSON.stringify({
        url: sandbox.url,
        clientId: sandbox.clientId,
        publicKey: sandbox.publicKeyBase64,
        submitUrl: sandbox.submitUrl,
        ...(merchant ? {merchantPrivateKeyPem: merchant.privateKeyPem} : {}),
      }),
    );
  } else {
    const keyNote = !merchant
      ? 'from the configured merchants'
      : keyFile
        ? `generated, private key written to ${keyFile}`
        : 'generated; pass --merchant-key-out FILE (or --json) to get its private key';
    console.log(`antom-sandbox: local emulator of Antom card vaulting (not the Antom service)
  url:              ${sandbox.url}
  client id:        ${sandbox.clientId} (${keyNote})
  antom public key: ${sandbox.publicKeyBase64}
  submit url:       ${sandbox.submitUrl} (this library's own endpoint)
  bindings:         ${sandbox.url}/__sandbox/bindings`);
  }

}

main().catch((error: unknown) => {
  const known = error instanceof SandboxConfigError || (error instanceof TypeError && 'code' in error);
  console.error(`antom-sandbox: ${known ? (error as Error).message : String(error)}`);
  if (known) console.error(USAGE);
  process.exit(2);
});
