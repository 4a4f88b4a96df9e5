// The visual check view: every story in iframes 320, 390 and 1280 px wide (`?story=<id>&embed=1`,
// the stage alone), a row per story. Frames load a few at a time (each story makes sessions on the
// emulator and some submit cards); each one is sized to its content once its story is ready, and
// a story that scrolls sideways at 320 px is marked. `body[data-visual-state]` says when all are
// done (the e2e test waits for it). Never reads the card inputs.
import {STORIES} from './stories.mjs';

export const WIDTHS = [320, 390, 1280];
const SCALE = {1280: 0.5};
const AT_ONCE = 6;
const STORY_LIMIT_MS = 30_000;

const list = document.querySelector('#visual-list');
const progress = document.querySelector('#visual-progress');
const only = new URLSearchParams(location.search).get('story');
const stories = only ? STORIES.filter((story) => story.id === only) : STORIES;

function frameFor(story, width) {
  const scale = SCALE[width] ?? 1;
  const iframe = document.createElement('iframe');
  iframe.title = `${story.title} at ${width} px`;
  iframe.width = String(width);
  iframe.height = '200';
  iframe.dataset.story = story.id;
  iframe.dataset.width = String(width);
  if (scale !== 1) iframe.style.transform = `scale(${scale})`;
  const box = document.createElement('div');
  box.className = 'frame-box';
  box.style.width = `${width * scale}px`;
  box.style.height = `${200 * scale}px`;
  box.append(iframe);
  const caption = document.createElement('figcaption');
  caption.textContent = scale === 1 ? `${width} px` : `${width} px (shown at ${scale * 100}%)`;
  const figure = document.createElement('figure');
  figure.append(caption, box);
  return {figure, iframe, box, scale};
}

const rows = stories.map((story) => {
  const section = document.createElement('section');
  section.className = 'visual-story';
  section.dataset.story = story.id;
  section.dataset.state = 'waiting';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = `/?story=${encodeURIComponent(story.id)}`;
  link.textContent = story.title;
  if (story.titleLang) link.lang = story.titleLang;
  const state = document.createElement('span');
  state.className = 'state';
  state.textContent = 'waiting';
  heading.append(link, state);
  const row = document.createElement('div');
  row.className = 'visual-row';
  const frames = WIDTHS.map((width) => frameFor(story, width));
  row.append(...frames.map((frame) => frame.figure));
  section.append(heading, row);
  list.append(section);
  return {story, section, state, frames};
});

/** Resolves once the framed story says ready or failed (or after the limit). */
function waitForStory(iframe) {
  const started = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const state = iframe.contentDocument?.body?.dataset.storyState;
      if (state === 'ready' || state === 'failed') return resolve(state);
      if (performance.now() - started > STORY_LIMIT_MS) return resolve('timed out');
      setTimeout(check, 100);
    };
    iframe.addEventListener('load', check, {once: true});
  });
}

function fit(frame) {
  const doc = frame.iframe.contentDocument;
  if (!doc) return;
  const height = Math.min(Math.max(doc.documentElement.scrollHeight, 80), 4000);
  frame.iframe.height = String(height);
  frame.box.style.height = `${Math.ceil(height * frame.scale)}px`;
}

async function load(row) {
  row.section.dataset.state = 'loading';
  row.state.textContent = 'loading';
  const states = await Promise.all(
    row.frames.map((frame) => {
      const done = waitForStory(frame.iframe);
      frame.iframe.src = `/?story=${encodeURIComponent(row.story.id)}&embed=1`;
      return done;
    })
  );
  // Let late layout (fonts, Antom's iframe sizing itself) settle before measuring.
  await new Promise((resolve) => setTimeout(resolve, 300));
  row.frames.forEach(fit);
  const narrow = row.frames[0].iframe.contentDocument?.documentElement;
  const scrolls = narrow ? narrow.scrollWidth > narrow.clientWidth : false;
  row.section.dataset.scroll = scrolls ? 'yes' : 'no';
  const failed = states.find((state) => state !== 'ready');
  row.section.dataset.state = failed ? 'failed' : 'ready';
  row.state.textContent = [failed ? `not ready (${failed})` : 'ready', scrolls ? 'scrolls sideways at 320 px' : ''].filter(Boolean).join(' · ');
}

async function main() {
  const queue = [...rows];
  let done = 0;
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      await load(row);
      done += 1;
      progress.textContent = `${done} of ${rows.length} stories loaded.`;
    }
  };
  // Two stories (six frames) at a time.
  await Promise.all(Array.from({length: Math.max(1, Math.floor(AT_ONCE / WIDTHS.length))}, worker));
  document.body.dataset.visualState = 'ready';
}

main();
