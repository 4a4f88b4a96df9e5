/**
 * Issue 13: the layout holds at 320, 390 and 1280 px with 200% text, in English, German and
 * French, with every error shown (the longest state): no box overlaps another, nothing scrolls
 * sideways, the half-width row's inputs start on one line (or stack), and the typed number never
 * runs under the brand mark.
 */
import {expect, html} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import {mount} from './helpers.js';
import type {AntomCardBinding} from '../../src/element/antom-card-binding.js';

const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe('<antom-card-binding> geometry at the edges', () => {
  after(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport({width: 800, height: 600});
  });

  const cases = [320, 390, 1280].flatMap((width) => ['en', 'de', 'fr'].map((locale) => ({width, locale, spacing: false})));
  // WCAG 1.4.12 text spacing (line height 1.5, paragraphs 2em apart, letters .12em, words .16em), at the narrowest width.
  cases.push(...['en', 'de', 'fr'].map((locale) => ({width: 320, locale, spacing: true})));
  for (const {width, locale, spacing} of cases) {
    {
      it(`${locale} at ${width} px, 200% text${spacing ? ', WCAG 1.4.12 text spacing' : ''}, all errors shown`, async () => {
        await setViewport({width, height: 900});
        document.documentElement.style.fontSize = '200%';
        const el: AntomCardBinding = await mount(html`<antom-card-binding locale=${locale} accepted-brands="VISA MASTERCARD AMEX"></antom-card-binding>`);
        const root = el.shadowRoot!;
        if (spacing) {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } p { margin-bottom: 2em !important; }');
          root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        }
        const number = root.querySelector<HTMLInputElement>('#cardNumber')!;
        number.value = '4';
        number.dispatchEvent(new InputEvent('input', {inputType: 'insertText', data: '4', bubbles: true, composed: true}));
        await el.submit(); // reveals every field's error
        await el.updateComplete;

        expect(document.scrollingElement!.scrollWidth, 'horizontal scroll').to.be.at.most(innerWidth);
        const boxes = [...root.querySelectorAll('.field > .label-row label, .field input, .field .error, button.submit')]
          .filter((node) => (node.textContent ?? '') !== '' || node.localName === 'input')
          .map((node) => ({node, rect: node.getBoundingClientRect()}));
        for (const {rect} of boxes) expect(rect.right, 'inside the viewport').to.be.at.most(innerWidth + 0.5);
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i]!, boxes[j]!];
            expect(overlap(a.rect, b.rect), `${a.node.localName}.${a.node.className} over ${b.node.localName}.${b.node.className}`).to.equal(false);
          }
        }
        const expiry = root.querySelector('#expiry')!.getBoundingClientRect();
        const cvc = root.querySelector('#cvc')!.getBoundingClientRect();
        const stacked = cvc.top >= expiry.bottom;
        if (!stacked) expect(Math.abs(cvc.top - expiry.top), 'half-width inputs on one line').to.be.below(1);
        expect(stacked || width >= 390, 'at 320 px with 200% text the half-width fields stack').to.equal(true);
        const mark = root.querySelector('[part~="brand-icon"]')!.getBoundingClientRect();
        const padRight = parseFloat(getComputedStyle(number).paddingRight);
        expect(number.getBoundingClientRect().right - padRight, 'number text ends before the mark').to.be.at.most(mark.left + 0.5);
        el.remove();
      });
    }
  }
});
