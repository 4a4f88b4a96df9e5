/**
 * A test double of `AMSVaulting` from @alipay/ams-checkout 1.47.2, shaped like the real class
 * (the type check below fails if the real API moves away from what hosted mode calls). Like the
 * real SDK it finds its target with `document.querySelector(selector)` and appends its fixed-id
 * container there; it never touches the network.
 */
import type {AMSVaulting} from '@alipay/ams-checkout';
import type {HostedSdk, SdkMountParams, SdkOptions, SdkReport} from '../../src/hosted/sdk.js';

// Type-level: the real class fits what hosted mode expects of `hostedSdk`.
export const realSdkFits: HostedSdk | null = null as unknown as typeof AMSVaulting;

export interface FakeOptions {
  /** Post SDK_END_OF_LOADING right after mounting (default true). */
  autoReady?: boolean;
  /** What `submit()` resolves with (default: never resolves; outcomes come as events). */
  submitAnswer?: unknown;
  /** Make `mountComponent` reject with this. */
  mountRejects?: unknown;
}

export interface FakeInstance {
  readonly options: SdkOptions;
  mounted: {params: SdkMountParams; selector: string; target: Element} | null;
  unmounted: boolean;
  submits: number;
  /** Sends a report through onEventCallback, as the SDK forwards the hosted app's codes. */
  emit(report: SdkReport): void;
  error(report: SdkReport): void;
}

export function fakeSdk(config: FakeOptions = {}): HostedSdk & {instances: FakeInstance[]} {
  const instances: FakeInstance[] = [];
  class FakeVaulting implements FakeInstance {
    mounted: FakeInstance['mounted'] = null;
    unmounted = false;
    submits = 0;
    constructor(readonly options: SdkOptions) {
      if (typeof options.onEventCallback !== 'function') throw new Error('Parameter type should be function');
      instances.push(this);
    }
    async mountComponent(params: SdkMountParams, selector: string): Promise<void> {
      if (config.mountRejects) throw config.mountRejects;
      const target = document.querySelector(selector);
      if (!target) throw {code: 'SDK_INTERNAL_ERROR', message: `no ${selector}`};
      const container = document.createElement('div');
      container.id = 'ams-component-container';
      const iframe = document.createElement('iframe');
      iframe.title = 'Card details (fake Antom page)';
      iframe.srcdoc = '<!doctype html><html lang="en"><title>fake</title><p>fake</p></html>';
      container.append(iframe);
      target.append(container);
      this.mounted = {params, selector, target};
      this.emit({code: 'SDK_START_OF_LOADING'});
      if (config.autoReady !== false) setTimeout(() => this.emit({code: 'SDK_END_OF_LOADING'}));
    }
    submit(): Promise<unknown> {
      this.submits++;
      return 'submitAnswer' in config ? Promise.resolve(config.submitAnswer) : new Promise(() => {});
    }
    unmount(): void {
      this.unmounted = true;
      this.mounted?.target.querySelector('#ams-component-container')?.remove();
    }
    emit(report: SdkReport): void {
      this.options.onEventCallback(report);
    }
    error(report: SdkReport): void {
      this.options.onError(report);
    }
  }
  return Object.assign(FakeVaulting, {instances});
}

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** A `vaultingSessionData` shaped like Antom's (reference §6.5): no `cardBinding`. */
export function antomSession(extra: Record<string, unknown> = {}): string {
  const metadata = {
    extendInfo: '{}',
    paymentSessionConfig: {paymentMethodCategoryType: 'CARD', productScene: 'VAULTING', productSceneVersion: '1.0'},
    ...extra,
  };
  return [base64('opaque-session-token-'.repeat(3)), 'SG', '188', base64(JSON.stringify(metadata))].join('&&');
}
