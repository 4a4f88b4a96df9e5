/**
 * The brand table: which IIN prefixes, lengths, grouping, security code and checksum each card
 * brand uses. Pure data plus one lookup; detection and validation read it, nothing writes it.
 *
 * Sources for the ranges (cited per brand below):
 * - [BT]   braintree/credit-card-type, src/lib/card-types.ts (public IIN table used by Braintree's SDKs)
 * - [WIKI] Wikipedia "Payment card number", table "Issuer identification number (IIN)"
 * - [BD]   bendrucker/creditcards-types, types/*.js
 *
 * Overlaps are intended: a range with more digits is more specific and wins over a shorter one
 * that contains it (Elo 401178 inside Visa 4, Hipercard 606282 inside Maestro 6, Elo 650031 inside
 * Discover 65, ...). See iin-table.ts for how that is resolved. Two brands must never claim the
 * same prefix with the same number of digits (a test checks this).
 */

import type {BrandRule, CardBrand} from './types.js';

/** Display grouping of 16 to 19 digit numbers: 4-4-4-4, then the last 3 of a 19-digit number. */
const GROUPS_OF_FOUR = [4, 4, 4, 4, 3] as const;

export const BRAND_RULES: readonly BrandRule[] = [
  {
    id: 'VISA',
    displayName: 'Visa',
    // [BT] [WIKI]. Elo and Hipercard carve issuer BINs out of it (see ELO).
    iinRanges: [[4, 4]],
    // [WIKI] lists 13, 16, 19 (13 is legacy but still issued in tests and some markets).
    lengths: [13, 16, 19],
    grouping: GROUPS_OF_FOUR,
    securityCode: {name: 'CVV', length: 3},
    luhn: true,
  },
  {
    id: 'MASTERCARD',
    displayName: 'Mastercard',
    // [BT] (its 2221-2229, 223-229, 23-26, 270-271, 2720 are exactly 2221-2720) [WIKI].
    iinRanges: [
      [51, 55],
      [2221, 2720],
    ],
    lengths: [16],
    grouping: [4, 4, 4, 4],
    securityCode: {name: 'CVC', length: 3},
    luhn: true,
  },
  {
    id: 'AMEX',
    displayName: 'American Express',
    // [BT] [WIKI]
    iinRanges: [
      [34, 34],
      [37, 37],
    ],
    lengths: [15],
    grouping: [4, 6, 5],
    securityCode: {name: 'CID', length: 4},
    luhn: true,
  },
  {
    id: 'DISCOVER',
    displayName: 'Discover',
    // [BT] [WIKI]. WIKI also lists 622126-622925: those are China UnionPay cards that Discover's
    // network accepts by reciprocity. We resolve them to CUP (the brand printed on the card, which
    // Braintree also does) so they are left out here and fall under CUP's 62.
    iinRanges: [
      [6011, 6011],
      [644, 649],
      [65, 65],
    ],
    lengths: [16, 17, 18, 19],
    grouping: GROUPS_OF_FOUR,
    securityCode: {name: 'CID', length: 3},
    luhn: true,
  },
  {
    id: 'DINERS',
    displayName: 'Diners Club',
    // [WIKI] (Diners Club International: 300-305, 3095, 36, 38-39); [BT] has the same minus 3095.
    iinRanges: [
      [300, 305],
      [3095, 3095],
      [36, 36],
      [38, 39],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
    // 14-digit numbers print as 4-6-4; longer ones as groups of four (see longNumberGrouping).
    grouping: [4, 6, 4],
    longNumberGrouping: {above: 14, grouping: GROUPS_OF_FOUR},
    securityCode: {name: 'CVV', length: 3},
    luhn: true,
  },
  {
    id: 'JCB',
    displayName: 'JCB',
    // [BT] [WIKI]. BT also has the retired 15-digit 1800 and 2131 prefixes; not supported here.
    iinRanges: [[3528, 3589]],
    lengths: [16, 17, 18, 19],
    grouping: GROUPS_OF_FOUR,
    securityCode: {name: 'CVV', length: 3},
    luhn: true,
  },
  {
    id: 'CUP',
    displayName: 'UnionPay',
    // [WIKI] 62 and 81 ([BT] splits 81 into 810-8171 sub-ranges; [BD] uses 62 only).
    iinRanges: [
      [62, 62],
      [81, 81],
    ],
    lengths: [16, 17, 18, 19],
    grouping: GROUPS_OF_FOUR,
    securityCode: {name: 'CVN', length: 3},
    // UnionPay does not require a Luhn check digit ([BD] unionpay.js: luhn: false).
    luhn: false,
  },
  {
    id: 'MAESTRO',
    displayName: 'Maestro',
    // [WIKI] 50, 56-69; [BT] 500000-508999 (minus Elo), 56-59, 6. Written as 50, 56-59 and all of
    // 6: the well-known 5018, 5020, 5038, 5893, 6304, 6759, 6761-6763 lie inside these. Whatever
    // other brands claim inside 50 and 6 (Elo, Discover, UnionPay, Hipercard) is more specific
    // and wins.
    iinRanges: [
      [50, 50],
      [56, 59],
      [6, 6],
    ],
    lengths: [12, 13, 14, 15, 16, 17, 18, 19],
    grouping: GROUPS_OF_FOUR,
    securityCode: {name: 'CVC', length: 3},
    luhn: true,
  },
  {
    id: 'ELO',
    displayName: 'Elo',
    // [BT] elo.patterns, verbatim.
    iinRanges: [
      [401178, 401179],
      [431274, 431274],
      [438935, 438935],
      [451416, 451416],
      [457393, 457393],
      [457631, 457632],
      [504175, 504175],
      [506699, 506778],
      [509000, 509999],
      [627780, 627780],
      [636297, 636297],
      [636368, 636368],
      [650031, 650033],
      [650035, 650051],
      [650405, 650439],
      [650485, 650538],
      [650541, 650598],
      [650700, 650718],
      [650720, 650727],
      [650901, 650978],
      [651652, 651679],
      [655000, 655019],
      [655021, 655058],
    ],
    lengths: [16],
    grouping: [4, 4, 4, 4],
    securityCode: {name: 'CVE', length: 3},
    luhn: true,
  },
  {
    id: 'HIPERCARD',
    displayName: 'Hipercard',
    // [WIKI] Hipercard: 384100, 384140, 384160, 606282, 637095, 637568, 637599, 637609, 637612.
    // [BT] has 606282 as "hipercard" and the 637xxx BINs as "hiper" (Itaú's Hiper, now merged into
    // Hipercard). Single BINs, not the whole 637568-637599 block: nothing public confirms the BINs
    // in between.
    iinRanges: [
      [384100, 384100],
      [384140, 384140],
      [384160, 384160],
      [606282, 606282],
      [637095, 637095],
      [637568, 637568],
      [637599, 637599],
      [637609, 637609],
      [637612, 637612],
    ],
    lengths: [16, 19],
    grouping: GROUPS_OF_FOUR,
    securityCode: {name: 'CVC', length: 3},
    luhn: true,
  },
  {
    id: 'MIR',
    displayName: 'Mir',
    // [BT] [WIKI]
    iinRanges: [[2200, 2204]],
    lengths: [16, 17, 18, 19],
    grouping: GROUPS_OF_FOUR,
    // Mir calls it CVP2; SecurityCodeName has no such label, and CVC is what Mir cardholders
    // recognise from Mastercard-style forms.
    securityCode: {name: 'CVC', length: 3},
    luhn: true,
  },
  {
    id: 'TROY',
    displayName: 'Troy',
    // [BD] troy.js and [WIKI]: 9792 (Turkey's domestic range). Troy cards co-badged in Discover's
    // 65 range are left to DISCOVER: the public list of those BINs (Braintree's Troy65Ranges,
    // ~120 BINs) could not be verified here, and such cards are accepted as Discover anyway.
    iinRanges: [[9792, 9792]],
    lengths: [16],
    grouping: [4, 4, 4, 4],
    securityCode: {name: 'CVV', length: 3},
    luhn: true,
  },
];

const RULES_BY_ID: ReadonlyMap<CardBrand, BrandRule> = new Map(
  BRAND_RULES.map((rule) => [rule.id, rule]),
);

/** The rule of one brand. Every id in CARD_BRANDS has one (a test checks it). */
export function brandRule(id: CardBrand): BrandRule {
  const rule = RULES_BY_ID.get(id);
  if (!rule) throw new Error(`No brand rule for ${id}`);
  return rule;
}

/** The group sizes used to display a number of `digitCount` digits of this brand. */
export function groupingFor(rule: BrandRule, digitCount: number): readonly number[] {
  const long = rule.longNumberGrouping;
  return long && digitCount > long.above ? long.grouping : rule.grouping;
}
