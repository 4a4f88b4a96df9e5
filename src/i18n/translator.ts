/**
 * Per-element translation without @lit/localize's page-wide state.
 *
 * Why not `configureLocalization()`: it may be called only once per module instance and it sets
 * one active locale for the whole page. This element must (a) render two instances in two
 * languages on one page and (b) keep working when the host page configures @lit/localize for its
 * own strings (with the lit-external build, both share one @lit/localize module). So the element
 * never configures it. Instead it loads the locale modules that `lit-localize build` generates
 * (runtime mode: each exports `templates`) and builds the message catalogue with a `msg`
 * implementation bound to those templates. Same XLIFF workflow, same generated modules, no global.
 */
import type {StrResult} from '@lit/localize';
import {buildMessages, type Messages, type Msg} from './messages.js';
import {SOURCE_LOCALE, type SupportedLocale} from './locales.js';

/** One generated locale module's `templates`: id -> text or a str template with value indices. */
export type Templates = Record<string, string | {strTag: true; strings: readonly string[]; values: readonly number[]}>;

/** The generated locale modules, one lazy chunk each (also used by hosted mode's own catalogue). */
export const LOADERS: Record<Exclude<SupportedLocale, typeof SOURCE_LOCALE>, () => Promise<{templates: unknown}>> = {
  'pt-BR': () => import('../generated/locales/pt-BR.js'),
  ko: () => import('../generated/locales/ko.js'),
  es: () => import('../generated/locales/es.js'),
  fr: () => import('../generated/locales/fr.js'),
  de: () => import('../generated/locales/de.js'),
  it: () => import('../generated/locales/it.js'),
  nl: () => import('../generated/locales/nl.js'),
};

function isStrResult(value: unknown): value is StrResult {
  return typeof value === 'object' && value !== null && 'strTag' in value;
}

function joinStr(strings: readonly string[], values: readonly unknown[], order?: readonly number[]): string {
  let text = strings[0] ?? '';
  for (let i = 1; i < strings.length; i++) {
    text += String(values[order ? order[i - 1]! : i - 1]) + strings[i];
  }
  return text;
}

/** A `msg` that looks ids up in one locale's templates and falls back to the source text. */
export function msgFor(templates: Templates | null): Msg {
  const translate = (template: string | StrResult, options?: {id?: string}) => {
    const localized = templates && options?.id ? templates[options.id] : undefined;
    if (isStrResult(template)) {
      if (localized && typeof localized !== 'string') {
        return joinStr(localized.strings, template.values, localized.values);
      }
      return joinStr(template.strings, template.values);
    }
    return typeof localized === 'string' ? localized : template;
  };
  return translate as unknown as Msg;
}

const catalogues = new Map<SupportedLocale, Messages>([[SOURCE_LOCALE, buildMessages(msgFor(null))]]);
const pending = new Map<SupportedLocale, Promise<Messages>>();
/** Each loaded locale's templates, for catalogues built later (the outcome chunk's). */
const templatesByLocale = new Map<SupportedLocale, Templates>();

/**
 * The templates of a locale whose chunk is loaded (null: English, or not loaded): lazy chunks
 * build their own strings from them with `msgFor`, in the language the element shows.
 */
export function loadedTemplates(locale: SupportedLocale): Templates | null {
  return templatesByLocale.get(locale) ?? null;
}

/** The catalogue for a locale if it is already loaded (English always is). */
export function loadedMessages(locale: SupportedLocale): Messages | undefined {
  return catalogues.get(locale);
}

/** Loads (once) and returns the catalogue for a locale; only that locale's chunk is fetched. */
export function loadMessages(locale: SupportedLocale): Promise<Messages> {
  const ready = catalogues.get(locale);
  if (ready) return Promise.resolve(ready);
  let loading = pending.get(locale);
  if (!loading) {
    const loader = LOADERS[locale as Exclude<SupportedLocale, typeof SOURCE_LOCALE>];
    loading = loader().then((module) => {
      templatesByLocale.set(locale, module.templates as Templates);
      const messages = buildMessages(msgFor(module.templates as Templates));
      catalogues.set(locale, messages);
      return messages;
    });
    loading.catch(() => pending.delete(locale));
    pending.set(locale, loading);
  }
  return loading;
}

