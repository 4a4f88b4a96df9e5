import {expect} from '@open-wc/testing';
import {matchLocale, resolveLocale} from '../../src/i18n/locales.js';

describe('locale matching', () => {
  const cases: [string, string | null][] = [
    ['en_US', 'en'],
    ['pt_BR', 'pt-BR'],
    ['ko_KR', 'ko'],
    ['es_ES', 'es'],
    ['fr_FR', 'fr'],
    ['de_DE', 'de'],
    ['it_IT', 'it'],
    ['nl_NL', 'nl'],
    ['pt-BR', 'pt-BR'],
    ['PT-br', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['ko-KR', 'ko'],
    ['es-MX', 'es'],
    ['de-CH', 'de'],
    ['fr-CA', 'fr'],
    ['nl-BE', 'nl'],
    ['EN-gb', 'en'],
    ['zh_CN', null],
    ['xx', null],
    ['', null],
  ];
  for (const [requested, expected] of cases) {
    it(`"${requested}" -> ${expected}`, () => expect(matchLocale(requested)).to.equal(expected));
  }
});

describe('locale resolution order', () => {
  it('uses the explicit value first', () => {
    expect(resolveLocale('de_DE', 'fr', ['ko'])).to.equal('de');
  });
  it('falls back to English with one warning for an unknown explicit value', () => {
    const warnings: string[] = [];
    expect(resolveLocale('tlh', 'fr', ['ko'], (value) => warnings.push(value))).to.equal('en');
    expect(warnings).to.deep.equal(['tlh']);
  });
  it('follows the ancestor lang, then the browser languages', () => {
    expect(resolveLocale(null, 'nl-BE', ['ko'])).to.equal('nl');
    expect(resolveLocale(null, 'ja', ['ja-JP', 'it-IT', 'de'])).to.equal('it');
    expect(resolveLocale(null, null, ['zh-CN'])).to.equal('en');
  });
});
