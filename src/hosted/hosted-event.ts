import type {HostedEventDetail} from '../element/events.js';

/** Hosted mode: one report of Antom's SDK, passed through (see HostedEventDetail). */
export class CardHostedEvent extends Event {
  static readonly eventName = 'hosted-event';
  constructor(readonly detail: HostedEventDetail) {
    super(CardHostedEvent.eventName, {bubbles: true, composed: true});
  }
}
