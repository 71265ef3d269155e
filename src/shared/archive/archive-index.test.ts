import { describe, expect, it } from 'vitest';
import type { Platform } from '../domain';
import type { Delivery } from '../sync/protocol';
import type { ArchivableCopy, ArchiveQuery } from './archive-index';
import { ArchiveIndex, foldForArchive, isArchived } from './archive-index';

const NOW = new Date('2026-06-15T12:00:00Z');

function delivery(publishedAt: string | null, patch: Partial<Delivery> = {}): Delivery {
  return {
    state: publishedAt ? 'published' : 'failed',
    at: publishedAt ?? '2026-06-01T00:00:00Z',
    publishedAt,
    url: null,
    reason: null,
    attempts: 1,
    editableUntil: null,
    deletableUntil: null,
    retainedUntil: null,
    corrections: 0,
    task: null,
    ...patch,
  };
}

let n = 0;
function copy(text: string, patch: Partial<ArchivableCopy> = {}): ArchivableCopy {
  n++;
  return {
    id: `copy-${String(n).padStart(4, '0')}`,
    storyId: `story-${n}`,
    channelId: 'chan-rome',
    text,
    poll: null,
    deletedAt: null,
    tags: [],
    delivery: delivery('2026-06-01T09:00:00Z'),
    author: { id: 'user-anna', name: 'Anna' },
    ...patch,
  };
}

const query = (patch: Partial<ArchiveQuery> = {}): ArchiveQuery => ({
  text: '',
  channelIds: [],
  tag: null,
  from: null,
  to: null,
  authorId: null,
  limit: 50,
  offset: 0,
  ...patch,
});

function indexOf(copies: ArchivableCopy[], platform: Platform = 'telegram'): ArchiveIndex {
  const index = new ArchiveIndex();
  for (const c of copies) index.put(c, platform);
  return index;
}

const ids = (index: ArchiveIndex, q: Partial<ArchiveQuery>) =>
  index.search(query(q), NOW).hits.map((h) => h.updateId);

describe('archive index', () => {
  it('folds case and accents both ways', () => {
    expect(foldForArchive('Città ÉCOLE')).toBe('citta ecole');
    const a = copy('Chiusa la via per la Città Studi');
    const b = copy('École fermée demain');
    const index = indexOf([a, b]);
    expect(ids(index, { text: 'citta' })).toEqual([a.id]);
    expect(ids(index, { text: 'CITTÀ' })).toEqual([a.id]);
    expect(ids(index, { text: 'ecole' })).toEqual([b.id]);
  });

  it('matches the beginnings of words, and needs every word', () => {
    const a = copy('Sciopero dei trasporti venerdì');
    const b = copy('Sciopero della scuola');
    const c = copy('Trasporti regolari');
    const index = indexOf([a, b, c]);
    expect(ids(index, { text: 'sciop' }).sort()).toEqual([a.id, b.id].sort());
    expect(ids(index, { text: 'sciop trasp' })).toEqual([a.id]);
    expect(ids(index, { text: 'sciopero assente' })).toEqual([]);
    // A single letter matches only the word itself, never every word that starts with it.
    expect(ids(index, { text: 's' })).toEqual([]);
  });

  it('finds words of the poll too', () => {
    const a = copy('Sondaggio', {
      poll: { question: 'Come arrivate?', options: ['Metro', 'Bici'] },
    });
    expect(ids(indexOf([a]), { text: 'bici' })).toEqual([a.id]);
  });

  it('keeps only published copies that are not in the trash', () => {
    const published = copy('uno');
    const failed = copy('uno', { delivery: delivery(null) });
    const draft = copy('uno', { delivery: null });
    const trashed = copy('uno', { deletedAt: '2026-06-02T00:00:00Z' });
    const withdrawn = copy('uno', {
      delivery: delivery('2026-06-01T08:00:00Z', { state: 'withdrawn' }),
    });
    expect(isArchived(draft)).toBe(false);
    const index = indexOf([published, failed, draft, trashed, withdrawn]);
    expect(index.size).toBe(2);
    const hits = index.search(query({ text: 'uno' }), NOW).hits;
    expect(hits.map((h) => [h.updateId, h.withdrawn])).toEqual([
      [published.id, false],
      [withdrawn.id, true],
    ]);
  });

  it('filters by channel, topic, date range and author, newest published first', () => {
    const at = (day: number) => delivery(`2026-05-${String(day).padStart(2, '0')}T10:00:00Z`);
    const a = copy('Traffico', { delivery: at(1), tags: ['Mobilità'] });
    const b = copy('Traffico', { delivery: at(10), channelId: 'chan-milan' });
    const c = copy('Traffico', { delivery: at(20), author: { id: 'user-bo', name: 'Bo' } });
    const d = copy('Traffico', { delivery: at(5), author: null });
    const index = indexOf([a, b, c, d]);
    expect(ids(index, {})).toEqual([c.id, b.id, d.id, a.id]);
    expect(ids(index, { text: 'traffico', channelIds: ['chan-milan'] })).toEqual([b.id]);
    expect(ids(index, { channelIds: ['chan-rome', 'chan-milan'] })).toEqual([
      c.id,
      b.id,
      d.id,
      a.id,
    ]);
    expect(ids(index, { tag: 'mobilita' })).toEqual([a.id]);
    expect(
      ids(index, { from: '2026-05-05T10:00:00Z', to: '2026-05-20T10:00:00Z' }), // to: exclusive
    ).toEqual([b.id, d.id]);
    expect(ids(index, { authorId: 'user-bo' })).toEqual([c.id]);
    expect(ids(index, { authorId: 'user-anna', text: 'traff' })).toEqual([b.id, a.id]);
  });

  it('pages the sorted hits and counts them all', () => {
    const copies = Array.from({ length: 30 }, (_, i) =>
      copy('Meteo', {
        delivery: delivery(new Date(Date.UTC(2026, 0, 1 + i)).toISOString()),
      }),
    );
    const index = indexOf(copies);
    const newestFirst = [...copies].reverse().map((c) => c.id);
    const page = index.search(query({ text: 'meteo', limit: 5, offset: 5 }), NOW);
    expect(page.total).toBe(30);
    expect(page.hits.map((h) => h.updateId)).toEqual(newestFirst.slice(5, 10));
    // Enough hits to take the partial selection rather than a full sort: the same order.
    expect(ids(index, { text: 'meteo', limit: 3, offset: 0 })).toEqual(newestFirst.slice(0, 3));
  });

  it('replaces a changed copy and forgets a removed one, without a rebuild', () => {
    const a = copy('Prima versione del testo');
    const index = indexOf([a]);
    index.put({ ...a, text: 'Testo corretto' }, 'telegram');
    expect(ids(index, { text: 'prima' })).toEqual([]);
    expect(ids(index, { text: 'corretto' })).toEqual([a.id]);
    expect(index.size).toBe(1);
    // Other fields change without the words: the hit follows.
    index.put({ ...a, text: 'Testo corretto', tags: ['meteo'] }, 'telegram');
    expect(index.search(query({ text: 'testo' }), NOW).hits[0]?.tags).toEqual(['meteo']);
    index.put({ ...a, text: 'Testo corretto', deletedAt: '2026-06-02T00:00:00Z' }, 'telegram');
    expect(ids(index, { text: 'testo' })).toEqual([]);
    const b = copy('Altro testo');
    index.put(b, 'telegram');
    index.remove(b.id);
    index.remove(b.id);
    expect(index.size).toBe(0);
    expect(ids(index, {})).toEqual([]);
  });

  it('marks the copies their platform has forgotten', () => {
    const old = copy('Avviso', {
      delivery: delivery('2026-04-01T10:00:00Z', { retainedUntil: '2026-05-01T10:00:00Z' }),
    });
    const recent = copy('Avviso', {
      delivery: delivery('2026-06-10T10:00:00Z', { retainedUntil: '2026-07-10T10:00:00Z' }),
    });
    const kept = copy('Avviso', { delivery: delivery('2026-03-01T10:00:00Z') });
    const index = indexOf([old, recent, kept], 'whatsapp');
    const hits = index.search(query({ text: 'avviso' }), NOW).hits;
    expect(hits.map((h) => [h.updateId, h.expired, h.platform])).toEqual([
      [recent.id, false, 'whatsapp'],
      [old.id, true, 'whatsapp'],
      [kept.id, false, 'whatsapp'],
    ]);
  });
});
