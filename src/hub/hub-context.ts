// What the hub's routes and services share: the database, the clock and the security settings.
import type { ScryptParams } from './auth/passwords';
import type { SignInLimits } from './auth/sign-in-limiter';
import type { Db } from './db/db';
import type { SyncEvents } from './sync/events';

export interface HubContext {
  db: Db;
  /** The hub's clock: expiries and rate-limit windows are measured on it. */
  now(): Date;
  scrypt: ScryptParams;
  signInLimits: SignInLimits;
  /** Announces committed sync versions (the poke desks pull on). */
  events: SyncEvents;
}
