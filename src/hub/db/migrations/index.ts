// Every migration, in order. To change the schema, add the next file here; never edit a shipped one.
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-sync';
import { migration0003 } from './0003-publishing';
import { migration0004 } from './0004-workflow';
import { migration0005 } from './0005-notification-budget';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
];
