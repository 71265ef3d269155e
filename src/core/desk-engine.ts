// The desk's engine: the durable store and every command of the contract, for either transport.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { CommandName, DeskEvents, DeskHandlers, EventName } from '../shared/contract';
import type { Channel } from '../shared/domain';
import type { EngineContext } from './engine-context';
import { CHANNELS_SHARD, isUpdatesShard, updatesShard } from './engine-context';
import { channelHandlers } from './handlers/channel-handlers';
import { queryHandlers } from './handlers/query-handlers';
import { scheduleHandlers } from './handlers/schedule-handlers';
import { storyHandlers } from './handlers/story-handlers';
import { createMediaStore } from './media-store';
import type { SettingsStore } from './platform';
import { StoryIndex } from './story-index';
import { openStore } from './store/durable-store';
import { publishHandlers } from './handlers/publish-handlers';
import { workflowHandlers } from './handlers/workflow-handlers';
import { breakingHandlers } from './handlers/breaking-handlers';
import { commentHandlers } from './handlers/comment-handlers';
import { auditHandlers } from './handlers/audit-handlers';
import { archiveHandlers } from './handlers/archive-handlers';
import { DeskArchive } from './desk-archive';
import { analyticsHandlers } from './handlers/analytics-handlers';
import { syncHandlers } from './handlers/sync-handlers';
import { transferHandlers } from './handlers/transfer-handlers';
import { finishStagedImports } from './transfer/import-apply';
import type { SecretStore } from './secret-store';
import { fileSecretStore } from './secret-store';
import type { OpenSoloHub } from './sync/sync-manager';
import { SyncManager } from './sync/sync-manager';
import type { HubTransport } from '../shared/sync/transport';

export interface DeskEngine {
  handlers: DeskHandlers;
  on<E extends EventName>(event: E, cb: (payload: DeskEvents[E]) => void): () => void;
  close(): Promise<void>;
}

export interface DeskEngineOptions {
  dataDir: string;
  settings: SettingsStore;
  /** The clock; tests pass a fixed one. Default: this computer's clock corrected to the hub's. */
  now?: () => Date;
  /** Where the hub token is kept (default: a 0600 file in the data folder). */
  secrets?: SecretStore;
  /** Starts the built-in hub of solo mode (the shells pass it; null: solo mode unavailable). */
  openSoloHub?: OpenSoloHub | null;
  /** How to reach a team hub (tests put a fault layer here). */
  makeTransport?: (url: URL) => HubTransport;
  /** Carry on syncing with the hub chosen before (default true). */
  resumeSync?: boolean;
  /** Where exports are written (default: <dataDir>/exports; Electron passes Downloads). */
  exportsDir?: string;
}

/** Commands that answer from what is loaded at open, without waiting for every shard. */
const EARLY_COMMANDS = new Set<CommandName>([
  'getStatus',
  'listChannels',
  'listTimeline',
  'getSettings',
  'setSettings',
  'getMedia',
  'addAttachment',
]);
/** Commands that only read; everything else runs one at a time. */
const READ_COMMANDS = new Set<CommandName>([
  'getStatus',
  'listChannels',
  'getStory',
  'listTimeline',
  'listRange',
  'search',
  'listTrash',
  'getMedia',
  'getSettings',
  'getSyncStatus',
  'getHistory',
  'getAudit',
  'exportAudit',
  'searchArchive',
  'getPublishedVersions',
  // Exports write their file in the background from the copies as they were when asked.
  'startExport',
  'getExportStatus',
  'previewImport',
  'getAnalytics',
  'listInReview',
  'listComments',
  'getInbox',
  'listMembers',
  // These wait for the sync engine, which itself queues its writes behind commands.
  'syncNow',
  'startSolo',
  'connectHub',
  'disconnectHub',
  'dismissRefusal',
]);

export async function createDeskEngine(opts: DeskEngineOptions): Promise<DeskEngine> {
  await mkdir(opts.dataDir, { recursive: true });
  const store = await openStore({ dir: `${opts.dataDir}/store`, preload: [CHANNELS_SHARD] });
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const archive = new DeskArchive(store);
  const ctx: EngineContext = {
    dataDir: opts.dataDir,
    store,
    media: createMediaStore(opts.dataDir),
    settings: opts.settings,
    stories: new StoryIndex(store),
    archive,
    now: opts.now ?? (() => sync.engine.now()),
    newId: randomUUID,
    emit(event, payload) {
      for (const cb of listeners.get(event) ?? []) (cb as (p: typeof payload) => void)(payload);
    },
    syncStateOf: (record) => sync.engine.stateOf(record),
  };
  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <T>(run: () => Promise<T>): Promise<T> => {
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  // The first channel's timeline is ready at once; the rest loads in the background.
  const first = store
    .all<Channel>(CHANNELS_SHARD)
    .filter((c) => !c.archived)
    .sort((a, b) => a.name.localeCompare(b.name))[0];
  if (first) await store.ensureShard(updatesShard(first.id));
  const ready = store.ensureAll().then(() => {
    for (const key of store.shardKeys()) if (isUpdatesShard(key)) ctx.stories.addShard(key);
  });
  ready.catch(() => undefined);
  // An import the desk stopped in the middle of moving into its channels is finished first.
  void ready
    .then(() => serialise(() => finishStagedImports(ctx)))
    .catch((error: unknown) => console.error('[desk] finishing a stopped import failed', error));
  const sync = new SyncManager({
    ctx,
    serialise,
    ready,
    secrets: opts.secrets ?? fileSecretStore(`${opts.dataDir}/secrets`),
    openSoloHub: opts.openSoloHub ?? null,
    onStatus: (status) => ctx.emit('syncStatus', status),
    ...(opts.makeTransport ? { makeTransport: opts.makeTransport } : {}),
  });
  if (opts.resumeSync !== false) {
    void sync.resume().catch((error: unknown) => {
      sync.engine.setIdleMode(
        'none',
        'error',
        `The hub could not be started: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }

  const raw = {
    ...channelHandlers(ctx),
    ...storyHandlers(ctx),
    ...scheduleHandlers(ctx),
    ...queryHandlers(ctx),
    ...syncHandlers(ctx, sync),
    ...publishHandlers(ctx, sync),
    ...workflowHandlers(ctx, sync),
    ...breakingHandlers(ctx, sync),
    ...commentHandlers(ctx, sync),
    ...auditHandlers(sync),
    ...archiveHandlers(ctx, sync, archive),
    ...transferHandlers(ctx, { exportsDir: opts.exportsDir ?? `${opts.dataDir}/exports` }),
    ...analyticsHandlers(ctx),
    async getStatus() {
      await ready;
      return {
        dataDir: opts.dataDir,
        problems: [...store.problems],
        channelCount: store.all(CHANNELS_SHARD).length,
        updateCount: store
          .shardKeys()
          .filter(isUpdatesShard)
          .reduce((n, k) => n + store.all(k).length, 0),
        pendingCount: sync.engine.getStatus().pending,
      };
    },
    async getSettings() {
      return ctx.settings.get();
    },
    async setSettings(patch: { locale?: 'en' | 'it' | 'fr' }) {
      return ctx.settings.set(patch);
    },
  } satisfies DeskHandlers;

  const handlers = Object.fromEntries(
    (Object.keys(raw) as CommandName[]).map((name) => {
      const fn = raw[name] as (arg: unknown) => Promise<unknown>;
      const run = async (arg: unknown) => {
        if (!EARLY_COMMANDS.has(name)) await ready;
        return fn(arg);
      };
      return [name, READ_COMMANDS.has(name) ? run : (arg: unknown) => serialise(() => run(arg))];
    }),
  ) as unknown as DeskHandlers;

  return {
    handlers,
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb as (payload: never) => void);
      return () => set.delete(cb as (payload: never) => void);
    },
    async close() {
      await sync.close();
      await queue;
      await ready.catch(() => undefined);
      await store.close();
    },
  };
}
