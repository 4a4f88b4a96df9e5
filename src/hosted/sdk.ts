/**
 * The part of Antom's web SDK (`@alipay/ams-checkout`, v1.47.2) that hosted mode uses, typed
 * structurally so this library never imports (or bundles) the SDK: the page hands its
 * `AMSVaulting` class over, or loads Antom's script, which puts it on `globalThis`.
 *
 * Read from the SDK's published code (esm/ of 1.47.2):
 * - `new AMSVaulting(options)`: `esm/index.js:171-180`; options `IoptionsParams`
 *   (`esm/types/index.d.ts:24-42`); every callback must be a function or the constructor throws.
 * - `mountComponent(params, selector)` -> Promise, rejecting `{code, message}`
 *   (`esm/core/component/index.js:441-466`); `params` is `IcreateComponent`
 *   (`esm/types/index.d.ts:111-127`).
 * - `submit(data?)` posts `submitPay` to Antom's iframe and resolves with whatever the iframe
 *   answers (`esm/core/component/index.js:492-530`); what the vaulting app answers is not known.
 * - `unmount()` tears down the iframe, the container and the listeners
 *   (`esm/core/instance/index.js:116+`).
 * - `onEventCallback({code, message?, result?})` and `onError({code, message})`
 *   (`esm/types/index.d.ts:441-460`).
 */

/** One report from the SDK (`onEventCallback`, `onError`, a rejected mount). */
export interface SdkReport {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly result?: unknown;
}

export interface SdkOptions {
  readonly environment: 'sandbox' | 'prod';
  readonly locale: string;
  readonly onEventCallback: (report: SdkReport) => void;
  readonly onError: (report: SdkReport) => void;
}

export interface SdkMountParams {
  readonly sessionData: string;
  readonly notRedirectAfterComplete: boolean;
  readonly appearance: {readonly showLoading: boolean; readonly showSubmitButton: boolean};
}

export interface SdkInstance {
  mountComponent(params: SdkMountParams, selector: string): Promise<unknown>;
  submit(data?: unknown): Promise<unknown>;
  unmount(): void;
}

/** `AMSVaulting` from `@alipay/ams-checkout`, or anything shaped like it (a test double). */
export type HostedSdk = new (options: SdkOptions) => SdkInstance;

export interface SdkSources {
  /** The element's `hostedSdk` property. */
  readonly property: unknown;
  /** `AntomCardBinding.hostedSdk`, set once by a bundler user. */
  readonly static: unknown;
}

function isSdk(value: unknown): value is HostedSdk {
  return typeof value === 'function';
}

/** The property first, then the static, then `globalThis.AMSVaulting` (Antom's script tag). */
export function findSdk(sources: SdkSources): HostedSdk | null {
  for (const candidate of [sources.property, sources.static, (globalThis as {AMSVaulting?: unknown}).AMSVaulting]) {
    if (isSdk(candidate)) return candidate;
  }
  return null;
}

/** Like findSdk, but a page still loading gets until its `load` event (an async/defer script tag). */
export async function waitForSdk(sources: SdkSources, doc: Document = document): Promise<HostedSdk | null> {
  const found = findSdk(sources);
  if (found || doc.readyState === 'complete') return found;
  await new Promise<void>((resolve) => doc.defaultView?.addEventListener('load', () => resolve(), {once: true}) ?? resolve());
  return findSdk(sources);
}

export const SDK_MISSING_MESSAGE =
  "hosted mode needs Antom's web SDK (@alipay/ams-checkout, an optional peer dependency). With a bundler: " +
  "import {AMSVaulting} from '@alipay/ams-checkout'; then AntomCardBinding.hostedSdk = AMSVaulting (or el.hostedSdk = AMSVaulting). " +
  "Without one: load Antom's ams-checkout script before the element so that globalThis.AMSVaulting exists.";

export const ONE_PER_PAGE_MESSAGE =
  "Antom's web SDK renders one card component per page (fixed element ids): another hosted <antom-card-binding> " +
  '(or another use of the SDK) is mounted. Remove it first.';
