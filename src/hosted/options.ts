/**
 * What hosted mode hands Antom's SDK besides the session: its locale code and its environment.
 */
import type {SupportedLocale} from '../i18n/locales.js';

/**
 * The element's resolved locale as Antom's code. The eight languages Antom promises for vaulting
 * (antom-vaulting.md §9.12) are exactly the element's eight; the SDK passes the value to its
 * iframe untouched (it validates nothing), and Antom's page falls back to English on others.
 */
export const ANTOM_LOCALES: Readonly<Record<SupportedLocale, string>> = {
  en: 'en_US',
  'pt-BR': 'pt_BR',
  ko: 'ko_KR',
  es: 'es_ES',
  fr: 'fr_FR',
  de: 'de_DE',
  it: 'it_IT',
  nl: 'nl_NL',
};

export type HostedEnvironment = 'sandbox' | 'prod';

/**
 * The `environment` attribute when it says `sandbox` or `prod` (`production` is accepted too),
 * else what the session hints (read-session.ts: a `clientId` starting `SANDBOX_`, a guess), else
 * `prod`, the SDK's own default (`esm/types/index.js:96-98`; unknown values it forces to prod).
 */
export function hostedEnvironment(attribute: string | null | undefined, fromSession: HostedEnvironment | null): HostedEnvironment {
  const value = attribute?.trim().toLowerCase();
  if (value === 'sandbox') return 'sandbox';
  if (value === 'prod' || value === 'production') return 'prod';
  if (value) console.warn(`<antom-card-binding>: environment="${attribute}" is neither "sandbox" nor "prod"; using ${fromSession ?? 'prod'}.`);
  return fromSession ?? 'prod';
}
