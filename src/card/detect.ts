/**
 * Card brand detection from the digits typed so far.
 *
 * `candidates` are the brands some continuation of the prefix still belongs to (after
 * specificity: "401178" is Elo only, although Visa's 4 also matches it).
 *
 * `brand` is shown to the user, so it must not flicker to a wrong brand. It is reported when
 *  (a) exactly one candidate is left, or
 *  (b) one brand's range already contains the whole prefix, and every other candidate is only
 *      reachable through an issuer BIN (a range written with ISSUER_BIN_DIGITS = 6 digits) carved
 *      out of that range.
 * Otherwise it is null.
 *
 * Rule (b) is what makes "4" show Visa at once, like Stripe, although 401178 is Elo: Elo's BINs
 * are a handful of issuer carve-outs inside Visa's 4, and the brand switches to Elo when the 6th
 * digit confirms one. It stays honest where a whole network range is still open: "6" and "60"
 * show nothing, because Discover's 6011 and 644-649 and UnionPay's 62 are network prefixes inside
 * Maestro's 6, not issuer BINs. Examples: "4" Visa, "4011" Visa, "401178" Elo, "5" none, "50"
 * Maestro, "509" Elo, "6" none, "601" none, "6011" Discover, "606" Maestro, "606282" Hipercard,
 * "62" UnionPay, "65" Discover, "650031" Elo, "3" none, "34" Amex, "38" Diners, "384100" Hipercard.
 */

import {
  BRAND_BITS,
  IIN_DIGITS,
  iinTable,
  firstSegmentFrom,
  prefixSpan,
} from './iin-table.js';
import {CARD_BRANDS, type CardBrand} from './types.js';

/** Ranges written with this many digits are single issuers' BINs, not network prefixes. */
export const ISSUER_BIN_DIGITS = 6;

export interface BrandDetection {
  /** The brand to show, per the rule above; null while the prefix is ambiguous or unknown. */
  readonly brand: CardBrand | null;
  /** Brands the number can still turn out to be, in CARD_BRANDS order; empty: unsupported. */
  readonly candidates: readonly CardBrand[];
}

const ALL_BRANDS_MASK = CARD_BRANDS.reduce((mask, brand) => mask | BRAND_BITS[brand], 0);

/** An empty or absent list accepts every brand. */
export function acceptedMask(accepted?: readonly CardBrand[]): number {
  if (!accepted || accepted.length === 0) return ALL_BRANDS_MASK;
  let mask = 0;
  for (const brand of accepted) mask |= BRAND_BITS[brand] ?? 0;
  return mask;
}

function brandsIn(mask: number): CardBrand[] {
  return CARD_BRANDS.filter((brand) => (mask & BRAND_BITS[brand]) !== 0);
}

/** The brand whose most specific range contains the whole prefix, if any. */
function brandContaining(low: number, high: number, prefixLength: number): CardBrand | null {
  for (const entry of iinTable().entries) {
    if (entry.digits <= prefixLength && entry.start <= low && high <= entry.end) return entry.brand;
  }
  return null;
}

/**
 * @param digits the card number's digits so far (ASCII digits only, e.g. from normalizeCardNumber)
 * @param accepted brands the merchant accepts; others are never candidates. Absent or empty: all.
 */
export function detectBrand(digits: string, accepted?: readonly CardBrand[]): BrandDetection {
  const allowed = acceptedMask(accepted);
  const prefix = digits.length > IIN_DIGITS ? digits.slice(0, IIN_DIGITS) : digits;
  const {low, high} = prefixSpan(prefix);
  if (Number.isNaN(low)) return {brand: null, candidates: []};

  let candidateMask = 0;
  // Candidates only reachable through a shorter (network-level) range, as bits.
  let networkLevelMask = 0;
  const segments = iinTable().segments;
  for (let i = firstSegmentFrom(low); i < segments.length; i++) {
    const segment = segments[i];
    if (segment.start > high) break;
    const bit = BRAND_BITS[segment.brand];
    if ((allowed & bit) === 0) continue;
    candidateMask |= bit;
    if (segment.digits < ISSUER_BIN_DIGITS) networkLevelMask |= bit;
  }

  const candidates = brandsIn(candidateMask);
  if (digits.length === 0) return {brand: null, candidates};
  if (candidates.length === 1) return {brand: candidates[0], candidates};
  if (candidates.length === 0) return {brand: null, candidates};

  const container = brandContaining(low, high, prefix.length);
  if (container && (candidateMask & BRAND_BITS[container]) !== 0) {
    const othersAtNetworkLevel = networkLevelMask & ~BRAND_BITS[container];
    if (othersAtNetworkLevel === 0) return {brand: container, candidates};
  }
  return {brand: null, candidates};
}
