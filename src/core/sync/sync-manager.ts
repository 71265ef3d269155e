// Which hub the desk syncs with, and switching: onboarding (alone or with a newsroom's hub),
// resuming after a restart, signing out. The sync engine does the syncing.
import type { SyncStatus } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { HubTransport } from '../../shared/sync/transport';
import type { EngineContext } from '../engine-context';
import { SYNC_SHARD, commitMutation } from '../engine-context';
import type { SecretStore } from '../secret-store';
import { HubCallError, hubCalls } from './hub-calls';
import { connectTeamHub } from './hub-connection';
import { createHttpTransport } from './http-transport';
import { SyncEngine } from './sync-engine';

/** The built-in hub of solo mode, running in this process. */
export interface SoloHub {
  transport: HubTransport;
  /** Names the hub and its workspace (changes if its database is replaced). */
  hubKey: string;
  close(): Promise<void>;
}
export type OpenSoloHub = (dir: string) => Promise<SoloHub>;

/** Which hub this desk uses (SYNC_SHARD/"connection"); the token is kept in the secret store. */
interface Connection {
  mode: 'solo' | 'team';
  url: string | null;
  workspaceId: string | null;
}

const TOKEN = 'hub-token';

export interface SyncManagerOptions {
  ctx: EngineContext;
  serialise: <T>(run: () => Promise<T>) => Promise<T>;
  ready: Promise<void>;
  secrets: SecretStore;
  openSoloHub: OpenSoloHub | null;
  onStatus(status: SyncStatus): void;
  makeTransport?: (url: URL) => HubTransport;
}

export class SyncManager {
  readonly engine: SyncEngine;
  private solo: SoloHub | null = null;
  private team: HubTransport | null = null;

  constructor(private readonly opts: SyncManagerOptions) {
    this.engine = new SyncEngine({
      ctx: opts.ctx,
      serialise: opts.serialise,
      ready: opts.ready,
      onStatus: opts.onStatus,
    });
  }

  private connection(): Connection | null {
    return this.opts.ctx.store.get<Connection>(SYNC_SHARD, 'connection') ?? null;
  }

  private async saveConnection(connection: Connection | null): Promise<void> {
    await this.opts.serialise(() =>
      commitMutation(this.opts.ctx, '@connection', {}, [
        { shard: SYNC_SHARD, id: 'connection', record: connection },
      ]),
    );
  }

  /** After a restart: carries on with the hub chosen before (nothing to do before onboarding). */
  async resume(): Promise<void> {
    await this.opts.ctx.store.ensureShard(SYNC_SHARD);
    const connection = this.connection();
    if (!connection) {
      this.engine.setIdleMode('none', 'idle', null);
      return;
    }
    if (connection.mode === 'solo') {
      await this.runSolo();
      return;
    }
    const token = await this.opts.secrets.get(TOKEN);
    const url = new URL(connection.url!);
    this.team = (this.opts.makeTransport ?? ((u) => createHttpTransport(u)))(url);
    if (!token) {
      this.engine.setIdleMode('team', 'signed-out', 'Sign in to the hub again to keep syncing.');
      return;
    }
    this.team.setToken(token);
    await this.engine.start({
      mode: 'team',
      hubKey: `${connection.url}#${connection.workspaceId}`,
      transport: this.team,
    });
  }

  private async runSolo(): Promise<void> {
    if (!this.opts.openSoloHub) {
      throw new DeskError('internal', 'This build of the desk has no built-in hub.');
    }
    this.engine.setIdleMode('solo', 'starting', null);
    this.solo ??= await this.opts.openSoloHub(`${this.opts.ctx.dataDir}/hub`);
    await this.engine.start({
      mode: 'solo',
      hubKey: this.solo.hubKey,
      transport: this.solo.transport,
    });
  }

  /** Onboarding: work alone, on the built-in hub. */
  async startSolo(): Promise<SyncStatus> {
    const connection = this.connection();
    if (connection?.mode === 'team') {
      throw new DeskError(
        'conflict',
        'This desk works with a newsroom hub: sign out of it before working alone.',
      );
    }
    await this.runSolo();
    if (!connection) await this.saveConnection({ mode: 'solo', url: null, workspaceId: null });
    return this.engine.getStatus();
  }

  /** Signs in to a newsroom's hub; local work (solo or earlier) is brought there. */
  async connect(input: { url: string; email: string; password: string }): Promise<SyncStatus> {
    const team = await connectTeamHub(input, this.opts.makeTransport);
    await this.engine.stop();
    await this.closeTransports();
    this.team = team.transport;
    await this.opts.secrets.set(TOKEN, team.grant.token);
    await this.saveConnection({
      mode: 'team',
      url: team.url,
      workspaceId: team.grant.workspace.id,
    });
    await this.engine.start({
      mode: 'team',
      hubKey: `${team.url}#${team.grant.workspace.id}`,
      transport: team.transport,
    });
    return this.engine.getStatus();
  }

  /** Signs out of the team hub. Local work stays; the desk asks again how to work. */
  async disconnect(): Promise<SyncStatus> {
    const transport = this.engine.transport;
    await this.engine.stop();
    if (transport && this.connection()?.mode === 'team') {
      await hubCalls.signOut(transport).catch(() => undefined);
    }
    await this.opts.secrets.set(TOKEN, null);
    await this.saveConnection(null);
    await this.closeTransports();
    this.engine.setIdleMode('none', 'idle', null);
    return this.engine.getStatus();
  }

  async history(kind: 'channel' | 'update', id: string) {
    return this.onHub('The history', (t) => hubCalls.history(t, kind, id).then((r) => r.entries));
  }

  /**
   * Runs a call that only the hub can answer (`what` names it: "The history lives on the hub…"),
   * with its errors in the desk's words: not connected or unreachable, refused, not found.
   */
  async onHub<T>(what: string, call: (t: HubTransport) => Promise<T>): Promise<T> {
    const transport = this.engine.transport;
    if (!transport) {
      throw new DeskError(
        'hub_unreachable',
        `${what} lives on the hub, and this desk is not connected to one.`,
      );
    }
    try {
      return await call(transport);
    } catch (error) {
      if (error instanceof HubCallError)
        throw new DeskError(error.status === 404 ? 'not_found' : 'hub_refused', error.message);
      throw new DeskError(
        'hub_unreachable',
        `${what} lives on the hub, which cannot be reached right now.`,
      );
    }
  }

  private async closeTransports(): Promise<void> {
    await this.team?.close();
    this.team = null;
    await this.solo?.close();
    this.solo = null;
  }

  async close(): Promise<void> {
    await this.engine.stop();
    await this.closeTransports();
  }
}
