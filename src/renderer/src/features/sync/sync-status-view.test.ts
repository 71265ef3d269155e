import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import it_ from '../../i18n/it.json';
import {
  clockOffsetText,
  indicatorView,
  needsOnboarding,
  statusAffectsRows,
  uploadPercent,
} from './sync-status-view';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, it: { translation: it_ }, fr: { translation: fr } },
  lng: 'en',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
const t = i18n.t;
const tIt = i18n.getFixedT('it');
const tFr = i18n.getFixedT('fr');

const ZONE = 'Europe/Rome';
const base: SyncStatus = {
  mode: 'solo',
  hub: 'built-in hub',
  state: 'idle',
  pending: 0,
  lastSyncAt: '2026-06-12T10:03:20.000Z',
  error: null,
  nextRetryAt: null,
  clockOffsetMs: 0,
  user: { id: 'u1', name: 'Anna' },
  refusals: [],
  upload: null,
};
const status = (patch: Partial<SyncStatus>): SyncStatus => ({ ...base, ...patch });

describe('indicatorView', () => {
  it('says when the desk last synced, in the editor’s zone', () => {
    expect(indicatorView(base, 'en', ZONE, t)).toEqual({
      tone: 'ok',
      text: 'Synced · 12:03',
      canRetry: false,
    });
    expect(indicatorView(status({ lastSyncAt: null }), 'en', ZONE, t).text).toBe('Not synced yet');
  });

  it('counts the changes waiting, with the plural form of each language', () => {
    expect(indicatorView(status({ pending: 1 }), 'en', ZONE, t).text).toBe('1 change waiting');
    expect(indicatorView(status({ pending: 3 }), 'en', ZONE, t)).toMatchObject({
      tone: 'waiting',
      text: '3 changes waiting',
    });
    expect(indicatorView(status({ pending: 3 }), 'it', ZONE, tIt).text).toBe(
      '3 modifiche in attesa',
    );
    expect(indicatorView(status({ pending: 1 }), 'fr', ZONE, tFr).text).toBe(
      '1 modification en attente',
    );
  });

  it('says when an offline desk tries again, and offers Retry', () => {
    const offline = status({ state: 'offline', nextRetryAt: '2026-06-12T10:05:00.000Z' });
    expect(indicatorView(offline, 'en', ZONE, t)).toEqual({
      tone: 'offline',
      text: 'Offline — retrying at 12:05',
      canRetry: true,
    });
    expect(indicatorView(status({ state: 'offline' }), 'en', ZONE, t).text).toBe('Offline');
    expect(indicatorView(status({ state: 'error', error: 'boom' }), 'en', ZONE, t)).toEqual({
      tone: 'error',
      text: 'Sync error',
      canRetry: true,
    });
  });

  it('names the busy and signed-out states without a Retry', () => {
    expect(indicatorView(status({ state: 'syncing', pending: 4 }), 'en', ZONE, t)).toEqual({
      tone: 'busy',
      text: 'Syncing…',
      canRetry: false,
    });
    expect(indicatorView(status({ state: 'starting' }), 'en', ZONE, t).tone).toBe('busy');
    expect(indicatorView(status({ state: 'signed-out' }), 'en', ZONE, t)).toEqual({
      tone: 'error',
      text: 'Signed out',
      canRetry: false,
    });
  });
});

describe('clockOffsetText', () => {
  it('stays quiet within two seconds either way, or before the offset is known', () => {
    expect(clockOffsetText(null, 'en', t)).toBeNull();
    expect(clockOffsetText(2000, 'en', t)).toBeNull();
    expect(clockOffsetText(-1500, 'en', t)).toBeNull();
  });

  it('says this computer is behind when the hub’s clock is ahead (positive offset)', () => {
    expect(clockOffsetText(5_400, 'en', t)).toBe(
      'This computer’s clock is 5 seconds behind the hub; schedules use the hub’s clock.',
    );
  });

  it('says ahead for a negative offset, in minutes past a minute and hours past an hour', () => {
    expect(clockOffsetText(-3 * 60_000 - 10_000, 'en', t)).toBe(
      'This computer’s clock is 3 minutes ahead of the hub; schedules use the hub’s clock.',
    );
    expect(clockOffsetText(-60_000, 'en', t)).toContain('1 minute ahead');
    expect(clockOffsetText(2 * 3_600_000 + 60_000, 'en', t)).toContain('2 hours behind');
  });

  it('writes the amount in the interface language', () => {
    expect(clockOffsetText(-10_000, 'it', tIt)).toBe(
      'L’orologio di questo computer è avanti di 10 secondi rispetto all’hub; le programmazioni seguono l’orologio dell’hub.',
    );
    expect(clockOffsetText(120_000, 'fr', tFr)).toContain('retarde de 2 minutes');
  });
});

describe('needsOnboarding', () => {
  it('asks how to work only when no mode is chosen and nothing is starting', () => {
    expect(needsOnboarding(status({ mode: 'none' }))).toBe(true);
    expect(needsOnboarding(status({ mode: 'none', state: 'error' }))).toBe(true);
    expect(needsOnboarding(status({ mode: 'none', state: 'starting' }))).toBe(false);
    expect(needsOnboarding(status({ mode: 'solo', state: 'starting' }))).toBe(false);
    expect(needsOnboarding(status({ mode: 'team', state: 'signed-out' }))).toBe(false);
  });
});

describe('statusAffectsRows', () => {
  const refusal = {
    id: 'r1',
    kind: 'update' as const,
    reason: 'stale',
    at: '2026-06-12T10:00:00.000Z',
    mutation: 'scheduleCopy',
    text: null,
  };

  it('refreshes rows when the hub acknowledged or refused changes', () => {
    expect(statusAffectsRows(status({ pending: 3 }), status({ pending: 1 }))).toBe(true);
    expect(statusAffectsRows(base, status({ refusals: [refusal] }))).toBe(true);
    expect(statusAffectsRows(status({ refusals: [refusal] }), base)).toBe(true);
  });

  it('refreshes rows when the desk changes hub, mode or user, and on the first status', () => {
    expect(statusAffectsRows(undefined, base)).toBe(true);
    expect(statusAffectsRows(base, status({ mode: 'team' }))).toBe(true);
    expect(statusAffectsRows(base, status({ hub: 'hub.example.org' }))).toBe(true);
    expect(statusAffectsRows(base, status({ user: { id: 'u2', name: 'Bruno' } }))).toBe(true);
  });

  it('leaves rows alone for new local changes, progress and round-trips', () => {
    expect(statusAffectsRows(status({ pending: 1 }), status({ pending: 2 }))).toBe(false);
    expect(statusAffectsRows(base, status({ state: 'syncing' }))).toBe(false);
    expect(statusAffectsRows(base, status({ upload: { done: 1, total: 2 } }))).toBe(false);
    expect(
      statusAffectsRows(base, status({ lastSyncAt: '2026-06-12T10:03:50.000Z', pending: 0 })),
    ).toBe(false);
  });
});

describe('uploadPercent', () => {
  it('rounds to whole percent, keeps within 0–100 and counts an empty upload as done', () => {
    expect(uploadPercent({ done: 1, total: 3 })).toBe(33);
    expect(uploadPercent({ done: 5, total: 4 })).toBe(100);
    expect(uploadPercent({ done: 0, total: 0 })).toBe(100);
  });
});
