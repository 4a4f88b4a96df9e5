// The catalogue page: a story list, the stage, live controls, an event log, the story's HTML and
// an API table generated from /custom-elements.json. Plain DOM code, no framework; the element
// comes from the self-contained bundle. One story per page load (`?story=<id>`), so every story
// starts from a clean page. Never reads the card inputs: the event log shows event details,
// which never hold card data.
//
// An Antom-shaped session ('antom', hosted mode) gets Antom's real SDK, @alipay/ams-checkout, from
// /vendor/ams-checkout.js (the catalogue server bundles the installed devDependency), pointed at
// the catalogue's local double of Antom's card page (/__double/antom-app/): not the Antom service.
//
// `?embed=1` shows the stage only (the visual check view, visual.html, frames stories that way).
import '/dist/antom-card-binding.bundle.js';
import {LOCALES, STORIES} from './stories.mjs';

const TAG = 'antom-card-binding';
const EVENTS = ['ready', 'change', 'submit', 'bound', 'error', 'redirect', 'pending', 'hosted-event'];
const SESSION_CHOICES = [
  ['fresh', 'Fresh session'],
  ['none', 'None (preview)'],
  ['malformed', 'Malformed ("not-a-session")'],
  ['expired', 'Expired copy'],
  ['unreachable', 'Copy sending to a closed port'],
  ['hanging', 'Copy sending to a gateway that never answers'],
  ['garbled', 'Copy sending to a gateway that answers nonsense'],
  ['bad-key', 'Copy with an unusable encryption key'],
  ['antom', 'Antom-shaped (hosted mode, local double of Antom’s page)'],
];
/** Where the SDK finds "Antom's card page" in the catalogue: our double, never an Antom path. */
const DOUBLE_APP = '/__double/antom-app/antom-app.html';

const $ = (selector) => document.querySelector(selector);
const params = new URLSearchParams(location.search);
const story = STORIES.find((entry) => entry.id === params.get('story')) ?? STORIES[0];
const stage = $('#stage');
let sessionChoice = story.session === undefined ? 'fresh' : story.session === null ? 'none' : story.session;

// ---- helpers ----

function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** Text with `code` spans, as the manifest's descriptions are written. */
function richText(text = '') {
  const fragment = document.createDocumentFragment();
  text
    .replace(/\s*\n\s*/g, ' ')
    .split('`')
    .forEach((piece, index) => fragment.append(index % 2 ? h('code', {text: piece}) : piece));
  return fragment;
}

const elements = () => [...stage.querySelectorAll(TAG)];

let hostedSdk = null;

/** What the SDK gets instead of its device-risk module (see CatalogueVaulting): no device id. */
const NO_DEVICE_RISK = Object.freeze({getApdidToken: async () => '', pollingGetApdidToken: async () => ''});

/**
 * Antom's real AMSVaulting with two changes, both for running without Antom:
 * - its card page is the catalogue's double. The SDK's own test switch `elementProps.elementLink`
 *   (esm/plugin/component/cashierApp.js:83-86, not in its published types) names the app URL, and
 *   the SDK accepts messages from that URL's origin only. The element never passes it; this
 *   subclass does, as test/hosted/real-sdk.test.ts does.
 * - its device-risk module (APDID, esm/util/security.js) is never started: it fingerprints the
 *   browser and calls Antom's risk service, which this page's CSP refuses, and then leaves
 *   unhandled "Promise time out" rejections behind (its own promiseWithTimeout, no catch). The SDK
 *   asks `_getSecuritySDKByProductScene` first and starts the module only when that finds none
 *   (esm/plugin/component/index.js:143-175, esm/core/instance/index.js:157-193); the device id it
 *   reads from it (:205-245) is then empty, which the double does not mind.
 */
function loadHostedSdk() {
  hostedSdk ??= import('/vendor/ams-checkout.js').then(({AMSVaulting}) => {
    const link = new URL(DOUBLE_APP, location.href);
    link.searchParams.set('scenario', params.get('scenario') ?? 'success');
    class CatalogueVaulting extends AMSVaulting {
      mountComponent(mountParams, selector) {
        return super.mountComponent({...mountParams, elementProps: {elementLink: link.href}}, selector);
      }
      _getSecuritySDKByProductScene() {
        return NO_DEVICE_RISK;
      }
    }
    // The static property: every element of the page (and a session switched in the controls) gets it.
    customElements.get(TAG).hostedSdk = CatalogueVaulting;
    return CatalogueVaulting;
  });
  return hostedSdk;
}

async function sessionValue(choice) {
  if (choice === 'none') return null;
  if (choice === 'malformed') return 'not-a-session';
  if (choice === 'antom') await loadHostedSdk();
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify({variant: choice}),
  });
  if (!response.ok) throw new Error(`session: HTTP ${response.status}`);
  return (await response.json()).vaultingSessionData;
}

// ---- story list ----

function renderNav() {
  const list = $('#story-list');
  const groups = [...new Set(STORIES.map((entry) => entry.group))];
  for (const group of groups) {
    const id = `group-${group.toLowerCase().replace(/\W+/g, '-')}`;
    list.append(
      h('h3', {id, text: group}),
      h(
        'ul',
        {'aria-labelledby': id},
        ...STORIES.filter((entry) => entry.group === group).map((entry) =>
          h(
            'li',
            {},
            h('a', {href: `?story=${entry.id}`, 'aria-current': entry === story ? 'page' : undefined, lang: entry.titleLang, 'data-story': entry.id}, entry.title)
          )
        )
      )
    );
  }
}

// ---- event log ----

const logList = $('#log-list');

function logEvent(event) {
  const target = event.target;
  if (!(target instanceof HTMLElement) || target.localName !== TAG) return; // native submit/change of the host page
  const many = elements().length > 1;
  const time = new Date().toISOString().slice(11, 23);
  const detail = event.detail === null || event.detail === undefined ? '' : JSON.stringify(event.detail, null, 1).replace(/\n\s*/g, ' ');
  const item = h(
    'li',
    {'data-event': event.type},
    h('span', {class: 'time', text: time}),
    ' ',
    h('strong', {text: event.type}),
    many ? h('span', {class: 'who', text: ` (${target.getAttribute('locale') ?? 'element'})`}) : null,
    event.cancelable ? h('span', {class: 'flag', text: ' cancelable'}) : null,
    detail ? h('code', {class: 'detail', text: detail}) : null
  );
  logList.prepend(item);
  while (logList.children.length > 200) logList.lastElementChild.remove();
  updateReadouts();
}

// ---- API table ----

function table(caption, headings, rows) {
  const id = `api-${caption.toLowerCase().replace(/\W+/g, '-')}`;
  return h(
    'div',
    {class: 'api-block'},
    h('h4', {id, text: caption}),
    h(
      'div',
      // Scrolls sideways on narrow screens: focusable and named, so keyboard users can scroll it too.
      {class: 'table-wrap', tabindex: '0', role: 'group', 'aria-labelledby': id},
      h(
        'table',
        {'aria-labelledby': id},
        h('thead', {}, h('tr', {}, ...headings.map((heading) => h('th', {scope: 'col', text: heading})))),
        h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell)))))
      )
    )
  );
}

const code = (text) => (text ? h('code', {text}) : '');

function renderApi(declaration) {
  const api = $('#api');
  if (!declaration) {
    api.append(h('p', {text: 'custom-elements.json is missing or has no custom element: run npm run analyze.'}));
    return;
  }
  const attributes = declaration.attributes ?? [];
  const publicMembers = (declaration.members ?? []).filter(
    (member) => !member.static && !member.name.startsWith('#') && (member.privacy ?? 'public') === 'public'
  );
  const fields = publicMembers.filter((member) => member.kind === 'field' && !member.attribute);
  const methods = publicMembers.filter((member) => member.kind === 'method');
  api.append(
    h('p', {}, 'Tag ', code(`<${declaration.tagName}>`), ', class ', code(declaration.name), '. ', richText(declaration.summary)),
    table(
      'Attributes and properties',
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      attributes.map((attribute) => [code(attribute.name), code(attribute.fieldName), code(attribute.type?.text), code(attribute.default), richText(attribute.description)])
    ),
    table(
      'Properties without an attribute',
      ['Property', 'Access', 'Type', 'Description'],
      fields.map((field) => [code(field.name), field.readonly ? 'read-only' : 'read and write', code(field.type?.text), richText(field.description)])
    ),
    table(
      'Methods',
      ['Method', 'Returns', 'Description'],
      methods.map((method) => [
        code(`${method.name}(${(method.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type?.text ?? 'unknown'}`).join(', ')})`),
        code(method.return?.type?.text),
        richText(method.description),
      ])
    ),
    table('Events', ['Event', 'Description'], (declaration.events ?? []).map((event) => [code(event.name), richText(event.description)])),
    table('CSS parts', ['Part', 'Description'], (declaration.cssParts ?? []).map((part) => [code(part.name), richText(part.description)])),
    table(
      'CSS custom properties',
      ['Property', 'Default', 'Description'],
      (declaration.cssProperties ?? []).map((property) => [code(property.name), code(property.default), richText(property.description)])
    )
  );
}

// ---- controls ----

const readouts = {};

function updateReadouts() {
  const element = elements()[0];
  if (!element) return;
  for (const [name, output] of Object.entries(readouts)) output.textContent = JSON.stringify(element[name] ?? null);
}

function controlRow(id, labelText, input, hint) {
  input.id = id;
  return h('div', {class: 'control'}, h('label', {for: id}, labelText), input, hint ? h('span', {class: 'hint', id: `${id}-hint`, text: hint}) : null);
}

function renderControls(declaration) {
  const box = $('#controls');
  const first = elements()[0];
  if (!first || !declaration) {
    box.append(h('p', {text: 'No element in this story.'}));
    return;
  }
  const all = elements();
  const applyAll = (change) => {
    for (const element of all) change(element);
    renderSnippet();
    // A new locale loads its strings first: read the properties once the elements have updated.
    Promise.all(all.map((element) => element.updateComplete)).then(updateReadouts);
  };

  const attributeRows = [];
  for (const attribute of declaration.attributes ?? []) {
    if (attribute.name === 'vaulting-session-data') continue; // the Session control sets the property
    const id = `control-attr-${attribute.name}`;
    const type = attribute.type?.text ?? '';
    let input;
    if (type === 'boolean') {
      input = h('input', {type: 'checkbox', checked: first.hasAttribute(attribute.name)});
      input.addEventListener('change', () => applyAll((element) => element.toggleAttribute(attribute.name, input.checked)));
    } else if (attribute.name === 'locale') {
      input = h(
        'select',
        {},
        h('option', {value: '', text: '(none: page language)'}),
        ...LOCALES.map(({code: value, name}) => h('option', {value, text: `${value} · ${name}`}))
      );
      input.value = first.getAttribute('locale') ?? '';
      input.addEventListener('change', () =>
        applyAll((element) => (input.value ? element.setAttribute('locale', input.value) : element.removeAttribute('locale')))
      );
    } else {
      input = h('input', {type: type === 'number' ? 'number' : 'text', value: first.getAttribute(attribute.name) ?? '', placeholder: attribute.default && attribute.default !== 'null' ? attribute.default.replace(/_/g, '') : ''});
      input.addEventListener('input', () =>
        applyAll((element) => (input.value ? element.setAttribute(attribute.name, input.value) : element.removeAttribute(attribute.name)))
      );
    }
    attributeRows.push(controlRow(id, attribute.name, input));
  }

  const session = h('select', {}, ...SESSION_CHOICES.map(([value, text]) => h('option', {value, text})));
  session.value = sessionChoice;
  session.addEventListener('change', async () => {
    sessionChoice = session.value;
    const values = await Promise.all(all.map(() => sessionValue(sessionChoice)));
    all.forEach((element, index) => (element.vaultingSessionData = values[index]));
    renderSnippet();
  });

  const readoutList = h('dl', {class: 'readouts'});
  for (const field of (declaration.members ?? []).filter((member) => member.readonly && !member.name.startsWith('#') && !member.privacy)) {
    readouts[field.name] = h('dd', {'data-readout': field.name});
    readoutList.append(h('dt', {}, code(field.name)), readouts[field.name]);
  }

  const methods = (declaration.members ?? []).filter((member) => member.kind === 'method' && !member.privacy && !member.name.startsWith('#') && !member.static);
  const methodButtons = h(
    'div',
    {class: 'buttons'},
    ...methods.map((method) =>
      h('button', {type: 'button', 'data-method': method.name, onclick: () => all.forEach((element) => element[method.name]())}, h('code', {text: `${method.name}()`}))
    )
  );

  const cssRows = (declaration.cssProperties ?? []).map((property) => {
    const input = h('input', {type: 'text', placeholder: property.default ?? 'theme default', spellcheck: 'false'});
    input.addEventListener('input', () =>
      applyAll((element) => (input.value.trim() ? element.style.setProperty(property.name, input.value.trim()) : element.style.removeProperty(property.name)))
    );
    return controlRow(`control-css${property.name}`, property.name, input);
  });

  box.append(
    h('fieldset', {}, h('legend', {text: 'Attributes'}), ...attributeRows),
    h('fieldset', {}, h('legend', {text: 'Properties'}), controlRow('control-prop-vaultingSessionData', 'vaultingSessionData', session), readoutList),
    h('fieldset', {}, h('legend', {text: 'Methods'}), methodButtons),
    h('details', {class: 'css-controls'}, h('summary', {text: 'CSS custom properties'}), ...cssRows)
  );
  if (all.length > 1) box.prepend(h('p', {class: 'note', text: `Controls apply to all ${all.length} elements of this story.`}));
  updateReadouts();
}

// ---- snippet ----

const VOID = new Set(['input', 'br', 'img', 'meta', 'link']);
const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text) => escapeText(text).replace(/"/g, '&quot;');

function serialize(node, depth, lines) {
  const pad = '  '.repeat(depth);
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node.textContent.trim();
    if (text) lines.push(pad + escapeText(text));
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE || node.hasAttribute('data-story-ui')) return;
  // The element's own light-DOM container for Antom's iframe (hosted mode) is not page markup.
  if (node.getAttribute('slot') === 'antom-hosted' && node.parentElement?.localName === TAG) return;
  const tag = node.localName;
  const attributes = [...node.attributes]
    .filter((attribute) => attribute.name !== 'vaulting-session-data')
    .map((attribute) => (attribute.value === '' ? ` ${attribute.name}` : ` ${attribute.name}="${escapeAttribute(attribute.value)}"`))
    .join('');
  const open = `${pad}<${tag}${attributes}>`;
  if (VOID.has(tag)) {
    lines.push(open);
    return;
  }
  const children = [...node.childNodes].filter((child) => child.nodeType === Node.ELEMENT_NODE || child.textContent.trim());
  if (children.length === 0) lines.push(`${open}</${tag}>`);
  else if (children.length === 1 && children[0].nodeType === Node.TEXT_NODE) lines.push(`${open}${escapeText(children[0].textContent.trim())}</${tag}>`);
  else {
    lines.push(open);
    for (const child of children) serialize(child, depth + 1, lines);
    lines.push(`${pad}</${tag}>`);
  }
}

function renderSnippet() {
  const lines = ['<script type="module" src="/node_modules/antom-card-binding/dist/antom-card-binding.bundle.js"></script>'];
  if (story.css) lines.push('<style>', ...story.css.split('\n').map((line) => `  ${line}`), '</style>');
  for (const child of stage.childNodes) serialize(child, 0, lines);
  const many = elements().length > 1;
  const body = [];
  if (sessionChoice === 'none') body.push('// no vaultingSessionData: the form is a preview; submit() ends in error session_missing');
  else if (sessionChoice === 'malformed') body.push(`card.vaultingSessionData = 'not-a-session';`);
  else {
    if (sessionChoice === 'antom') body.push('card.hostedSdk = AMSVaulting; // before the session (or once: AntomCardBinding.hostedSdk = AMSVaulting)');
    body.push(
      sessionChoice === 'antom'
        ? "// from your server, which called Antom's createVaultingSession: an Antom session renders in hosted mode"
        : '// from your server, which called createVaultingSession (one session per element and attempt)'
    );
    body.push(`const {vaultingSessionData} = await (await fetch('/api/vaulting-session', {method: 'POST'})).json();`);
    body.push('card.vaultingSessionData = vaultingSessionData;');
    if (sessionChoice === 'antom') body.push("// (here: the emulator's Antom-shaped session; Antom's SDK talks to a local double of Antom's card page)");
    else if (sessionChoice !== 'fresh') body.push(`// (this story uses a ${sessionChoice} copy of a real session, made by the catalogue's server)`);
  }
  if (story.script) body.push(...story.script.split('\n'));
  lines.push('<script type="module">');
  if (sessionChoice === 'antom') lines.push("  import {AMSVaulting} from '@alipay/ams-checkout'; // Antom's web SDK (with a bundler or an import map)");
  if (many) {
    lines.push(`  for (const card of document.querySelectorAll('${TAG}')) {`, ...body.map((line) => `    ${line}`), '  }');
  } else {
    lines.push(`  const card = document.querySelector('${TAG}');`, ...body.map((line) => `  ${line}`));
  }
  lines.push('</script>');
  $('#snippet').textContent = lines.join('\n');
}

// ---- the story ----

async function main() {
  renderNav();
  document.title = `${story.title} · antom-card-binding catalogue`;
  $('#story-title').textContent = story.title;
  if (story.titleLang) $('#story-title').lang = story.titleLang;
  $('#story-description').textContent = story.description;
  if (story.notice) {
    const notice = $('#story-notice');
    notice.textContent = story.notice;
    notice.hidden = false;
  }
  document.body.dataset.story = story.id;
  if (params.get('embed') === '1') {
    document.body.classList.add('embed');
    if (window.parent !== window) {
      // Framed by the visual check: a story that focuses a field (field errors: the first invalid
      // one) would scroll the visual check page to its frame while the reviewer reads another row.
      // The focus (and its ring) stays; only the scrolling into view goes.
      const focus = HTMLElement.prototype.focus;
      HTMLElement.prototype.focus = function (options) {
        focus.call(this, {...options, preventScroll: true});
      };
    }
  }

  const linksPromise = fetch('/api/links')
    .then((response) => response.json())
    .catch(() => ({}));
  linksPromise.then((links) => {
    if (!links.merchant) return;
    const link = $('#merchant-link');
    link.href = links.merchant;
    link.hidden = false;
  });

  const manifestPromise = fetch('/custom-elements.json').then((response) => (response.ok ? response.json() : null)).catch(() => null);

  for (const type of EVENTS) stage.addEventListener(type, logEvent);
  $('#clear-log').addEventListener('click', () => logList.replaceChildren());

  // Sessions first, so each element has its own before its first render.
  const count = (story.html.match(new RegExp(`<${TAG}\\b`, 'g')) ?? []).length;
  const sessions = await Promise.all(Array.from({length: count}, () => sessionValue(sessionChoice)));
  const {gatewayOrigins = []} = await linksPromise;
  if (story.breakWebCrypto) {
    // This story shows the view a browser without usable WebCrypto gets: key import is refused.
    crypto.subtle.importKey = () => Promise.reject(new DOMException('The key was refused (catalogue story).', 'DataError'));
  }

  if (story.css) stage.append(h('style', {'data-story-ui': ''}, story.css));
  stage.insertAdjacentHTML('beforeend', story.html);
  const all = elements();
  // The page says which gateways it trusts with the card (here: the emulator); the snippet shows it.
  if (gatewayOrigins.length > 0) for (const element of all) element.setAttribute('gateway-origins', gatewayOrigins.join(' '));
  const ready = all.map((element) => new Promise((resolve) => element.addEventListener('ready', resolve, {once: true})));
  all.forEach((element, index) => (element.vaultingSessionData = sessions[index]));

  const manifest = await manifestPromise;
  const declaration = manifest?.modules
    ?.flatMap((module) => module.declarations ?? [])
    .find((entry) => entry.customElement && entry.tagName === TAG);
  renderApi(declaration);
  await Promise.all(ready);
  renderControls(declaration);
  story.setup?.({stage, element: all[0], elements: all, params, story});
  renderSnippet();
  await story.play?.({stage, element: all[0], elements: all, params, story});
  updateReadouts();
  document.body.dataset.storyState = 'ready';
}

main().catch((error) => {
  document.body.dataset.storyState = 'failed';
  stage.prepend(h('p', {class: 'story-error', role: 'alert', text: `This story could not start: ${error.message}`}));
});

