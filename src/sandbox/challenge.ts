/**
 * The emulator's 3-D Secure challenge page (its own, not an issuer's): the buyer presses "pass" or
 * "fail", the binding completes accordingly, and the buyer is sent to the merchant's redirectUrl
 * (or shown the outcome when there is none). No scripts; the unguessable id in the URL is the key.
 * The same page serves both kinds of binding: a card submitted with a session, and a card sent to
 * vaultPaymentMethod (its `normalUrl`).
 */
import {randomBytes} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {completeBinding} from './bindings.js';
import type {SandboxContext} from './context.js';
import {bodyLimits, escapeHtml, readBodyOrRefuse, sendText} from './http.js';
import {CHALLENGE_PATH_PREFIX} from './paths.js';
import {DECLINE_MESSAGES} from './scenarios.js';
import type {BindingRecord} from './store.js';

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
};

/** Puts the binding in CHALLENGE and returns the absolute URL of its challenge page. */
export function openChallenge(context: SandboxContext, record: BindingRecord): string {
  const challengeId = randomBytes(18).toString('base64url');
  const url = `${context.baseUrl}${CHALLENGE_PATH_PREFIX}${challengeId}`;
  record.state = 'CHALLENGE';
  record.challengeUrl = url;
  context.store.addChallenge(challengeId, record);
  return url;
}

export async function handleChallengeRoute(
  context: SandboxContext,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): Promise<void> {
  const record = context.store.findByChallenge(pathname.slice(CHALLENGE_PATH_PREFIX.length));
  if (!record) {
    sendText(response, 404, page('Unknown challenge', '<p>This 3-D Secure challenge does not exist.</p>'), PAGE_HEADERS);
    return;
  }
  if (request.method === 'GET') {
    sendText(response, 200, challengePage(record), PAGE_HEADERS);
    return;
  }
  if (request.method !== 'POST') {
    sendText(response, 405, page('Method not allowed', ''), {...PAGE_HEADERS, allow: 'GET, POST'});
    return;
  }
  const body = await readBodyOrRefuse(request, bodyLimits(context.settings), ({status}) =>
    sendText(response, status, page(status === 408 ? 'Too slow' : 'Too large', ''), {...PAGE_HEADERS, connection: 'close'}),
  );
  if (!body) return;
  const outcome = new URLSearchParams(body.toString('utf8')).get('outcome');
  if (outcome !== 'pass' && outcome !== 'fail') {
    sendText(response, 400, page('Bad request', '<p>Choose pass or fail.</p>'), PAGE_HEADERS);
    return;
  }
  if (record.state === 'CHALLENGE') {
    completeBinding(
      context,
      record,
      outcome === 'pass'
        ? {status: 'SUCCESS'}
        : {
            status: 'FAIL',
            resultCode: 'USER_PAYMENT_VERIFICATION_FAILED',
            resultMessage: DECLINE_MESSAGES.USER_PAYMENT_VERIFICATION_FAILED,
          },
    );
  }
  if (record.redirectUrl) {
    sendText(response, 303, '', {location: record.redirectUrl});
    return;
  }
  sendText(response, 200, resultPage(record), PAGE_HEADERS);
}

function challengePage(record: BindingRecord): string {
  if (record.state !== 'CHALLENGE') return resultPage(record);
  const card = record.card ? `${escapeHtml(record.card.brand)} ${escapeHtml(record.card.maskedCardNo)}` : 'the card';
  return page(
    '3-D Secure challenge',
    `<p>Confirm that you are binding ${card}.</p>
<form method="post">
<button name="outcome" value="pass">Pass verification</button>
<button name="outcome" value="fail">Fail verification</button>
</form>`,
  );
}

function resultPage(record: BindingRecord): string {
  const text =
    record.state === 'SUCCESS'
      ? 'Verification passed: the card is bound.'
      : record.state === 'FAIL'
        ? `Verification failed: ${escapeHtml(record.failure?.resultCode ?? 'FAIL')}.`
        : 'The binding is still in progress.';
  return page('3-D Secure challenge', `<p>${text}</p><p>You can close this page.</p>`);
}

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · sandbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
.note{background:#fff4d6;border:1px solid #e0b84c;padding:.5rem .75rem;border-radius:6px;font-size:.875rem}
button{font:inherit;padding:.6rem 1rem;margin:.25rem .5rem .25rem 0;border-radius:6px;border:1px solid #888;cursor:pointer}</style>
</head><body><main>
<p class="note">antom-card-binding sandbox emulator. Not a bank, not Antom: no real card is checked.</p>
<h1>${escapeHtml(title)}</h1>
${content}
</main></body></html>`;
}
