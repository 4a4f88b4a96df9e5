// The sample merchant's "Binding management" page. It never touches card data: it mounts
// <antom-card-binding> with a session from its own server and listens to the element's events.
// The list of cards comes from the merchant server (filled by notifyVaulting) and refreshes
// through server-sent events, without a reload.
// Two card routes (the "Card route" switch, kept in the query string: ?mode=relay | direct). The
// page's Content-Security-Policy differs between them, so switching reloads the page.
//
// What the buyer sees: one "Add card" button at a time (the page's opens the form and hides; the
// element's own button submits), one banner (#status, a polite live region) in buyer words that
// is cleared on every new attempt, a confirmation before a card is removed, and a "verification
// pending" entry after the 3-D Secure page until the server knows the outcome. Result codes go to
// the console and a collapsed "Details" line for support, never into the banner's text.
import '/dist/antom-card-binding.bundle.js';

const $ = (selector) => document.querySelector(selector);
const status = $('#status');
const list = $('#cards');
const noCards = $('#no-cards');
const addButton = $('#add-card');
const panel = $('#add-panel');
const slot = $('#card-slot');
const localeSelect = $('#locale');
const restart = $('#restart');
const closeButton = $('#close-panel');
const confirmDialog = $('#confirm-remove');

const ROUTES = {
  relay: 'Active route: your server. The card is encrypted in this page for the shop’s own server, which sends it to Antom’s vaultPaymentMethod.',
  direct: 'Active route: sandbox direct. The card is encrypted in this page and sent straight to the emulator; the shop’s server never sees it.',
};
const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'direct' ? 'direct' : 'relay';
const homeUrl = mode === 'relay' ? '/' : `/?mode=${mode}`;

const BRAND_NAMES = {VISA: 'Visa', MASTERCARD: 'Mastercard', AMEX: 'American Express', DISCOVER: 'Discover', JCB: 'JCB', CUP: 'UnionPay', DINERS: 'Diners Club'};
const brandName = (brand) => BRAND_NAMES[brand] ?? brand ?? 'Card';
const lastFour = (masked) => (masked ?? '').replace(/\D/g, '').slice(-4);
const cardName = (entry) => `${brandName(entry.brand)} ending in ${lastFour(entry.maskedCardNo)}`;
const dateFormat = new Intl.DateTimeFormat('en', {dateStyle: 'medium'});

/** The element's `error` codes in the shop's words (the element shows its own, localised, too). */
const ERROR_WORDS = {
  declined: 'Your card was declined and not added. Check the details, or try another card.',
  session_expired: 'This card form has expired and the card was not added. Choose “Start over” to try again.',
  session_malformed: 'This card form can no longer be used. Choose “Start over” to try again.',
  session_used: 'This card form has already been used. Choose “Start over” to add another card.',
  network_error: 'We could not reach the payment service, so the card was not added. Check your connection and try again.',
  timeout: 'The payment service took too long to answer, so the card was not added. Please try again.',
  gateway_error: 'Something went wrong on our side and the card was not added. Please try again in a moment.',
  invalid_response: 'Something went wrong on our side and the card was not added. Please try again in a moment.',
  encryption_failed: 'Your browser could not protect the card details, so nothing was sent. Reload the page and try again.',
};
const NEEDS_NEW_SESSION = new Set(['session_expired', 'session_malformed', 'session_used']);

/** Final result codes after 3-D Secure, in the shop's words. */
const VERIFICATION_WORDS = {
  USER_PAYMENT_VERIFICATION_FAILED: 'Your bank could not verify the card, so it was not added. Try again, or use another card.',
  SESSION_EXPIRED: 'The verification was not finished in time, so the card was not added. Please add it again.',
};
const VERIFICATION_FAILED = 'The card could not be verified and was not added. Try again, or use another card.';

const PENDING_KEY = 'demo-shop:pending-verification';

let card = null;
let attempt = null; // {vaultingRequestId}
let knownCards = null;
/** After the 3-D Secure page: {vaultingRequestId, since} until the server knows the outcome. */
let pending = null;
let pendingTimer = 0;
let lastCards = [];

/**
 * Shows the page's one banner. `tone`: info | success | pending | error. `details`: a
 * developer/support line (ids, result codes), collapsed under "Details".
 */
function say(text, tone = 'info', {details} = {}) {
  status.dataset.tone = tone;
  if (!text) {
    status.replaceChildren();
    return;
  }
  const message = document.createElement('p');
  message.className = 'message';
  message.textContent = text;
  status.replaceChildren(message);
  if (details) {
    const more = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Details';
    const line = document.createElement('p');
    line.className = 'code';
    line.textContent = details;
    more.append(summary, line);
    status.append(more);
  }
}

/** A new attempt starts: whatever the banner said about the last one no longer applies. */
function clearOutcome() {
  if (!pending) say('');
}

async function api(path, init) {
  const response = await fetch(path, init);
  if (!response.ok && response.status !== 204) throw Object.assign(new Error(`${path}: HTTP ${response.status}`), {status: response.status});
  return response.status === 204 ? null : response.json();
}

/** Reloads the list. A card new since the last load is announced, unless `quiet` names its vaulting. */
async function loadCards({quiet} = {}) {
  const cards = await api('/api/cards');
  if (knownCards) {
    for (const entry of cards) {
      if (!knownCards.has(entry.id) && entry.vaultingRequestId !== quiet && entry.vaultingRequestId !== pending?.vaultingRequestId) {
        say(`${cardName(entry)} was added to your cards.`, 'success');
      }
    }
  }
  knownCards = new Set(cards.map((entry) => entry.id));
  lastCards = cards;
  renderCards();
}

function renderCards() {
  const items = lastCards.map(cardItem);
  // Until the answer is in, the card being verified shows as pending (once it is listed, it is not).
  if (pending && !lastCards.some((entry) => entry.vaultingRequestId === pending.vaultingRequestId)) items.push(pendingItem());
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  noCards.hidden = items.length > 0;
}

function cardItem(entry) {
  const item = document.createElement('li');
  item.className = 'card-item';
  item.dataset.cardId = String(entry.id);
  const info = document.createElement('span');
  info.className = 'info';
  const title = document.createElement('span');
  title.className = 'title';
  const brand = document.createElement('span');
  brand.className = 'brand';
  brand.textContent = brandName(entry.brand);
  const number = document.createElement('span');
  number.className = 'number';
  number.textContent = `•••• ${lastFour(entry.maskedCardNo)}`;
  number.title = entry.maskedCardNo ?? '';
  title.append(brand, ' ', number);
  const added = document.createElement('span');
  added.className = 'added';
  const time = document.createElement('time');
  time.dateTime = entry.boundAt;
  time.textContent = dateFormat.format(new Date(entry.boundAt));
  time.title = new Date(entry.boundAt).toLocaleString('en');
  added.append('Added ', time);
  info.append(title, added);
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'remove';
  remove.textContent = 'Remove';
  remove.setAttribute('aria-label', `Remove ${cardName(entry)}`);
  remove.addEventListener('click', () => confirmRemove(entry, remove));
  item.append(info, remove);
  return item;
}

function pendingItem() {
  const item = document.createElement('li');
  item.className = 'card-item pending';
  item.id = 'pending-card';
  item.setAttribute('aria-busy', 'true');
  const info = document.createElement('span');
  info.className = 'info';
  const title = document.createElement('span');
  title.className = 'title';
  title.textContent = 'New card: verification pending';
  const hint = document.createElement('span');
  hint.className = 'added';
  hint.textContent = 'Waiting for your bank’s answer. It appears here once verified.';
  info.append(title, hint);
  item.append(info);
  return item;
}

/** Remove asks first, in a modal dialog; "Keep card" has the focus, Escape keeps the card too. */
function confirmRemove(entry, button) {
  $('#confirm-text').textContent = `${cardName(entry)} will be removed from your cards. You can add it again later.`;
  confirmDialog.returnValue = '';
  confirmDialog.addEventListener(
    'close',
    async () => {
      if (confirmDialog.returnValue !== 'remove') {
        button.focus();
        return;
      }
      const index = lastCards.findIndex((other) => other.id === entry.id);
      try {
        await api(`/api/cards/${entry.id}`, {method: 'DELETE'});
        say(`${cardName(entry)} was removed.`, 'info');
      } catch (error) {
        // 404: already removed (another tab); anything else: it is still there.
        if (error.status !== 404) say('We could not remove the card. Please try again.', 'error');
      }
      await loadCards();
      // Focus goes to the card that took its place, else the list's heading.
      const next = list.querySelectorAll('.card-item:not(.pending) .remove')[Math.min(index, lastCards.length - 1)];
      (next ?? $('#cards-heading')).focus();
    },
    {once: true},
  );
  confirmDialog.showModal();
}

/** Origins besides this page's that the server says the card may go to (the emulator, in direct mode). */
let gatewayOrigins = [];

async function newSession() {
  const session = await api('/api/vaulting-session', {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify({mode}),
  });
  attempt = {vaultingRequestId: session.vaultingRequestId};
  gatewayOrigins = session.gatewayOrigins ?? [];
  return session.vaultingSessionData;
}

function mountCard(sessionData) {
  card?.remove();
  card = document.createElement('antom-card-binding');
  card.id = 'card';
  card.locale = localeSelect.value;
  // Relay mode posts to this page's own origin (trusted by default); direct mode to the emulator,
  // which the page must name: the element sends the card nowhere else.
  card.gatewayOrigins = gatewayOrigins;
  card.vaultingSessionData = sessionData;
  card.addEventListener('submit', clearOutcome);
  card.addEventListener('bound', onBound);
  card.addEventListener('error', onError);
  card.addEventListener('pending', () =>
    say('Your card is still being checked. It appears in your cards as soon as it is added; you can leave this page.', 'pending'),
  );
  card.addEventListener('redirect', () => say('Opening the card verification page…'));
  // "Try again" (or Escape) in the element's alert returns to the form: the banner about that attempt goes.
  const afterAlert = async () => {
    await card?.updateComplete;
    if (status.dataset.tone === 'error' && !card?.shadowRoot?.querySelector('[part~="alert"]')) say('');
  };
  card.addEventListener('click', afterAlert);
  card.addEventListener('keyup', afterAlert);
  slot.replaceChildren(card);
  closeButton.textContent = 'Cancel';
}

async function openPanel() {
  say('');
  restart.hidden = true;
  addButton.hidden = true; // the element's own "Add card" is the one button now
  panel.hidden = false;
  try {
    mountCard(await newSession());
  } catch (error) {
    console.info('[demo shop] could not start a card session:', error.message);
    closePanel();
    say('We could not open the card form. Please try again in a moment.', 'error');
    return;
  }
  $('#add-heading').focus();
}

function closePanel() {
  card?.remove();
  card = null;
  panel.hidden = true;
  addButton.hidden = false;
  addButton.focus();
}

async function onBound(event) {
  const {brand, maskedCardNo} = event.detail;
  say(`${cardName({brand, maskedCardNo})} was added to your cards.`, 'success');
  closeButton.textContent = 'Done';
  // The list normally refreshes on the server's event when notifyVaulting lands; asking for the
  // attempt's outcome (stored, else inquireVaulting) makes sure it does even if that is late.
  if (attempt) await api(`/api/vaultings/${encodeURIComponent(attempt.vaultingRequestId)}`).catch(() => {});
  await loadCards({quiet: attempt?.vaultingRequestId});
}

function onError(event) {
  const {code, resultCode, retryable} = event.detail;
  if (code === 'duplicate_submit') return;
  // For developers: the codes go to the console and the banner's collapsed details, not its text.
  console.info(`[demo shop] card not added: ${code}${resultCode ? ` (${resultCode})` : ''}${retryable ? ', retryable' : ''}`);
  const reference = [attempt?.vaultingRequestId, code, resultCode].filter(Boolean).join(' · ');
  say(ERROR_WORDS[code] ?? 'The card was not added. Please try again.', 'error', {details: reference});
  if (NEEDS_NEW_SESSION.has(code)) restart.hidden = false;
}

// ---- after the 3-D Secure page ----

function startPending(vaultingRequestId) {
  pending = {vaultingRequestId, since: Date.now()};
  sessionStorage.setItem(PENDING_KEY, vaultingRequestId);
  say('Your bank is verifying the card. It appears in your cards once the verification is done.', 'pending');
  renderCards();
  checkPending();
}

function endPending() {
  clearTimeout(pendingTimer);
  pending = null;
  delete status.dataset.slow;
  sessionStorage.removeItem(PENDING_KEY);
}

/**
 * Asks the server for the outcome (stored from notifyVaulting or the relay, else inquireVaulting).
 * Runs now and again: soon at first, then every 15 s; any list change asks at once. The pending
 * entry stays until the answer is final, however long that takes.
 */
async function checkPending() {
  if (!pending) return;
  clearTimeout(pendingTimer);
  const {vaultingRequestId, since} = pending;
  let result;
  try {
    result = await api(`/api/vaultings/${encodeURIComponent(vaultingRequestId)}`);
  } catch (error) {
    if (error.status === 404) {
      // Not this buyer's, or gone: nothing to wait for.
      endPending();
      say('');
      renderCards();
      return;
    }
    result = null; // the server is unreachable for now: keep waiting
  }
  if (pending?.vaultingRequestId !== vaultingRequestId) return;
  if (result?.status === 'SUCCESS') {
    endPending();
    const entry = result.card;
    say(entry ? `${cardName(entry)} was verified and added to your cards.` : 'Your card was verified and added to your cards.', 'success');
    await loadCards({quiet: vaultingRequestId});
    return;
  }
  if (result?.status === 'FAIL') {
    endPending();
    console.info(`[demo shop] verification of ${vaultingRequestId} failed: ${result.resultCode}`);
    say(VERIFICATION_WORDS[result.resultCode] ?? VERIFICATION_FAILED, 'error', {details: `${vaultingRequestId} · ${result.resultCode ?? 'FAIL'}`});
    renderCards();
    return;
  }
  const waited = Date.now() - since;
  if (waited > 15_000 && !status.dataset.slow) {
    status.dataset.slow = 'true';
    say('Your bank has not answered yet. You can leave this page: the card appears in your cards once it is verified.', 'pending');
  }
  pendingTimer = setTimeout(checkPending, waited < 10_000 ? 1_000 : 15_000);
}

function setUpRouteSwitch() {
  const form = $('#route');
  for (const radio of form.elements.mode) radio.checked = radio.value === mode;
  $('#route-active').textContent = ROUTES[mode];
  form.addEventListener('change', (event) => {
    // Remembered for this page only (the URL); the flag puts focus back on the switch after the reload.
    sessionStorage.setItem('focus-route', '1');
    location.assign(event.target.value === 'relay' ? '/' : `/?mode=${event.target.value}`);
  });
  if (sessionStorage.getItem('focus-route')) {
    sessionStorage.removeItem('focus-route');
    form.querySelector('input[name="mode"]:checked').focus();
  }
}

setUpRouteSwitch();
addButton.addEventListener('click', openPanel);
closeButton.addEventListener('click', closePanel);
restart.addEventListener('click', async () => {
  restart.hidden = true;
  say('');
  mountCard(await newSession());
  card.focus();
});
localeSelect.addEventListener('change', () => {
  if (card) card.locale = localeSelect.value;
});

new EventSource('/api/cards/events').addEventListener('cards', async () => {
  await loadCards();
  if (pending) checkPending();
});

// After 3-D Secure the emulator sends the buyer back with ?vaulting=<id>; a reload keeps waiting.
const returned = params.get('vaulting');
if (returned) history.replaceState(null, '', homeUrl);
const waitingFor = returned ?? sessionStorage.getItem(PENDING_KEY);
if (waitingFor) startPending(waitingFor);

const me = await api('/api/me');
$('#buyer-name').textContent = me.name;
await loadCards();
document.body.dataset.ready = 'true';
