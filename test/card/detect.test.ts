import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {CARD_BRANDS, detectBrand, type CardBrand} from '../../src/card/index.js';
import {TEST_CARDS} from './helpers.js';

/**
 * Six-digit prefixes at the first and last IIN of each range and just outside, with the brand
 * that owns them (worked out from the ranges in the brief, not read from the table).
 */
const BOUNDARIES: readonly (readonly [prefix: string, brand: CardBrand | null])[] = [
  // VISA 4
  ['400000', 'VISA'], ['499999', 'VISA'], ['399999', 'DINERS'], ['500000', 'MAESTRO'],
  // MASTERCARD 51-55, 2221-2720
  ['510000', 'MASTERCARD'], ['559999', 'MASTERCARD'], ['509999', 'ELO'], ['560000', 'MAESTRO'],
  ['222100', 'MASTERCARD'], ['272099', 'MASTERCARD'], ['222099', null], ['272100', null],
  // AMEX 34, 37
  ['340000', 'AMEX'], ['349999', 'AMEX'], ['339999', null], ['350000', null],
  ['370000', 'AMEX'], ['379999', 'AMEX'], ['369999', 'DINERS'], ['380000', 'DINERS'],
  // DISCOVER 6011, 644-649, 65
  ['601100', 'DISCOVER'], ['601199', 'DISCOVER'], ['601099', 'MAESTRO'], ['601200', 'MAESTRO'],
  ['644000', 'DISCOVER'], ['649999', 'DISCOVER'], ['643999', 'MAESTRO'], ['650000', 'DISCOVER'],
  ['659999', 'DISCOVER'], ['660000', 'MAESTRO'],
  // DINERS 300-305, 3095, 36, 38-39
  ['300000', 'DINERS'], ['305999', 'DINERS'], ['299999', null], ['306000', null],
  ['309500', 'DINERS'], ['309599', 'DINERS'], ['309499', null], ['309600', null],
  ['360000', 'DINERS'], ['359999', null], ['389999', 'DINERS'], ['390000', 'DINERS'],
  // JCB 3528-3589
  ['352800', 'JCB'], ['358999', 'JCB'], ['352799', null], ['359000', null],
  // CUP 62, 81 (and the Discover co-brand 622126-622925 resolved to CUP)
  ['620000', 'CUP'], ['629999', 'CUP'], ['619999', 'MAESTRO'], ['630000', 'MAESTRO'],
  ['810000', 'CUP'], ['819999', 'CUP'], ['809999', null], ['820000', null],
  ['622126', 'CUP'], ['622925', 'CUP'],
  // MAESTRO 50, 56-59, 6
  ['504174', 'MAESTRO'], ['504176', 'MAESTRO'], ['599999', 'MAESTRO'], ['600000', 'MAESTRO'], ['699999', 'MAESTRO'], ['550000', 'MASTERCARD'],
  ['700000', null], ['501800', 'MAESTRO'], ['630400', 'MAESTRO'], ['675900', 'MAESTRO'],
  // ELO issuer BINs inside Visa, Maestro, UnionPay and Discover ranges
  ['401178', 'ELO'], ['401179', 'ELO'], ['401177', 'VISA'], ['401180', 'VISA'],
  ['431274', 'ELO'], ['438935', 'ELO'], ['451416', 'ELO'], ['457393', 'ELO'], ['457631', 'ELO'],
  ['457632', 'ELO'], ['457630', 'VISA'], ['457633', 'VISA'],
  ['504175', 'ELO'], ['506699', 'ELO'], ['506778', 'ELO'], ['506698', 'MAESTRO'], ['506779', 'MAESTRO'],
  ['509000', 'ELO'], ['508999', 'MAESTRO'],
  ['627780', 'ELO'], ['627779', 'CUP'], ['627781', 'CUP'],
  ['636297', 'ELO'], ['636368', 'ELO'], ['636296', 'MAESTRO'],
  ['650031', 'ELO'], ['650033', 'ELO'], ['650030', 'DISCOVER'], ['650034', 'DISCOVER'],
  ['650035', 'ELO'], ['650051', 'ELO'], ['650052', 'DISCOVER'],
  ['650405', 'ELO'], ['650439', 'ELO'], ['650485', 'ELO'], ['650538', 'ELO'], ['650541', 'ELO'],
  ['650598', 'ELO'], ['650700', 'ELO'], ['650718', 'ELO'], ['650719', 'DISCOVER'], ['650720', 'ELO'],
  ['650727', 'ELO'], ['650901', 'ELO'], ['650978', 'ELO'], ['651652', 'ELO'], ['651679', 'ELO'],
  ['651680', 'DISCOVER'], ['655000', 'ELO'], ['655019', 'ELO'], ['655020', 'DISCOVER'],
  ['655021', 'ELO'], ['655058', 'ELO'], ['655059', 'DISCOVER'],
  // HIPERCARD issuer BINs inside Diners 38 and Maestro 6
  ['606282', 'HIPERCARD'], ['606281', 'MAESTRO'], ['606283', 'MAESTRO'],
  ['384100', 'HIPERCARD'], ['384140', 'HIPERCARD'], ['384160', 'HIPERCARD'], ['384099', 'DINERS'],
  ['384101', 'DINERS'], ['637095', 'HIPERCARD'], ['637568', 'HIPERCARD'], ['637599', 'HIPERCARD'],
  ['637609', 'HIPERCARD'], ['637612', 'HIPERCARD'], ['637569', 'MAESTRO'],
  // MIR 2200-2204
  ['220000', 'MIR'], ['220499', 'MIR'], ['219999', null], ['220500', null],
  // TROY 9792
  ['979200', 'TROY'], ['979299', 'TROY'], ['979199', null], ['979300', null],
  // Nothing
  ['100000', null], ['000000', null], ['900000', null],
];

/** Short prefixes: what is shown and what is still possible (ambiguity rule in detect.ts). */
const PREFIXES: readonly (readonly [prefix: string, brand: CardBrand | null, candidates: CardBrand[]])[] = [
  ['', null, [...CARD_BRANDS]],
  ['4', 'VISA', ['VISA', 'ELO']],
  ['40117', 'VISA', ['VISA', 'ELO']],
  ['43', 'VISA', ['VISA', 'ELO']],
  ['44', 'VISA', ['VISA']],
  ['5', null, ['MASTERCARD', 'MAESTRO', 'ELO']],
  ['50', 'MAESTRO', ['MAESTRO', 'ELO']],
  ['509', 'ELO', ['ELO']],
  ['51', 'MASTERCARD', ['MASTERCARD']],
  ['6', null, ['DISCOVER', 'CUP', 'MAESTRO', 'ELO', 'HIPERCARD']],
  ['60', null, ['DISCOVER', 'MAESTRO', 'HIPERCARD']],
  ['601', null, ['DISCOVER', 'MAESTRO']],
  ['6011', 'DISCOVER', ['DISCOVER']],
  ['606', 'MAESTRO', ['MAESTRO', 'HIPERCARD']],
  ['62', 'CUP', ['CUP', 'ELO']],
  ['64', null, ['DISCOVER', 'MAESTRO']],
  ['640', 'MAESTRO', ['MAESTRO']],
  ['65', 'DISCOVER', ['DISCOVER', 'ELO']],
  ['3', null, ['AMEX', 'DINERS', 'JCB', 'HIPERCARD']],
  ['30', 'DINERS', ['DINERS']],
  ['34', 'AMEX', ['AMEX']],
  ['35', 'JCB', ['JCB']],
  ['38', 'DINERS', ['DINERS', 'HIPERCARD']],
  ['2', null, ['MASTERCARD', 'MIR']],
  ['22', null, ['MASTERCARD', 'MIR']],
  ['220', 'MIR', ['MIR']],
  ['2221', 'MASTERCARD', ['MASTERCARD']],
  ['8', 'CUP', ['CUP']],
  ['9', 'TROY', ['TROY']],
  ['1', null, []],
  ['0', null, []],
  ['7', null, []],
  ['2205', null, []],
];

describe('detectBrand', () => {
  describe('IIN range boundaries (six-digit prefixes)', () => {
    for (const [prefix, brand] of BOUNDARIES) {
      it(`${prefix} -> ${brand ?? 'no brand'}`, () => {
        expect(detectBrand(prefix)).to.deep.equal({brand, candidates: brand ? [brand] : []});
        // The rest of the number does not matter.
        expect(detectBrand(prefix + '1234567890').brand).to.equal(brand);
      });
    }
  });

  describe('short prefixes: shown brand and candidates', () => {
    for (const [prefix, brand, candidates] of PREFIXES) {
      it(`"${prefix}" -> ${brand ?? 'none'} of [${candidates.join(', ')}]`, () => {
        expect(detectBrand(prefix)).to.deep.equal({brand, candidates});
      });
    }
  });

  describe('public test cards', () => {
    for (const brand of CARD_BRANDS) {
      for (const [number, source] of TEST_CARDS[brand]) {
        it(`${brand} ${number} (${source})`, () => {
          expect(detectBrand(number)).to.deep.equal({brand, candidates: [brand]});
        });
      }
    }
  });

  describe('the ambiguity rule', () => {
    /** The brand shown after each digit of `number`. */
    function shownWhileTyping(number: string): (CardBrand | null)[] {
      return Array.from(number.slice(0, 6), (_, i) => detectBrand(number.slice(0, i + 1)).brand);
    }

    it('shows Visa from the first digit and switches to Elo only when the sixth digit confirms an Elo BIN', () => {
      expect(shownWhileTyping('4011780000000000')).to.deep.equal(['VISA', 'VISA', 'VISA', 'VISA', 'VISA', 'ELO']);
    });

    it('shows nothing while a network-level range of another brand is open (6, 60, 601 could be Discover)', () => {
      expect(shownWhileTyping('6011111111111117')).to.deep.equal([null, null, null, 'DISCOVER', 'DISCOVER', 'DISCOVER']);
    });

    it('shows Maestro inside 50 until an Elo BIN is complete (documented trade-off)', () => {
      expect(shownWhileTyping('5066991111111118')).to.deep.equal([null, 'MAESTRO', 'MAESTRO', 'MAESTRO', 'MAESTRO', 'ELO']);
    });

    it('never drops the eventual brand from the candidates, and the shown brand is always a candidate', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^\d{1,8}$/), (digits) => {
          let previous = detectBrand('').candidates;
          for (let i = 1; i <= digits.length; i++) {
            const {brand, candidates} = detectBrand(digits.slice(0, i));
            for (const candidate of candidates) expect(previous).to.include(candidate);
            if (brand) expect(candidates).to.include(brand);
            previous = candidates;
          }
        }),
      );
    });

    it('identifies at most one brand once six digits are typed', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^\d{6,19}$/), (digits) => {
          const {brand, candidates} = detectBrand(digits);
          expect(candidates.length).to.be.at.most(1);
          expect(brand).to.equal(candidates[0] ?? null);
        }),
      );
    });
  });

  describe('accepted brands', () => {
    const CASES: readonly (readonly [string, CardBrand[], CardBrand | null, CardBrand[]])[] = [
      ['34', ['VISA'], null, []],
      ['4', ['MASTERCARD', 'AMEX'], null, []],
      ['4011', ['ELO'], 'ELO', ['ELO']],
      ['50', ['ELO'], 'ELO', ['ELO']],
      ['5', ['MASTERCARD'], 'MASTERCARD', ['MASTERCARD']],
      ['6', ['DISCOVER', 'CUP'], null, ['DISCOVER', 'CUP']],
      ['622126', ['DISCOVER'], null, []],
      ['4', ['VISA', 'MASTERCARD'], 'VISA', ['VISA']],
      ['', ['AMEX', 'VISA'], null, ['VISA', 'AMEX']],
    ];
    for (const [digits, accepted, brand, candidates] of CASES) {
      it(`"${digits}" accepting [${accepted.join(', ')}] -> ${brand ?? 'none'} of [${candidates.join(', ')}]`, () => {
        expect(detectBrand(digits, accepted)).to.deep.equal({brand, candidates});
      });
    }

    it('ignores ids that are no CardBrand: a list of only those accepts nothing', () => {
      expect(detectBrand('4', ['DANKORT' as CardBrand])).to.deep.equal({brand: null, candidates: []});
      expect(detectBrand('4', ['DANKORT' as CardBrand, 'VISA'])).to.deep.equal({brand: 'VISA', candidates: ['VISA']});
    });

    it('treats an absent or empty list as every brand', () => {
      expect(detectBrand('4', [])).to.deep.equal(detectBrand('4'));
      expect(detectBrand('4', undefined)).to.deep.equal({brand: 'VISA', candidates: ['VISA', 'ELO']});
    });

    it('only ever narrows the candidates', () => {
      fc.assert(
        fc.property(
          fc.stringMatching(/^\d{0,8}$/),
          fc.subarray([...CARD_BRANDS], {minLength: 1}),
          (digits, accepted) => {
            const narrowed = detectBrand(digits, accepted).candidates;
            const all = detectBrand(digits).candidates;
            expect(narrowed).to.deep.equal(all.filter((brand) => accepted.includes(brand)));
          },
        ),
      );
    });
  });

  it('finds nothing in text that is not digits', () => {
    expect(detectBrand('4a')).to.deep.equal({brand: null, candidates: []});
  });
});
