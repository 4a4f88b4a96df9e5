import {expect} from '@open-wc/testing';
import {render, type SVGTemplateResult, type TemplateResult} from 'lit';
import {BrandMarks, marksSettled} from '../../src/element/brand-marks.js';
import {MARK_LOADERS} from '../../src/element/brand-marks/loaders.js';
import {CARD_BRANDS, type CardBrand} from '../../src/card/types.js';

function draw(template: SVGTemplateResult | TemplateResult): HTMLDivElement {
  const host = document.createElement('div');
  document.body.append(host);
  render(template, host);
  return host;
}

async function loadMark(brand: CardBrand): Promise<SVGSVGElement> {
  const {mark} = await MARK_LOADERS[brand]();
  const svg = draw(mark).querySelector('svg');
  if (!svg) throw new Error(`no svg for ${brand}`);
  return svg;
}

describe('brand marks', () => {
  afterEach(() => document.querySelectorAll('body > div').forEach((div) => div.remove()));

  for (const brand of CARD_BRANDS) {
    it(`${brand}: its own lazy module, an aria-hidden 32x20 svg with a viewBox and drawn content`, async () => {
      const svg = await loadMark(brand);
      expect(svg.namespaceURI).to.equal('http://www.w3.org/2000/svg');
      expect(svg.getAttribute('viewBox')).to.match(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/);
      expect(svg.getAttribute('width')).to.equal('32');
      expect(svg.getAttribute('height')).to.equal('20');
      expect(svg.getAttribute('aria-hidden')).to.equal('true');
      expect(svg.getAttribute('focusable')).to.equal('false');
      expect(svg.querySelectorAll('path, rect, circle, ellipse, polygon, text').length).to.be.greaterThan(0);
      const box = svg.getBBox();
      expect(box.width * box.height).to.be.greaterThan(0);
    });
  }

  it('without a brand (or while its mark loads): the neutral outline in currentColor', () => {
    const marks = new BrandMarks({requestUpdate() {}} as never);
    const svg = draw(marks.mark(null)).querySelector('svg')!;
    expect(svg.innerHTML).to.contain('currentColor');
  });

  it('no mark carries script, event handlers, external references or foreign content', async () => {
    for (const brand of CARD_BRANDS) {
      const root = await loadMark(brand);
      for (const el of [root, ...root.querySelectorAll('*')]) {
        for (const attr of el.attributes) {
          expect(attr.name, `${brand} <${el.localName} ${attr.name}>`).to.not.match(/^on/i);
          if (/href$/i.test(attr.name)) expect(attr.value, `${brand} ${attr.name}`).to.match(/^#/);
          expect(attr.value, `${brand} ${attr.name}`).to.not.match(/url\((?!#)/i);
        }
        expect(el.localName, brand).to.not.be.oneOf(['script', 'foreignObject', 'style', 'a', 'image', 'use', 'iframe']);
      }
    }
  });

  it('no id appears twice across all marks, and every url(#id) points into the same mark', async () => {
    const seen = new Map<string, string>();
    for (const brand of CARD_BRANDS) {
      const root = await loadMark(brand);
      const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
      for (const id of ids) {
        expect(seen.has(id), `${id} in ${brand} and ${seen.get(id)}`).to.equal(false);
        seen.set(id, brand);
      }
      for (const [, id] of root.outerHTML.matchAll(/url\(#([^)]+)\)/g)) expect(ids, `${brand} url(#${id})`).to.include(id);
    }
  });

  it('a mark shows the outline first, asks for one render when it arrives, then shows itself', async () => {
    let updates = 0;
    const marks = new BrandMarks({requestUpdate: () => updates++} as never);
    const first = draw(marks.mark('JCB')).querySelector('svg')!;
    // Only BrandMarks fills its cache, and no other test asked it for JCB: the first render is the outline.
    expect(first.innerHTML).to.contain('currentColor');
    marks.mark('JCB'); // a second render while loading asks for no second update
    const {mark} = await MARK_LOADERS.JCB();
    await marksSettled();
    await Promise.resolve();
    expect(updates).to.equal(1);
    const expected = draw(mark).querySelector('svg')!.outerHTML;
    expect(draw(marks.mark('JCB')).querySelector('svg')!.outerHTML).to.equal(expected);
  });

  it('the accepted-brands row: one aria-hidden mark per brand, in order, once loaded', async () => {
    const brands: CardBrand[] = ['MIR', 'VISA', 'TROY', 'MASTERCARD'];
    const marks = new BrandMarks({requestUpdate() {}} as never);
    marks.row(brands);
    await marksSettled();
    const row = draw(marks.row(brands)).querySelector('span.accepted-brands')!;
    expect(row.getAttribute('part')).to.equal('accepted-brands');
    expect(row.getAttribute('aria-hidden')).to.equal('true');
    const shown = [...row.children];
    expect(shown).to.have.length(brands.length);
    for (const [i, brand] of brands.entries()) {
      const {mark} = await MARK_LOADERS[brand]();
      const strip = (text: string) => text.replace(/<!--[^>]*-->/g, '');
      expect(strip(shown[i]!.outerHTML), brand).to.equal(strip(draw(mark).querySelector('svg')!.outerHTML));
    }
  });
});
