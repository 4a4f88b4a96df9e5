// The sample merchant's "Binding management" page. It never touches card data: it mounts
// <antom-card-binding> with a session from its own server and listens to the element's events.
// The list of cards comes from the merchant server (filled by notifyVaulting) and refreshes
// through server-sent events, without a reload.
// Two card routes (the "Card route" switch, kept in the query string: ?mode=relay | direct). The
// page's Content-Security-Policy differs between them, so switching reloads the page.
import '/dist/antom-card-binding.bundle.js';

const $ = (selector) => document.querySelector(selector);
const status = $('#status');
const table = $('#cards');
const noCards = $('#no-cards');
const panel = $('#add-panel');
const slot = $('#card-slot');
const localeSelect = $('#locale');
const restart = $('#restart');

const ROUTES = {
  relay: 'Active route: your server. The card is encrypted in this page for the shop’s own server, which sends it to Antom’s vaultPaymentMethod.',
  direct: 'Active route: sandbox direct. The card is encrypted in this page and sent straight to the emulator; the shop’s server never sees it.',
};
const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'direct' ? 'direct' : 'relay';

const BRAND_NAMES = {VISA: 'Visa', MASTERCARD: 'Mastercard', AMEX: 'American Express', DISCOVER: 'Discover', JCB: 'JCB', CUP: 'UnionPay', DINERS: 'Diners Club'};
const brandName = (brand) => BRAND_NAMES[brand] ?? brand ?? 'Card';
const lastFour = (masked) => (masked ?? '').replace(/\D/g, '').slice(-4);
const dateFormat = new Intl.DateTimeFormat('en', {dateStyle: 'medium', timeStyle: 'short'});

let card = null;
let attempt = null; // {vaultingRequestId}
let knownCards = null;

function say(text, tone = 'info') {
  status.dataset.tone = tone;
  status.textContent = text;
}

async function api(path, init) {
  const response = await fetch(path, init);
  if (!response.ok && response.status !== 204) throw new Error(`${path}: HTTP ${response.status}`);
  return response.status === 204 ? null : response.json();
}

async function loadCards() {
  const cards = await api('/api/cards');
  if (knownCards) {
    for (const entry of cards) {
      if (!knownCards.has(entry.id)) say(`${brandName(entry.brand)} ending in ${lastFour(entry.maskedCardNo)} was added to your cards.`);
    }
  }
  knownCards = new Set(cards.map((entry) => entry.id));
  const body = table.tBodies[0];
  body.replaceChildren(...cards.map(row));
  table.hidden = cards.length === 0;
  noCards.hidden = cards.length > 0;
}

function row(entry) {
  const tr = document.createElement('tr');
  tr.dataset.cardId = String(entry.id);
  const brand = document.createElement('td');
  brand.textContent = brandName(entry.brand);
  const number = document.createElement('td');
  number.className = 'number';
  number.textContent = `•••• ${lastFour(entry.maskedCardNo)}`;
  number.title = entry.maskedCardNo ?? '';
  const added = document.createElement('td');
  const time = document.createElement('time');
  time.dateTime = entry.boundAt;
  time.textContent = dateFormat.format(new Date(entry.boundAt));
  added.append(time);
  const actions = document.createElement('td');
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = 'Remove';
  remove.setAttribute('aria-label', `Remove ${brandName(entry.brand)} ending in ${lastFour(entry.maskedCardNo)}`);
  remove.addEventListener('click', async () => {
    await api(`/api/cards/${entry.id}`, {method: 'DELETE'});
    say(`${brandName(entry.brand)} ending in ${lastFour(entry.maskedCardNo)} was removed.`);
    await loadCards();
    $('#add-card').focus();
  });
  actions.append(remove);
  tr.append(brand, number, added, actions);
  return tr;
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
  card.addEventListener('bound', onBound);
  card.addEventListener('error', onError);
  card.addEventListener('redirect', () => say('Opening your bank’s verification page…'));
  slot.replaceChildren(card);
}

async function openPanel() {
  say('');
  restart.hidden = true;
  panel.hidden = false;
  mountCard(await newSession());
  $('#add-heading').focus();
}

function closePanel() {
  card?.remove();
  card = null;
  panel.hidden = true;
  $('#add-card').focus();
}

async function onBound(event) {
  const {brand, maskedCardNo} = event.detail;
  say(`${brandName(brand)} ending in ${lastFour(maskedCardNo)} was added to your cards.`);
  // The list normally refreshes on the server's event when notifyVaulting lands; asking for the
  // attempt's outcome (stored, else inquireVaulting) makes sure it does even if that is late.
  if (attempt) await api(`/api/vaultings/${encodeURIComponent(attempt.vaultingRequestId)}`).catch(() => {});
  await loadCards();
}

async function onError(event) {
  const {code} = event.detail;
  if (code === 'declined') {
    // A decline ends the attempt, not the session: "Try again" goes back to the filled form.
    say('The card was declined and not added. Check the details or try another card.', 'error');
  } else if (code === 'session_expired' || code === 'session_malformed') {
    say('This card form can no longer be used. Start over to try again.', 'error');
    restart.hidden = false;
  } else if (code !== 'duplicate_submit') {
    say('The card was not added.', 'error');
  }
}

/** After 3-D Secure the emulator sends the buyer back with ?vaulting=<id>. */
async function showReturn(vaultingRequestId) {
  history.replaceState(null, '', mode === 'relay' ? '/' : `/?mode=${mode}`);
  say('Checking the result of your card verification…');
  for (let tries = 0; tries < 20; tries++) {
    const result = await api(`/api/vaultings/${encodeURIComponent(vaultingRequestId)}`).catch(() => null);
    if (!result) break;
    if (result.status === 'SUCCESS') {
      const entry = result.card;
      say(entry ? `${brandName(entry.brand)} ending in ${lastFour(entry.maskedCardNo)} was verified and added to your cards.` : 'Your card was verified and added.');
      return;
    }
    if (result.status === 'FAIL') {
      say(`Your bank could not verify the card (${result.resultCode}). The card was not added.`, 'error');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  say('We could not confirm the verification yet. Your cards will update when it completes.', 'error');
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
$('#add-card').addEventListener('click', openPanel);
$('#close-panel').addEventListener('click', closePanel);
restart.addEventListener('click', async () => {
  restart.hidden = true;
  say('');
  mountCard(await newSession());
});
localeSelect.addEventListener('change', () => {
  if (card) card.locale = localeSelect.value;
});

new EventSource('/api/cards/events').addEventListener('cards', () => loadCards());

const me = await api('/api/me');
$('#buyer-name').textContent = me.name;
const returned = new URLSearchParams(location.search).get('vaulting');
if (returned) await showReturn(returned);
await loadCards();
document.body.dataset.ready = 'true';
