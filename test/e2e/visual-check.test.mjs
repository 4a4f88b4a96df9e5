// The catalogue's visual check: every story alone (`?story=<id>&embed=1`) at 320, 390 and 1280 px
// wide reaches its state, does not scroll sideways at 320 px, and is photographed into
// test-output/screenshots/visual/<story>-<width>.png (card inputs painted over, as everywhere:
// no card digits in an image). Then the visual check page itself (visual.html), which frames all
// of them side by side, loads every frame and is photographed too. Nothing compares the images:
// they are for a reviewer to look through.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {STORIES} from '../../demo/catalogue/public/stories.mjs';
import {SCREENSHOTS, cardSafe, newPage, startAll, pagePool} from './helpers.mjs';

const WIDTHS = [320, 390, 1280];
const VISUAL = join(SCREENSHOTS, 'visual');
/** The card inputs (in each element's shadow root) that cardSafe paints over. */
const CARD_INPUTS = '#cardNumber, #expiry, #cvc';

let env;
/** Three pages, each story on one of them at a time (a page is one renderer thread). */
const pages = pagePool();
const withPage = pages.withPage;

before(async () => {
  env = await startAll();
  mkdirSync(VISUAL, {recursive: true});
  for (let i = 0; i < 3; i++) pages.add(await newPage(env.browser, {viewport: {width: 1280, height: 800}}));
});
after(async () => {
  await env?.close();
});

/** How far the page scrolls sideways (0: not at all). */
const sidewaysScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('visual check: every story at 320, 390 and 1280 px', {concurrency: 3}, () => {
  for (const story of STORIES) {
    test(`${story.id}: ready at every width, no sideways scroll at 320 px, screenshots saved`, () =>
      withPage(async (page) => {
        page.errors.length = 0;
        for (const width of WIDTHS) {
          await page.setViewportSize({width, height: 800});
          await page.goto(`${env.demo.urls.catalogue}?story=${story.id}&embed=1`);
          await page.waitForSelector('body[data-story-state="ready"], body[data-story-state="failed"]', {timeout: 20_000});
          assert.equal(await page.getAttribute('body', 'data-story-state'), 'ready', `${story.id} at ${width} px`);
          // Late layout: Antom's iframe (hosted story) sizes itself after ready.
          await page.waitForLoadState('load');
          if (width === 320) assert.equal(await sidewaysScroll(page), 0, `${story.id} scrolls sideways at 320 px`);
          await page.screenshot(cardSafe(page, {path: join(VISUAL, `${story.id}-${width}.png`), fullPage: true}));
        }
        assert.deepEqual(page.errors, []);
      }));
  }
});

describe('visual check page', () => {
  test('visual.html frames every story at the three widths; all ready, none scrolls at 320 px; screenshot saved', () =>
    withPage(async (page) => {
      page.errors.length = 0;
      await page.setViewportSize({width: 1440, height: 900});
      await page.goto(`${env.demo.urls.catalogue}visual.html`);
      await page.waitForSelector('body[data-visual-state="ready"]', {timeout: 240_000});
      const rows = page.locator('.visual-story');
      assert.equal(await rows.count(), STORIES.length);
      assert.deepEqual(
        await rows.evaluateAll((sections) => sections.map((section) => section.dataset.story)),
        STORIES.map((story) => story.id),
      );
      const notReady = await rows.evaluateAll((sections) => sections.filter((section) => section.dataset.state !== 'ready').map((section) => section.dataset.story));
      assert.deepEqual(notReady, [], 'stories not ready in the visual check');
      const scrolling = await rows.evaluateAll((sections) => sections.filter((section) => section.dataset.scroll !== 'no').map((section) => section.dataset.story));
      assert.deepEqual(scrolling, [], 'stories that scroll sideways at 320 px');
      const frames = page.locator('.visual-row iframe');
      assert.equal(await frames.count(), STORIES.length * WIDTHS.length);
      assert.deepEqual(
        [...new Set(await frames.evaluateAll((list) => list.map((frame) => frame.dataset.width)))],
        WIDTHS.map(String),
      );
      // Every frame's card inputs painted over in the frame itself (cardSafe's mask covers the top
      // document only, and 96 frames of masks make a screenshot of this long page time out).
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        await frame.evaluate((fields) => {
          for (const element of document.querySelectorAll('antom-card-binding')) {
            for (const input of element.shadowRoot?.querySelectorAll(fields) ?? []) {
              input.style.setProperty('color', 'transparent', 'important');
              input.style.setProperty('background', '#c8ccd2', 'important');
            }
          }
        }, CARD_INPUTS);
      }
      await page.screenshot({path: join(SCREENSHOTS, 'visual-check.png'), fullPage: true, timeout: 120_000});
      assert.deepEqual(page.errors, []);
    }));
});
