// React 19 consumer: the @lit/react wrapper (camelCase typed events, properties as properties)
// next to the bare tag typed by antom-card-binding/jsx-react (lowercase on<event> as React 19
// listens to them).
import type {CardChangeEvent, CardReadyEvent} from 'antom-card-binding';
import {AntomCardBindingReact} from 'antom-card-binding/react';
import type {} from 'antom-card-binding/jsx-react';

declare global {
  interface Window {
    __events: string[];
  }
}

const record = (entry: string) => {
  (globalThis.window ? window.__events : []).push(entry);
};

const neverRendered = false as boolean;

export function App() {
  const onWrappedReady = (event: CardReadyEvent) => record(`wrapped:${event.type}`);
  const onWrappedChange = (event: CardChangeEvent) => record(`wrapped:change:${event.detail.empty ? 'empty' : 'typed'}`);
  return (
    <main>
      <AntomCardBindingReact id="wrapped" locale="de" hideSubmitButton onReady={onWrappedReady} onChange={onWrappedChange} />
      <antom-card-binding id="bare" locale="fr" hideSubmitButton onready={(event) => record(`bare:${event.type}`)} onchange={(event) => record(`bare:change:${event.detail.brand ?? 'none'}`)} />
      {neverRendered && (
        <>
          {/* @ts-expect-error a number is no session (the wrapper's props are the element's) */}
          <AntomCardBindingReact vaultingSessionData={42} />
          {/* @ts-expect-error a number is no session (the JSX types are generated from the manifest) */}
          <antom-card-binding vaultingSessionData={42} />
          {/* @ts-expect-error camelCase on the bare tag would never fire: React 19 listens to `Bound` */}
          <antom-card-binding onBound={() => {}} />
        </>
      )}
    </main>
  );
}
