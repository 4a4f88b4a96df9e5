/**
 * The languages the element speaks and how a requested locale maps onto them.
 *
 * Accepted forms: Antom's SDK codes (`en_US`, `pt_BR`, `ko_KR`, `es_ES`, `fr_FR`, `de_DE`,
 * `it_IT`, `nl_NL`) and BCP 47 tags (`pt-BR`, `pt`, `es-MX`, `de-CH`...), case-insensitive. The
 * nearest supported language wins: an exact tag first, then the language subtag.
 */
export const SOURCE_LOCALE = 'en';
export const SUPPORTED_LOCALES = ['en', 'pt-BR', 'ko', 'es', 'fr', 'de', 'it', 'nl'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

const BY_LANGUAGE: Record<string, SupportedLocale> = {
  en: 'en',
  pt: 'pt-BR',
  ko: 'ko',
  es: 'es',
  fr: 'fr',
  de: 'de',
  it: 'it',
  nl: 'nl',
};

/** The supported locale nearest to `requested`, or null when its language is not supported. */
export function matchLocale(requested: string | null | undefined): SupportedLocale | null {
  if (!requested) return null;
  const tag = requested.trim().replace(/_/g, '-').toLowerCase();
  if (!tag) return null;
  const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === tag);
  if (exact) return exact;
  const language = tag.split('-')[0]!;
  return BY_LANGUAGE[language] ?? null;
}

/**
 * Picks the locale for one element: its own `locale` value, else the nearest ancestor `lang`,
 * else the browser's preferred languages, else English. `warn` is called when an explicit value
 * is not supported (the element then falls back to English rather than failing).
 */
export function resolveLocale(
  explicit: string | null | undefined,
  ancestorLang: string | null | undefined,
  preferred: readonly string[],
  warn: (requested: string) => void = () => {}
): SupportedLocale {
  if (explicit) {
    const match = matchLocale(explicit);
    if (match) return match;
    warn(explicit);
    return SOURCE_LOCALE;
  }
  const fromLang = matchLocale(ancestorLang);
  if (fromLang) return fromLang;
  for (const language of preferred) {
    const match = matchLocale(language);
    if (match) return match;
  }
  return SOURCE_LOCALE;
}
