import {expect} from '@open-wc/testing';
import {BRAND_RULES, type BrandRule} from '../../src/card/index.js';
import {IIN_DIGITS, buildIinTable, iinTable, prefixSpan} from '../../src/card/iin-table.js';
import {iinRangeProblems} from './helpers.js';

const IIN_SEGMENTS = iinTable().segments;

function rule(id: BrandRule['id'], iinRanges: BrandRule['iinRanges']): BrandRule {
  return {...BRAND_RULES.find((candidate) => candidate.id === id)!, iinRanges};
}

describe('IIN table', () => {
  it('decides on six digits, the most any range is written with', () => {
    expect(IIN_DIGITS).to.equal(6);
    const longest = Math.max(...BRAND_RULES.flatMap((r) => r.iinRanges.map(([from, to]) => String(Math.max(from, to)).length)));
    expect(longest).to.equal(IIN_DIGITS);
  });

  it('has ascending, non-overlapping segments', () => {
    for (let i = 0; i < IIN_SEGMENTS.length; i++) {
      const segment = IIN_SEGMENTS[i];
      expect(segment.start).to.be.at.most(segment.end);
      if (i > 0) expect(IIN_SEGMENTS[i - 1].end).to.be.lessThan(segment.start);
    }
  });

  it('maps a prefix to the span of six-digit prefixes it starts', () => {
    expect(prefixSpan('')).to.deep.equal({low: 0, high: 999999});
    expect(prefixSpan('4')).to.deep.equal({low: 400000, high: 499999});
    expect(prefixSpan('6011')).to.deep.equal({low: 601100, high: 601199});
    expect(prefixSpan('401178')).to.deep.equal({low: 401178, high: 401178});
  });

  it('lets the range with more digits win, and splits the wider range around it', () => {
    const table = buildIinTable([rule('VISA', [[4, 4]]), rule('ELO', [[401178, 401179]])]);
    expect(table.segments.map((s) => [s.start, s.end, s.brand])).to.deep.equal([
      [400000, 401177, 'VISA'],
      [401178, 401179, 'ELO'],
      [401180, 499999, 'VISA'],
    ]);
  });

  it('merges touching ranges of one brand into one segment', () => {
    const table = buildIinTable([rule('VISA', [[40, 44], [45, 49]])]);
    expect(table.segments.map((s) => [s.start, s.end, s.brand])).to.deep.equal([[400000, 499999, 'VISA']]);
  });

  it('has brand rules it can trust: no malformed range, no two brands on one prefix and digit count', () => {
    expect(iinRangeProblems(BRAND_RULES)).to.deep.equal([]);
  });

  it('(its check) finds two brands claiming a prefix with the same number of digits', () => {
    expect(iinRangeProblems([rule('VISA', [[40, 45]]), rule('ELO', [[45, 46]])])).to.deep.equal([
      'IIN conflict: VISA 40-45 and ELO 45-46',
    ]);
    // Different digit counts are not a conflict: the longer range is more specific and wins.
    expect(iinRangeProblems([rule('VISA', [[4, 4]]), rule('ELO', [[401178, 401179]])])).to.deep.equal([]);
  });

  it('(its check) finds a range whose ends have different digit counts, are reversed or too long', () => {
    expect(iinRangeProblems([rule('VISA', [[4, 40]])])).to.deep.equal(['Bad IIN range 4-40 for VISA']);
    expect(iinRangeProblems([rule('VISA', [[45, 40]])])).to.deep.equal(['Bad IIN range 45-40 for VISA']);
    expect(iinRangeProblems([rule('VISA', [[4000000, 4000009]])])).to.deep.equal(['Bad IIN range 4000000-4000009 for VISA']);
  });
});
