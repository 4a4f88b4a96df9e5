/**
 * Builds vaultPaymentMethod's `env` (Antom's Env / BrowserInfo models) from what the relay knows
 * about the buyer's browser: the request's own headers and address, and the non-sensitive values
 * the element sends beside the card (screen size, colour depth, time-zone offset, language).
 *
 * Guesses, kept small: Antom says only "If the buyer initiates a request from PC, the
 * terminalType needs to be WEB"; a mobile browser is sent as WAP, told apart by its User-Agent.
 * `acceptHeader` is the Accept header of the element's fetch (`*\/*` or similar), the only one the
 * relay sees; 3-D Secure servers ask for the page's, which no script can read.
 */
import * as z from 'zod/mini';
import {browserEnvSchema} from '../../gateway/submit-protocol.js';
import type {VaultEnv} from '../schemas.js';

const MOBILE_USER_AGENT = /\b(Mobi|Android|iPhone|iPod|iPad|Windows Phone|IEMobile|Opera Mini)\b/i;

export interface RequestFacts {
  readonly userAgent: string | undefined;
  readonly accept: string | undefined;
  readonly acceptLanguage: string | undefined;
  readonly clientIp: string | undefined;
  /** The element's `browser` field, not yet validated. */
  readonly browser: unknown;
}

function clip(value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed.slice(0, max) : undefined;
}

function osTypeOf(userAgent: string): 'IOS' | 'ANDROID' | undefined {
  if (/\b(iPhone|iPad|iPod)\b/.test(userAgent)) return 'IOS';
  if (/\bAndroid\b/.test(userAgent)) return 'ANDROID';
  return undefined;
}

export function buildEnv(facts: RequestFacts): VaultEnv {
  const userAgent = clip(facts.userAgent, 2048);
  // Values the element sent that do not fit are dropped, never a reason to refuse the card.
  const parsedBrowser = z.safeParse(browserEnvSchema, facts.browser);
  const browser = parsedBrowser.success ? parsedBrowser.data : {};
  const language = clip(browser.language, 64) ?? clip(facts.acceptLanguage?.split(',')[0]?.split(';')[0], 64);
  const mobile = userAgent !== undefined && MOBILE_USER_AGENT.test(userAgent);
  const osType = mobile && userAgent ? osTypeOf(userAgent) : undefined;
  const clientIp = clip(facts.clientIp, 64);
  const acceptHeader = clip(facts.accept, 2048);

  return {
    terminalType: mobile ? 'WAP' : 'WEB',
    ...(osType ? {osType} : {}),
    ...(userAgent ? {userAgent} : {}),
    ...(clientIp ? {clientIp} : {}),
    browserInfo: {
      ...(acceptHeader ? {acceptHeader} : {}),
      javaEnabled: false,
      javaScriptEnabled: true,
      ...(language ? {language} : {}),
      ...(userAgent ? {userAgent} : {}),
    },
    ...(browser.colorDepth !== undefined ? {colorDepth: String(browser.colorDepth)} : {}),
    ...(browser.screenHeight !== undefined ? {screenHeight: String(browser.screenHeight)} : {}),
    ...(browser.screenWidth !== undefined ? {screenWidth: String(browser.screenWidth)} : {}),
    ...(browser.timeZoneOffset !== undefined ? {timeZoneOffset: browser.timeZoneOffset} : {}),
    ...(language ? {deviceLanguage: language} : {}),
  };
}
