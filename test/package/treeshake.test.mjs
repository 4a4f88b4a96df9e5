// The root entry tree-shakes in an app's bundler (issue 14): importing only the card rules or an
// event class from 'antom-card-binding' brings neither lit nor the element, with esbuild and with
// rollup (through package.json's `sideEffects`, from dist/). Sizes are bytes of the output, not
// timings; the ceilings leave room for the rules to grow without letting the element back in.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {measureTreeShaking} from '../../scripts/bench-treeshake.mjs';

const rows = await measureTreeShaking();

for (const label of ['card rules only (validateCard)', 'event classes only (CardBoundEvent)']) {
  for (const tool of ['esbuild', 'rollup']) {
    test(`${label} with ${tool}: no lit, no element, under 6 KB gzip`, () => {
      const row = rows.find((r) => r.label === label && r.tool === tool);
      assert.ok(row, `${label} ${tool} measured`);
      assert.equal(row.lit, false, 'lit came along');
      assert.ok(row.gzip < 6 * 1024, `${row.gzip} B gzip`);
    });
  }
}

test('the element itself does bring lit (the check can see it)', () => {
  const row = rows.find((r) => r.label === 'the element class (AntomCardBinding)' && r.tool === 'rollup');
  assert.equal(row.lit, true);
});
