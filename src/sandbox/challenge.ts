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
  const card = record.card
    ? `<p class="card"><span class="label">Card</span> <span class="value">${escapeHtml(record.card.brand)} ${escapeHtml(record.card.maskedCardNo)}</span></p>`
    : '';
  return page(
    '3-D Secure challenge',
    `<p>A real card issuer would ask the buyer to prove who they are here. This test page lets you choose the outcome instead.</p>
${card}
<form method="post">
<fieldset>
<legend>Outcome to simulate</legend>
<button name="outcome" value="pass" class="pass" aria-describedby="pass-hint">Pass verification</button>
<p id="pass-hint" class="hint">The card is bound and you return to the shop.</p>
<button name="outcome" value="fail" class="fail" aria-describedby="fail-hint">Fail verification</button>
<p id="fail-hint" class="hint">The binding fails with <code>USER_PAYMENT_VERIFICATION_FAILED</code> and you return to the shop.</p>
</fieldset>
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
  return page('3-D Secure challenge', `<p class="result">${text}</p><p>You can close this page.</p>`);
}

/**
 * The page around every answer: labelled as the emulator's test page (not a bank's, not Antom's),
 * light and dark (prefers-color-scheme), readable from 320 px. Inline styles only (the CSP).
 */
function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)} · sandbox</title>
<style>
:root{color-scheme:light dark;--bg:#f4f5f7;--surface:#fff;--text:#1f2328;--muted:#4b5563;--border:#d0d7de;
--accent:#0b57d0;--on-accent:#fff;--fail:#b3261e;--focus:#0b57d0;--tag-bg:#fff4d6;--tag-border:#9a6700;--tag-text:#4d3300}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--surface:#1b1f24;--text:#e6e8eb;--muted:#b0b8c4;--border:#3d444d;
--accent:#a8c7fa;--on-accent:#062e6f;--fail:#ffb4ab;--focus:#8ab4f8;--tag-bg:#352a0c;--tag-border:#e3b341;--tag-text:#f5dfa0}}
*,*::before,*::after{box-sizing:border-box}
html{background:var(--bg);color:var(--text)}
body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1.5rem 1rem;overflow-wrap:break-word}
main{max-width:28rem;margin:0 auto;background:var(--surface);border:1px solid var(--border);border-radius:10px;padding:1rem 1.25rem 1.25rem}
.note{margin:0 0 .75rem;background:var(--tag-bg);color:var(--tag-text);border:1px solid var(--tag-border);padding:.5rem .75rem;border-radius:6px;font-size:.875rem}
.note strong{display:block}
h1{font-size:1.375rem;line-height:1.25;margin:.5rem 0}
.card{display:flex;flex-wrap:wrap;gap:0 .5rem;padding:.5rem .75rem;border:1px solid var(--border);border-radius:6px}
.card .label{color:var(--muted)}
.card .value{font-weight:600;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
fieldset{border:0;margin:1rem 0 0;padding:0;min-width:0}
legend{font-weight:600;padding:0;margin-bottom:.5rem}
button{display:block;width:100%;font:inherit;font-weight:600;min-height:48px;padding:.6rem 1rem;border-radius:6px;cursor:pointer;border:2px solid var(--accent)}
.pass{background:var(--accent);color:var(--on-accent)}
.fail{background:transparent;color:var(--fail);border-color:var(--fail)}
button:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.hint{margin:.25rem 0 1rem;color:var(--muted);font-size:.875rem;overflow-wrap:anywhere}
.hint:last-child{margin-bottom:0}
.result{font-weight:600}
code{font:.8125rem/1.4 ui-monospace,monospace;overflow-wrap:anywhere}
@media (max-width:24rem){body{padding:1rem .75rem}main{padding:.875rem 1rem 1rem}}
</style>
</head><body><main>
<p class="note"><strong>Test page of the local sandbox emulator</strong>The antom-card-binding sandbox emulator runs on this machine. Not a bank, not Antom: no real card is checked.</p>
<h1>${escapeHtml(title)}</h1>
${content}
</main></body></html>`;
}
