/**
 * `antom-card-binding/react`: `<AntomCardBindingReact>`, a React component around
 * `<antom-card-binding>` built with `@lit/react` (an optional peer, with `react`). No side
 * effects: register the tag with `import 'antom-card-binding/define'` (or the bundle), before or
 * after the first render, lazily if you like.
 *
 * What it fixes over writing the tag in JSX: properties are set as properties (also when the tag
 * is defined after the first render: the element picks them up on upgrade), events are camelCase
 * React props with typed events (`onBound`, `onError`, `onChange`...), and after server rendering
 * the properties and listeners are applied on hydration.
 */
import * as React from 'react';
import {createComponent, type EventName} from '@lit/react';
import {AntomCardBinding} from '../element/antom-card-binding.js';
import type {
  AntomCardBindingEventMap,
  CardBindingErrorEvent,
  CardBoundEvent,
  CardChangeEvent,
  CardExpiringEvent,
  CardPendingEvent,
  CardProcessingEvent,
  CardReadyEvent,
  CardRedirectEvent,
  CardSubmitEvent,
} from '../element/events.js';

/** React prop name -> event name; one per event of the element (test/package checks the list). */
export const REACT_EVENTS = {
  onReady: 'ready' as EventName<CardReadyEvent>,
  onChange: 'change' as EventName<CardChangeEvent>,
  onSubmit: 'submit' as EventName<CardSubmitEvent>,
  onBound: 'bound' as EventName<CardBoundEvent>,
  onError: 'error' as EventName<CardBindingErrorEvent>,
  onRedirect: 'redirect' as EventName<CardRedirectEvent>,
  onProcessing: 'processing' as EventName<CardProcessingEvent>,
  onPending: 'pending' as EventName<CardPendingEvent>,
  onExpiring: 'expiring' as EventName<CardExpiringEvent>,
  onHostedEvent: 'hosted-event' as EventName<AntomCardBindingEventMap['hosted-event']>,
} as const;

/** The tag (the same as `antom-card-binding/define`'s TAG_NAME; importing that would register it). */
export const TAG_NAME = 'antom-card-binding';

export const AntomCardBindingReact = createComponent({
  react: React,
  tagName: TAG_NAME,
  elementClass: AntomCardBinding,
  events: REACT_EVENTS,
  displayName: 'AntomCardBinding',
});

/** The component's props (element properties, camelCase event handlers, HTML attributes, `ref`). */
export type AntomCardBindingReactProps = React.ComponentProps<typeof AntomCardBindingReact>;

export {AntomCardBinding};
