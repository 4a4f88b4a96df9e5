// Readiness for late listeners (issue 14): code that arrives after `ready` (a framework hydrating
// server-rendered markup, a script loaded later) reads `isReady` or awaits `whenReady`.
import {expect, fixture} from '@open-wc/testing';
import {html, mount, oneEvent} from './helpers.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';

describe('<antom-card-binding> readiness', () => {
  it('isReady is false before ready and true after; whenReady resolves for a late caller', async () => {
    const el = document.createElement('antom-card-binding') as AntomCardBinding;
    expect(el.isReady).to.equal(false);
    const heard = oneEvent(el, 'ready');
    document.body.append(el);
    await heard;
    expect(el.isReady).to.equal(true);
    let resolved = false;
    await el.whenReady.then(() => (resolved = true));
    expect(resolved).to.equal(true);
    el.remove();
  });

  it('a ready from a descendant does not make the element ready', async () => {
    const el = await mount();
    await el.whenReady;
    const outer = await fixture<AntomCardBinding>(html`<antom-card-binding><span></span></antom-card-binding>`);
    await outer.whenReady;
    const spanReady = new Event('ready', {bubbles: true});
    outer.querySelector('span')!.dispatchEvent(spanReady);
    expect(outer.isReady).to.equal(true);
    const fresh = document.createElement('antom-card-binding') as AntomCardBinding;
    fresh.append(document.createElement('span'));
    fresh.querySelector('span')!.dispatchEvent(new Event('ready', {bubbles: true}));
    expect(fresh.isReady).to.equal(false);
  });
});
