import {expect, fixture} from '@open-wc/testing';
import {html, render} from 'lit';
import {acceptedBrandsRow, brandMark} from '../../src/element/brand-marks.js';
import {BRAND_MARKS} from '../../src/element/brand-marks-data.js';
import {CARD_BRANDS, type CardBrand} from '../../src/card/types.js';

async function renderMark(brand: CardBrand | null): Promise<SVGSVGElement> {
  const host = await fixture<HTMLDivElement>(html`<div>${brandMark(brand)}</div>`);
  const svg = host.querySelector('svg');
  if (!svg) throw new Error(`no svg for ${brand}`);
  return svg;
}

/** Parses a body the way the browser will see it, inside an svg element. */
function parseBody(body: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(`<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>`, 'image/svg+xml');
  expect(doc.querySelector('parsererror'), 'well-formed').to.equal(null);
  return doc.documentElement as unknown as SVGSVGElement;
}

describe('brand marks', () => {
  for (const brand of [...CARD_BRANDS, null]) {
    it(`${brand ?? 'null'}: an aria-hidden 32x20 svg with a viewBox and drawn content`, async () => {
      const svg = await renderMark(brand);
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

  it('the null mark is drawn in currentColor', async () => {
    const svg = await renderMark(null);
    expect(svg.innerHTML).to.contain('currentColor');
  });

  it('has marks from the icon sets for the brands they cover', () => {
    expect(Object.keys(BRAND_MARKS)).to.include.members(['VISA', 'MASTERCARD', 'AMEX', 'DISCOVER', 'DINERS', 'JCB', 'CUP', 'MAESTRO', 'ELO', 'MIR']);
    for (const key of Object.keys(BRAND_MARKS)) expect(CARD_BRANDS).to.include(key);
  });

  it('no mark carries script, event handlers, external references or foreign content', () => {
    for (const [brand, mark] of Object.entries(BRAND_MARKS)) {
      expect(mark.body, brand).to.not.match(/<script|<foreignObject|<iframe|<image|<use\b|javascript:|@import/i);
      const root = parseBody(mark.body);
      for (const el of [root, ...root.querySelectorAll('*')]) {
        for (const attr of el.attributes) {
          expect(attr.name, `${brand} <${el.localName} ${attr.name}>`).to.not.match(/^on/i);
          if (/href$/i.test(attr.name)) expect(attr.value, `${brand} ${attr.name}`).to.match(/^#/);
          expect(attr.value, `${brand} ${attr.name}`).to.not.match(/url\((?!#)/i);
        }
        expect(el.localName, brand).to.not.be.oneOf(['script', 'foreignObject', 'style', 'a', 'image', 'use']);
      }
    }
  });

  it('no id appears twice across all marks, and every url(#id) points into the same mark', () => {
    const seen = new Map<string, string>();
    for (const [brand, mark] of Object.entries(BRAND_MARKS)) {
      const root = parseBody(mark.body);
      const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
      for (const id of ids) {
        expect(seen.has(id), `${id} in ${brand} and ${seen.get(id)}`).to.equal(false);
        seen.set(id, brand);
      }
      for (const [, id] of mark.body.matchAll(/url\(#([^)]+)\)/g)) expect(ids, `${brand} url(#${id})`).to.include(id);
    }
  });

  it('acceptedBrandsRow renders one aria-hidden mark per brand, in order', async () => {
    const brands: CardBrand[] = ['MIR', 'VISA', 'TROY', 'MASTERCARD'];
    const host = document.createElement('div');
    render(acceptedBrandsRow(brands), host);
    const row = host.querySelector('span.accepted-brands')!;
    expect(row.getAttribute('part')).to.equal('accepted-brands');
    const marks = [...row.children];
    expect(marks).to.have.length(brands.length);
    brands.forEach((brand, i) => {
      expect(marks[i].localName).to.equal('svg');
      expect(marks[i].getAttribute('aria-hidden')).to.equal('true');
      const expected = document.createElement('div');
      render(brandMark(brand), expected);
      expect(marks[i].outerHTML.replace(/<!--[^>]*-->/g, ''), brand).to.equal(expected.querySelector('svg')!.outerHTML.replace(/<!--[^>]*-->/g, ''));
    });
  });
});
