/**
 * The brand table flattened, once at load, into sorted non-overlapping segments of the space of
 * IIN_DIGITS-digit prefixes, each owned by exactly one brand. Detection is then a binary search
 * plus a short scan instead of a walk over every range (it runs on every keystroke).
 *
 * Overlaps are resolved by specificity: where ranges of several brands cover a prefix, the one
 * written with the most digits owns it (Elo's 401178 owns 401178xx, not Visa's 4).
 */

import {BRAND_RULES} from './brands.js';
import {CARD_BRANDS, type BrandRule, type CardBrand} from './types.js';

/** How many leading digits decide the brand: every range is written with at most six. */
export const IIN_DIGITS = 6;

/** One brand range scaled to IIN_DIGITS digits: 4 becomes [400000, 499999]. */
export interface IinEntry {
  readonly start: number;
  readonly end: number;
  readonly brand: CardBrand;
  /** How many digits the range was written with: its specificity. */
  readonly digits: number;
}

/** A stretch of the prefix space owned by one brand, through a range of `digits` digits. */
export type IinSegment = IinEntry;

function buildEntries(rules: readonly BrandRule[]): IinEntry[] {
  const entries: IinEntry[] = [];
  for (const rule of rules) {
    for (const [from, to] of rule.iinRanges) {
      const digits = String(from).length;
      const scale = 10 ** (IIN_DIGITS - digits);
      entries.push({start: from * scale, end: (to + 1) * scale - 1, brand: rule.id, digits});
    }
  }
  // Most specific first, so the first entry covering a prefix is the one that owns it.
  return entries.sort((a, b) => b.digits - a.digits || a.start - b.start);
}

function buildSegments(entries: readonly IinEntry[]): IinSegment[] {
  // The owner can only change where a range starts or right after one ends.
  const points = [...new Set(entries.flatMap((entry) => [entry.start, entry.end + 1]))].sort((a, b) => a - b);
  const segments: {start: number; end: number; brand: CardBrand; digits: number}[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1] - 1;
    // The owner of this elementary stretch: the most specific entry covering it.
    const owner = entries.find((entry) => entry.start <= start && start <= entry.end);
    if (!owner) continue;
    const last = segments[segments.length - 1];
    if (last && last.end + 1 === start && last.brand === owner.brand && last.digits === owner.digits) {
      last.end = end;
    } else {
      segments.push({start, end, brand: owner.brand, digits: owner.digits});
    }
  }
  return segments;
}

export interface IinTable {
  /** Every brand range, most specific first. */
  readonly entries: readonly IinEntry[];
  /** The owned stretches of the prefix space, ascending; gaps belong to no brand. */
  readonly segments: readonly IinSegment[];
}

/**
 * Builds the table from brand rules. It trusts them to be well formed: both ends of a range with
 * the same digit count, from <= to, and no two brands claiming a prefix with the same number of
 * digits (no specificity could decide between them), and at most IIN_DIGITS digits. BRAND_RULES is constant, so its tests check
 * that (test/card/brands.test.ts) instead of every page load.
 */
export function buildIinTable(rules: readonly BrandRule[]): IinTable {
  const entries = buildEntries(rules);
  return {entries, segments: buildSegments(entries)};
}

let built: IinTable | undefined;

/**
 * The table for BRAND_RULES, built on first use rather than at import: building it is a few
 * milliseconds of cold code that would otherwise sit between loading the element and `ready`.
 */
export function iinTable(): IinTable {
  return (built ??= buildIinTable(BRAND_RULES));
}

/** Bit of each brand in a brand set mask, by CARD_BRANDS order. */
export const BRAND_BITS: Readonly<Record<CardBrand, number>> = Object.fromEntries(
  CARD_BRANDS.map((brand, index) => [brand, 1 << index]),
) as Record<CardBrand, number>;

/**
 * The stretch of the prefix space whose numbers begin with `prefix` (digits only, at most
 * IIN_DIGITS of them): "4" is [400000, 499999], "" is everything.
 */
export function prefixSpan(prefix: string): {readonly low: number; readonly high: number} {
  const scale = 10 ** (IIN_DIGITS - prefix.length);
  const low = prefix.length === 0 ? 0 : Number(prefix) * scale;
  return {low, high: low + scale - 1};
}

/** Index of the first segment that ends at or after `point` (the segment count if none). */
export function firstSegmentFrom(point: number): number {
  const segments = iinTable().segments;
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (segments[middle].end < point) low = middle + 1;
    else high = middle;
  }
  return low;
}
