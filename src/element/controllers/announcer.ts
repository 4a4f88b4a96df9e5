/**
 * AnnouncerController: the polite live region. One message at a time; the region is emptied
 * first so a message identical to the previous one is still spoken.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** Long enough for screen readers to notice the region was emptied before the new text. */
const ANNOUNCE_DELAY_MS = 60;

export class AnnouncerController implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost & {readonly renderRoot: HTMLElement | DocumentFragment}) {
    host.addController(this);
  }

  announce(text: string): void {
    const region = this.host.renderRoot.querySelector('#live');
    if (!region) return;
    clearTimeout(this.#timer);
    region.textContent = '';
    this.#timer = setTimeout(() => (region.textContent = text), ANNOUNCE_DELAY_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }
}
