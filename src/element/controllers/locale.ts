/**
 * LocaleController: which language the element speaks (its `locale`, else the nearest ancestor
 * `lang`, else the browser's languages) and that language's messages, loaded on demand. The
 * first render waits for them (`settled`), so no English flashes before them.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {closestLang} from '../../i18n/closest-lang.js';
import {resolveLocale, SOURCE_LOCALE, type SupportedLocale} from '../../i18n/locales.js';
import {loadMessages, loadedMessages} from '../../i18n/translator.js';
import type {Messages} from '../../i18n/messages.js';

type Host = ReactiveControllerHost & HTMLElement & {locale: string | null};

export class LocaleController implements ReactiveController {
  messages: Messages = loadedMessages(SOURCE_LOCALE)!;
  active: SupportedLocale = SOURCE_LOCALE;
  #applied: string | null | undefined = undefined;
  #request = 0;
  #loading: Promise<void> = Promise.resolve();

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  get settled(): boolean {
    return this.#request === 0;
  }

  /** Resolves when the newest request has its messages. */
  get loading(): Promise<void> {
    return this.#loading;
  }

  hostConnected(): void {
    this.#apply();
  }

  hostUpdate(): void {
    if (this.host.locale !== this.#applied && this.host.isConnected) this.#apply();
  }

  #apply(): void {
    this.#loading = this.#load();
  }

  async #load(): Promise<void> {
    this.#applied = this.host.locale;
    const wanted = resolveLocale(this.host.locale, closestLang(this.host), navigator.languages ?? [], (requested) =>
      console.warn(`<antom-card-binding>: locale "${requested}" is not supported; using English.`)
    );
    const request = ++this.#request;
    let messages: Messages;
    try {
      messages = loadedMessages(wanted) ?? (await loadMessages(wanted));
    } catch {
      console.warn(`<antom-card-binding>: could not load locale "${wanted}"; using English.`);
      messages = loadedMessages(SOURCE_LOCALE)!;
    }
    if (request !== this.#request) return; // a newer request won
    this.#request = 0;
    this.messages = messages;
    this.active = messages === loadedMessages(SOURCE_LOCALE) ? SOURCE_LOCALE : wanted;
    this.host.requestUpdate();
  }
}
