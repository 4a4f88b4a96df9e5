import {expect, waitUntil} from '@open-wc/testing';
import {html, input, mount, oneEvent, typeInto} from './helpers.js';
import {buildMessages, type Msg} from '../../src/i18n/messages.js';
import {buildOutcomeMessages} from '../../src/i18n/outcome-messages.js';
import {SUPPORTED_LOCALES} from '../../src/i18n/locales.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';

/** Every English source string, collected by building the catalogue with an identity msg. */
function englishStrings(): string[] {
  const identity = ((template: unknown) =>
    typeof template === 'string' ? template : (template as {strings: string[]}).strings.join('')) as unknown as Msg;
  const catalogue = {...buildMessages(identity), ...buildOutcomeMessages(identity)} as unknown as Record<string, unknown>;
  const out: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'function') out.push(String((value as (...a: unknown[]) => string)(2, '4242')));
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(catalogue);
  // Acronyms, brand names and the digit placeholder are the same in every language by design.
  return out.filter((text) => !/^(CVV|CVC|CID|CVN|CVV2|CVE|CAV|1234 1234 1234 1234|MM \/ YY)$/.test(text));
}

async function mountLocale(locale: string): Promise<AntomCardBinding> {
  const el = document.createElement('antom-card-binding');
  el.locale = locale;
  const ready = oneEvent(el, 'ready');
  document.body.append(el);
  await ready;
  await el.updateComplete;
  return el;
}

const LABELS: Record<string, string> = {
  en: 'Card number',
  'pt-BR': 'Número do cartão',
  ko: '카드 번호',
  es: 'Número de tarjeta',
  fr: 'Numéro de carte',
  de: 'Kartennummer',
  it: 'Numero della carta',
  nl: 'Kaartnummer',
};

function visibleAndSpokenText(el: AntomCardBinding): string {
  const root = el.shadowRoot!;
  const attributes = [...root.querySelectorAll('[placeholder], [aria-label]')].map(
    (node) => `${node.getAttribute('placeholder') ?? ''} ${node.getAttribute('aria-label') ?? ''}`
  );
  return `${root.textContent ?? ''}\n${attributes.join('\n')}`;
}

describe('<antom-card-binding> languages', () => {
  afterEach(() => document.querySelectorAll('antom-card-binding').forEach((el) => el.remove()));

  for (const locale of SUPPORTED_LOCALES) {
    it(`${locale}: renders its own labels and no English source string`, async function () {
      this.timeout(20000);
      const el = await mountLocale(locale);
      expect(el.resolvedLocale).to.equal(locale);
      // Screen readers pick the voice from lang: the content says which language it is in.
      expect(el.shadowRoot!.querySelector('form')!.getAttribute('lang')).to.equal(locale);
      expect(el.shadowRoot!.querySelector('label[for="cardNumber"]')!.textContent).to.equal(LABELS[locale]);
      if (locale === 'en') return;
      await el.submit(); // shows every field's error message
      await el.updateComplete;
      const text = visibleAndSpokenText(el);
      for (const english of englishStrings()) {
        expect(text.includes(english), `"${english}" in ${locale}`).to.equal(false);
      }
    });
  }

  it('accepts Antom codes and BCP 47 tags, case-insensitive', async () => {
    expect((await mountLocale('pt_BR')).resolvedLocale).to.equal('pt-BR');
    expect((await mountLocale('ES-mx')).resolvedLocale).to.equal('es');
    expect((await mountLocale('de-CH')).resolvedLocale).to.equal('de');
  });

  it('falls back to English with one console warning for an unknown locale', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await mountLocale('tlh');
      expect(el.resolvedLocale).to.equal('en');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('tlh');
    } finally {
      console.warn = original;
    }
  });

  it('follows the nearest ancestor lang when it has no locale', async () => {
    // Built by hand: fixture() waits for an animation frame on non-Lit roots, and frames do not
    // come to a background tab when tests run two pages at once.
    const wrapper = document.createElement('div');
    wrapper.lang = 'nl-BE';
    wrapper.innerHTML = '<section><antom-card-binding></antom-card-binding></section>';
    document.body.append(wrapper);
    const el = wrapper.querySelector('antom-card-binding')!;
    await waitUntil(() => el.resolvedLocale === 'nl', 'the Dutch strings never loaded', {timeout: 5000});
    await el.updateComplete;
    expect(el.resolvedLocale).to.equal('nl');
    expect(el.shadowRoot!.querySelector('label[for="cardNumber"]')!.textContent).to.equal(LABELS.nl);
    wrapper.remove();
  });

  it('two elements with different locales on one page each speak their own', async () => {
    const korean = await mountLocale('ko_KR');
    const french = await mountLocale('fr_FR');
    expect(korean.shadowRoot!.querySelector('label[for="cardNumber"]')!.textContent).to.equal(LABELS.ko);
    expect(french.shadowRoot!.querySelector('label[for="cardNumber"]')!.textContent).to.equal(LABELS.fr);
  });

  it('switching locale at run time keeps what was typed and where the focus is', async () => {
    const el = await mount(html`<antom-card-binding locale="en"></antom-card-binding>`);
    await typeInto(el, 'cardNumber', '424242');
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'cardNumber'));
    el.locale = 'de_DE';
    await waitUntil(() => el.resolvedLocale === 'de', 'the German strings never loaded', {timeout: 5000});
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('label[for="cardNumber"]')!.textContent).to.equal(LABELS.de);
    expect(input(el, 'cardNumber').value).to.equal('4242 42');
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'cardNumber'));
  });

  it('expiry placeholders follow local usage', async () => {
    const expected: Record<string, string> = {es: 'MM / AA', fr: 'MM / AA', it: 'MM / AA', 'pt-BR': 'MM / AA', de: 'MM / JJ', nl: 'MM / JJ'};
    for (const [locale, placeholder] of Object.entries(expected)) {
      const el = await mountLocale(locale);
      expect(input(el, 'expiry').placeholder, locale).to.equal(placeholder);
    }
  });
});
