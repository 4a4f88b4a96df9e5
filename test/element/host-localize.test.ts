/**
 * A host page that uses @lit/localize for its own strings (one configureLocalization per module
 * instance, one page-wide locale) and the element side by side: neither disturbs the other.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {configureLocalization, msg} from '@lit/localize';
import {oneEvent} from './helpers.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';

describe('<antom-card-binding> on a page that uses @lit/localize itself', () => {
  it('the host configures and switches its own locale; the element keeps its own', async () => {
    // The host's configuration: would throw if the element had configured @lit/localize already.
    const {setLocale, getLocale} = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['ko'],
      loadLocale: async () => ({templates: {'host.greeting': '안녕하세요'}}),
    });
    const el = document.createElement('antom-card-binding') as AntomCardBinding;
    el.locale = 'fr_FR';
    const ready = oneEvent(el, 'ready');
    document.body.append(el);
    await ready;
    await setLocale('ko');
    expect(getLocale()).to.equal('ko');
    expect(msg('Hello', {id: 'host.greeting'})).to.equal('안녕하세요');
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('label[for="cardNumber"]')!.textContent).to.equal('Numéro de carte');
    // And the element's own locale switch leaves the host's alone.
    el.locale = 'de';
    await waitUntil(() => el.resolvedLocale === 'de', 'German never loaded', {timeout: 5000});
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('label[for="cardNumber"]')!.textContent).to.equal('Kartennummer');
    expect(getLocale()).to.equal('ko');
    el.remove();
  });
});
