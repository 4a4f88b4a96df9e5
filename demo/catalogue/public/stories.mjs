// The catalogue's stories. Each one is plain data plus an optional `play` step:
//   id, group, title, description
//   html      the stage's markup (also the "HTML" snippet, regenerated live from the DOM)
//   css       extra CSS for the stage (shown in the snippet)
//   session   what every element's vaultingSessionData gets: a server variant (fresh, expired,
//             unreachable, hanging, garbled, bad-key, antom), 'malformed' (the string
//             "not-a-session") or null (none). Default: fresh. 'antom' is an Antom-shaped session
//             (hosted mode): the page then hands the element Antom's real SDK, pointed at the
//             catalogue's local double of Antom's card page (catalogue.mjs, hostedSdk).
//   notice    a line shown above the stage, for what the reader must not mistake
//   script    the page code the story stands for, shown in the snippet
//   play      drives the story to its state against the local Antom sandbox emulator
// Stories that show an outcome fill the fields from code: they set each input's value and dispatch
// an `input` event (inputType insertFromPaste), then call submit(). Typing key by key is covered by
// the element's tests. The numbers are the emulator's public test cards.

export const LOCALES = [
  {code: 'en_US', lang: 'en', name: 'English'},
  {code: 'pt_BR', lang: 'pt-BR', name: 'Português (Brasil)'},
  {code: 'ko_KR', lang: 'ko', name: '한국어'},
  {code: 'es_ES', lang: 'es', name: 'Español'},
  {code: 'fr_FR', lang: 'fr', name: 'Français'},
  {code: 'de_DE', lang: 'de', name: 'Deutsch'},
  {code: 'it_IT', lang: 'it', name: 'Italiano'},
  {code: 'nl_NL', lang: 'nl', name: 'Nederlands'},
];

const NEXT_YEAR = String((new Date().getFullYear() + 3) % 100).padStart(2, '0');

/** Test cards of the emulator (README, "Scenario cards"). */
export const TEST_CARDS = {
  success: {cardNumber: '4242 4242 4242 4242', expiry: `12/${NEXT_YEAR}`, cvc: '123', holderName: 'Ana Example'},
  declined: {cardNumber: '4000 0000 0000 0002', expiry: `12/${NEXT_YEAR}`, cvc: '123', holderName: 'Ana Example'},
  gatewayError: {cardNumber: '4000 0000 0000 0119', expiry: `12/${NEXT_YEAR}`, cvc: '123', holderName: 'Ana Example'},
  processing: {cardNumber: '4000 0000 0000 0077', expiry: `12/${NEXT_YEAR}`, cvc: '123', holderName: 'Ana Example'},
  threeDSecure: {cardNumber: '4000 0000 0000 3220', expiry: `12/${NEXT_YEAR}`, cvc: '123', holderName: 'Ana Example'},
  amex: {cardNumber: '3782 822463 10005'},
};

const FILL_NOTE = 'The story fills the fields from code with an emulator test card and calls submit().';

/** Fills the element's fields the way a paste would (the element formats and validates). */
export function fill(element, values) {
  for (const [id, value] of Object.entries(values)) {
    const input = element.shadowRoot.querySelector(`#${id}`);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste', bubbles: true, composed: true}));
  }
}

/** Fills, submits, and resolves once the outcome is on screen. */
async function fillAndSubmit(element, card) {
  fill(element, card);
  await element.submit();
  await element.updateComplete;
}

const one = (html = '<antom-card-binding></antom-card-binding>') => html;

const outcome = (id, title, description, card, extra = {}) => ({
  id,
  group: 'Alert views',
  title,
  description: `${description} ${FILL_NOTE}`,
  html: one(),
  play: ({element}) => fillAndSubmit(element, card),
  ...extra,
});

export const STORIES = [
  {
    id: 'default',
    group: 'Basics',
    title: 'Default',
    description: 'The element with a fresh session from the merchant server. It follows the page language (English here). Type an emulator test card, for example 4242 4242 4242 4242, to bind it.',
    html: one(),
    script: `card.addEventListener('bound', (event) => console.log(event.detail.brand, event.detail.maskedCardNo));`,
  },
  {
    id: 'disabled',
    group: 'Basics',
    title: 'Disabled',
    description: 'The disabled attribute disables every field and the button.',
    html: one('<antom-card-binding disabled></antom-card-binding>'),
  },
  {
    id: 'host-form',
    group: 'Basics',
    title: 'Inside a host <form>',
    description: 'The element inside the page’s own form, with its button hidden: the page’s “Save card” button calls submit(). The card never becomes a form value.',
    html: `<form class="host-form" id="host-form">
  <label for="receipt-email">Email for receipts</label>
  <input id="receipt-email" name="email" type="email" autocomplete="email">
  <antom-card-binding hide-submit-button></antom-card-binding>
  <button type="submit">Save card</button>
</form>`,
    script: `document.querySelector('#host-form').addEventListener('submit', (event) => {
  event.preventDefault();
  card.submit(); // the outcome arrives as a bound, error or redirect event
});`,
    setup: ({stage, element}) => {
      stage.querySelector('#host-form').addEventListener('submit', (event) => {
        event.preventDefault();
        void element.submit();
      });
    },
  },
  {
    id: 'restricted-brands',
    group: 'Basics',
    title: 'Restricted brands',
    description: 'accepted-brands="VISA MASTERCARD" (intersected with the session’s brands). The story pastes an American Express test number, which is refused at once.',
    html: one('<antom-card-binding accepted-brands="VISA MASTERCARD"></antom-card-binding>'),
    play: async ({element}) => {
      fill(element, TEST_CARDS.amex);
      await element.updateComplete;
    },
  },
  {
    id: 'mobile',
    group: 'Basics',
    title: 'Narrow mobile width',
    description: 'The element in a 320 px wide column, the narrowest common phone width. Inputs stay at 16 px or more, so iOS does not zoom.',
    html: `<div class="phone">
  <antom-card-binding></antom-card-binding>
</div>`,
    css: `.phone { width: 320px; max-width: 100%; padding: 16px; border: 1px solid #6b7280; border-radius: 24px; }`,
  },

  ...LOCALES.map(({code, lang, name}) => ({
    id: `locale-${code}`,
    group: 'Languages',
    title: `${name} (${code})`,
    titleLang: lang,
    description: `locale="${code}". The wrapper’s lang attribute tells assistive technology which language the form speaks.`,
    html: `<div lang="${lang}">
  <antom-card-binding locale="${code}"></antom-card-binding>
</div>`,
  })),
  {
    id: 'all-languages',
    group: 'Languages',
    title: 'All eight side by side',
    description: 'One element per language, to compare lengths and layout.',
    html: `<div class="side-by-side">
${LOCALES.map(({code, lang, name}) => `  <figure lang="${lang}">
    <figcaption>${name} (${code})</figcaption>
    <antom-card-binding locale="${code}"></antom-card-binding>
  </figure>`).join('\n')}
</div>`,
    css: `.side-by-side { display: grid; gap: 24px; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); }
.side-by-side figure { margin: 0; }
.side-by-side figcaption { font-weight: 600; margin-bottom: 8px; }`,
  },

  {
    id: 'dark',
    group: 'Themes',
    title: 'Dark theme',
    description: 'color-scheme: dark on an ancestor switches the element to its dark palette; it takes the text colour from the page.',
    html: `<div class="dark-page">
  <antom-card-binding></antom-card-binding>
</div>`,
    css: `.dark-page { color-scheme: dark; background: #0d1117; color: #e6edf3; padding: 24px; border-radius: 8px; }`,
  },
  {
    id: 'brand-theme',
    group: 'Themes',
    title: 'Custom brand theme',
    description: 'A theme made only with --antom-* custom properties and ::part() rules: no access to the shadow DOM.',
    html: `<div class="brand-page">
  <antom-card-binding></antom-card-binding>
</div>`,
    css: `.brand-page {
  padding: 24px;
  background: #fff8f0;
  color: #2b1d0e;
  --antom-font-family: Georgia, 'Times New Roman', serif;
  --antom-color-background: #ffffff;
  --antom-color-border: #7a5a3a;
  --antom-color-focus: #b4461b;
  --antom-color-error: #a1260d;
  --antom-color-primary: #b4461b;
  --antom-color-on-primary: #ffffff;
  --antom-radius: 0;
  --antom-spacing: 16px;
}
.brand-page antom-card-binding::part(label) {
  text-transform: uppercase;
  letter-spacing: 0.08em;
  font-size: 0.75rem;
}
.brand-page antom-card-binding::part(input) {
  border-width: 0 0 2px;
}
.brand-page antom-card-binding::part(submit-button) {
  border-radius: 999px;
  text-transform: uppercase;
  letter-spacing: 0.08em;
}
.brand-page antom-card-binding::part(alert) {
  border-width: 0 0 0 4px;
}`,
  },

  outcome('alert-success', 'Bound (success)', 'Card 4242 4242 4242 4242 is bound by the emulator: the success view and a bound event.', TEST_CARDS.success),
  outcome('alert-declined', 'Declined', 'Card 4000 0000 0000 0002 is declined (DO_NOT_HONOR): the declined view with “Try again” and an error event with code declined.', TEST_CARDS.declined),
  outcome('alert-processing', 'Processing', 'Card 4000 0000 0000 0077 stays PROCESSING for a while: the processing view. The merchant learns the outcome from notifyVaulting.', TEST_CARDS.processing),
  outcome('alert-gateway-error', 'Gateway error', 'Card 4000 0000 0000 0119 makes the emulator answer HTTP 500 UNKNOWN_EXCEPTION: the gateway view (retryable) and error gateway_error.', TEST_CARDS.gatewayError),
  outcome('alert-network', 'Network failure', 'A copy of a real session whose submitUrl points at a closed port on 127.0.0.1: the network view and error network_error.', TEST_CARDS.success, {session: 'unreachable'}),
  outcome('alert-timeout', 'Timeout', 'submit-timeout="1500" and a copy of a session whose submitUrl never answers: the network view and error timeout.', TEST_CARDS.success, {
    session: 'hanging',
    html: one('<antom-card-binding submit-timeout="1500"></antom-card-binding>'),
  }),
  outcome('alert-invalid-response', 'Invalid gateway reply', 'A copy of a session whose submitUrl answers HTTP 200 with an unexpected body: the gateway view and error invalid_response.', TEST_CARDS.success, {session: 'garbled'}),
  outcome('alert-encryption-failed', 'Encryption failed', 'The browser refuses to import the encryption key (the story makes crypto.subtle.importKey reject, as a browser without usable WebCrypto would): the card is never sent; the encryption view and error encryption_failed.', TEST_CARDS.success, {breakWebCrypto: true}),
  outcome('session-weak-key', 'Session with a weak key', 'A copy of a session whose encryption key is too short for RSA-OAEP-256 to mean anything: the element refuses to encrypt to it; the malformed view and error session_malformed, whose message names the rule (RSA of at least 2048 bits).', TEST_CARDS.success, {session: 'bad-key'}),
  {
    id: 'session-expired',
    group: 'Alert views',
    title: 'Session expired',
    description: 'A copy of a real session with no lifetime left (issued and expiring a minute ago, by the gateway clock): the expired view at once and error session_expired. The merchant must create a new session.',
    html: one(),
    session: 'expired',
  },
  {
    id: 'session-malformed',
    group: 'Alert views',
    title: 'Session malformed',
    description: 'vaultingSessionData = "not-a-session": the malformed view and error session_malformed.',
    html: one(),
    session: 'malformed',
  },
  {
    id: 'three-d-secure',
    group: 'Alert views',
    title: '3-D Secure flow',
    description: `Card 4000 0000 0000 3220 asks for 3-D Secure. This page cancels the redirect event to show the redirecting view, then offers the emulator’s challenge page; after pass or fail the emulator sends the buyer back here and the story shows the outcome (inquireVaulting through the merchant helper). ${FILL_NOTE}`,
    html: one(),
    script: `card.addEventListener('redirect', (event) => {
  event.preventDefault(); // navigate yourself (or let the element do it)
  showContinueLink(event.detail.url);
});`,
    play: async ({element, stage, params}) => {
      const returned = params.get('vaulting');
      if (returned) {
        const status = storyNote(stage, 'Asking the emulator how the verification ended…');
        const answer = await (await fetch(`/api/vaultings/${encodeURIComponent(returned)}`)).json();
        status.textContent =
          answer.vaultingStatus === 'SUCCESS'
            ? `Back from 3-D Secure: the emulator reports SUCCESS, ${answer.brand} ${answer.maskedCardNo} is bound. The form below has a new session.`
            : `Back from 3-D Secure: the emulator reports ${answer.vaultingStatus}${answer.resultCode ? ` (${answer.resultCode})` : ''}. The form below has a new session.`;
        return;
      }
      element.addEventListener('redirect', (event) => {
        event.preventDefault();
        const note = storyNote(stage, '');
        const link = document.createElement('a');
        link.href = event.detail.url;
        link.textContent = 'Continue to the emulator’s 3-D Secure page';
        note.append(link);
      });
      await fillAndSubmit(element, TEST_CARDS.threeDSecure);
    },
  },

  {
    id: 'hosted',
    group: 'Hosted mode',
    title: 'Hosted mode (Antom’s SDK, local double)',
    description:
      'An Antom-shaped session from the emulator (no cardBinding extension) switches the element to hosted mode: it loads its hosted chunk and mounts Antom’s real web SDK, @alipay/ams-checkout 1.47.2 (hostedSdk), whose iframe is a light-DOM child of the element, shown through its slot. “Add card” calls the SDK’s submit(); the double answers SDK_PAYMENT_SUCCESSFUL, which is a bound event without card details (in production the server learns the card from notifyVaulting; the double calls nobody, so the emulator records no binding). The catalogue points the SDK at the double with the SDK’s own test switch (elementProps.elementLink), and the page’s Content-Security-Policy refuses every Antom host the SDK asks for.',
    notice: 'Antom’s SDK against a local double of Antom’s card page, not the Antom service.',
    html: one(),
    session: 'antom',
    script: `card.addEventListener('bound', () => location.assign('/cards')); // the card's details: from notifyVaulting`,
    setup: ({stage, params}) => {
      // Which answer the double gives to submitPay (its scenario): a reload with ?scenario=.
      const note = storyNote(stage, '');
      note.removeAttribute('role'); // a control, not a status message
      const select = document.createElement('select');
      select.id = 'double-scenario';
      for (const [value, text] of [['success', 'SDK_PAYMENT_SUCCESSFUL (bound)'], ['fail', 'SDK_PAYMENT_FAIL (declined)'], ['error-code', 'SDK_SUBMIT_NETWORK_ERROR (network)'], ['processing', 'SDK_PAYMENT_PROCESSING (pending)']]) {
        select.append(new Option(text, value));
      }
      select.value = params.get('scenario') ?? 'success';
      select.addEventListener('change', () => {
        const url = new URL(location.href);
        url.searchParams.set('scenario', select.value);
        location.assign(url);
      });
      const label = document.createElement('label');
      label.htmlFor = select.id;
      label.textContent = 'The double answers “Add card” with ';
      note.append(label, select);
    },
  },

  {
    id: 'field-errors',
    group: 'Error states',
    title: 'Field errors',
    description: 'Invalid values and submit(): every field shows its error, the first invalid field takes focus, nothing is sent.',
    html: one(),
    play: async ({element}) => {
      fill(element, {cardNumber: '4242 4242 4242 4241', expiry: '01/20', cvc: '1'});
      await element.submit();
      await element.updateComplete;
    },
  },
  {
    id: 'session-missing',
    group: 'Error states',
    title: 'No session',
    description: `No vaultingSessionData: the form renders and validates (a preview), and submitting a valid card ends in error session_missing; the form stays. ${FILL_NOTE}`,
    html: one(),
    session: null,
    play: ({element}) => fillAndSubmit(element, TEST_CARDS.success),
  },
  {
    id: 'duplicate-submit',
    group: 'Error states',
    title: 'Duplicate submit',
    description: `submit() twice in a row: the second call fires error duplicate_submit and sends nothing; the first binds the card. ${FILL_NOTE}`,
    html: one(),
    play: async ({element}) => {
      fill(element, TEST_CARDS.success);
      const first = element.submit();
      await element.submit();
      await first;
      await element.updateComplete;
    },
  },
];

/** A line of story text above the element (not part of the snippet). */
function storyNote(stage, text) {
  let note = stage.querySelector('.story-note');
  if (!note) {
    note = document.createElement('p');
    note.className = 'story-note';
    note.dataset.storyUi = '';
    note.setAttribute('role', 'status');
    stage.prepend(note);
  }
  note.textContent = text;
  return note;
}
