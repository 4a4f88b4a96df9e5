/**
 * SessionController: the `vaultingSessionData` the element holds, read without zod the moment it
 * arrives (read-session.ts), and its lifetime.
 *
 * Time is the gateway's: the lifetime is `expiryTime - issueTime` from the session itself,
 * counted on a monotonic clock (performance.now) from when the element received it, so a buyer
 * clock that is hours off changes nothing. Without `issueTime` the buyer's clock is the only
 * guess: it is used while it says the session is alive, and never to declare it expired (the
 * gateway's answer decides). A warning (`expiring`) comes `warningMs` before the end; a fresh
 * session handed over meanwhile replaces this one and keeps the typed card.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {readSession, type SessionReadResult, type SessionReading} from '../../session/read-session.js';

/** setTimeout's ceiling (about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

export interface SessionEvents {
  /** A new value was read (null: none); called before the next render. */
  onRead(result: SessionReadResult | null): void;
  onExpiring(remainingMs: number): void;
  onExpired(): void;
}

type Host = ReactiveControllerHost & {vaultingSessionData: unknown; expiryWarning: number};

export class SessionController implements ReactiveController {
  result: SessionReadResult | null = null;
  /** performance.now() at which the current session ends; null when unknown. */
  #endsAt: number | null = null;
  #warningTimer: ReturnType<typeof setTimeout> | undefined;
  #expiryTimer: ReturnType<typeof setTimeout> | undefined;
  #applied: unknown = null;
  /** Set once the lifetime ran out: the view says so until a new session comes. */
  expired = false;
  /** Set while the warning is due and no fresh session came. */
  expiring = false;

  constructor(private readonly host: Host, private readonly events: SessionEvents) {
    host.addController(this);
  }

  get session(): SessionReading | null {
    return this.result?.ok ? this.result : null;
  }

  /** Milliseconds left, or null when unknown. */
  get remainingMs(): number | null {
    return this.#endsAt === null ? null : Math.max(0, this.#endsAt - performance.now());
  }

  hostUpdate(): void {
    if (this.host.vaultingSessionData !== this.#applied) this.#read();
  }

  hostConnected(): void {
    // Reconnected: the timers were cleared; run them again for what is left.
    if (this.#endsAt !== null && !this.expired) this.#arm();
  }

  hostDisconnected(): void {
    this.#clear();
  }

  #read(): void {
    this.#clear();
    const value = this.host.vaultingSessionData;
    this.#applied = value;
    this.expired = false;
    this.expiring = false;
    this.#endsAt = null;
    const absent = value === null || value === undefined || value === '';
    this.result = absent ? null : readSession(value);
    // Told first: the element resets its views for the new session before any timer speaks.
    this.events.onRead(this.result);
    if (this.result?.ok && this.result.lifetimeMs !== null) {
      this.#endsAt = performance.now() + this.result.lifetimeMs;
      this.#arm();
    }
  }

  #arm(): void {
    this.#clear();
    const remaining = this.remainingMs;
    if (remaining === null) return;
    if (remaining <= 0) {
      this.#expire();
      return;
    }
    const warnIn = remaining - this.host.expiryWarning;
    if (!this.expiring) {
      this.#warningTimer = setTimeout(() => this.#warn(), Math.min(Math.max(0, warnIn), MAX_TIMER_MS));
    }
    this.#expiryTimer = setTimeout(() => this.#arm(), Math.min(remaining, MAX_TIMER_MS));
  }

  #warn(): void {
    this.expiring = true;
    this.events.onExpiring(this.remainingMs ?? 0);
  }

  #expire(): void {
    this.expired = true;
    this.expiring = false;
    this.events.onExpired();
  }

  #clear(): void {
    clearTimeout(this.#warningTimer);
    clearTimeout(this.#expiryTimer);
  }
}
