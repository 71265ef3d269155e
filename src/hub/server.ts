// The hub's HTTP server: fastify with versioned JSON routes, OpenAPI, structured logs, clean shutdown.
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { issueSetupToken } from './accounts/setup-service';
import type { ScryptParams } from './auth/passwords';
import { DEFAULT_SCRYPT_PARAMS } from './auth/passwords';
import type { SignInLimits } from './auth/sign-in-limiter';
import { DEFAULT_SIGN_IN_LIMITS } from './auth/sign-in-limiter';
import type { Db } from './db/db';
import type { MigrationReport } from './db/migrate';
import { migrate } from './db/migrate';
import type { DbConfig } from './db/open-db';
import { openDb } from './db/open-db';
import { authenticator } from './http/authenticate';
import { HubError, frameworkErrorHandler, installErrorHandling } from './http/errors';
import { createRouter } from './http/route';
import type { HubContext } from './hub-context';
import { runMaintenance } from './maintenance';
import { registerAccountRoutes } from './routes/account-routes';
import { registerArchiveRoutes } from './routes/archive-routes';
import { registerAuditRoutes } from './routes/audit-routes';
import { acceptOctetStream, registerBlobRoutes } from './routes/blob-routes';
import { registerChannelRoutes } from './routes/channel-routes';
import { registerCommentRoutes } from './routes/comment-routes';
import { registerHealthRoutes } from './routes/health-routes';
import { registerEventSocket, registerSyncRoutes } from './routes/sync-routes';
import { registerWorkspaceRoutes } from './routes/workspace-routes';
import {
  registerFeedRoutes,
  registerPublishRoutes,
  registerWebhookStatsRoute,
} from './routes/publish-routes';
import { SyncEvents } from './sync/events';
import { keepStatisticsFresh } from './sync/statistics';
import type { ConnectorSettings } from './publish/connectors';
import { createConnectors } from './publish/connectors';
import type { ConnectorRegistry, SchedulerOptions } from './publish/scheduler';
import { PublishScheduler } from './publish/scheduler';
import { TelegramUpdates } from './publish/telegram/telegram-updates';
import { HUB_VERSION } from './version';

/** Largest request body unless a route says otherwise. */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;
const MAINTENANCE_INTERVAL_MS = 10 * 60 * 1000;
/** Per address, on the routes that check passwords and one-time tokens (scrypt costs CPU). */
const DEFAULT_CREDENTIAL_RATE_LIMIT = { max: 60, timeWindowMs: 60 * 1000 };

export interface HubOptions {
  /** fastify's pino logger options; false for silence (tests). Default: info, JSON lines. */
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  scrypt?: ScryptParams;
  signInLimits?: SignInLimits;
  credentialRateLimit?: { max: number; timeWindowMs: number };
  /** Check every successful answer against its schema (tests). */
  checkResponses?: boolean;
  /** Trust X-Forwarded-For from a reverse proxy (its address, a list, or true). */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Clean-up interval; null turns it off (tests run it by hand). */
  maintenanceIntervalMs?: number | null;
  /**
   * Publishing: where connectors reach their platforms, and the worker's settings. `run: false`
   * builds the scheduler without starting it (tests call `runOnce`).
   */
  publishing?: ConnectorSettings & {
    connectors?: Partial<ConnectorRegistry>;
    scheduler?: Omit<SchedulerOptions, 'connectors'>;
    run?: boolean;
  };
}

export interface Hub {
  app: FastifyInstance;
  ctx: HubContext;
  migration: MigrationReport;
  /** Set when the hub has no workspace yet: whoever holds it can set the hub up. */
  setupToken: { token: string; expiresAt: Date } | null;
  /** Committed sync versions, as they happen: an in-process desk can listen here. */
  events: SyncEvents;
  /** The publishing worker of this process. */
  scheduler: PublishScheduler;
  /** Reads Telegram bots' updates (reaction counts, poll results) into copies' engagement. */
  telegramUpdates: TelegramUpdates;
}

/**
 * Builds the hub on an open database: migrates it, registers the routes and, when nobody has set
 * the hub up yet, issues a setup token. The app is not listening; closing it closes the database.
 */
export async function buildHub(db: Db, options: HubOptions = {}): Promise<Hub> {
  const ctx: HubContext = {
    db,
    now: options.now ?? (() => new Date()),
    scrypt: options.scrypt ?? DEFAULT_SCRYPT_PARAMS,
    signInLimits: options.signInLimits ?? DEFAULT_SIGN_IN_LIMITS,
    events: new SyncEvents(),
  };
  const migration = await migrate(db, undefined, ctx.now);
  const stopHearing = await ctx.events.attach(db, (err) =>
    app.log.warn({ err }, 'hearing the other hub processes failed'),
  );

  const app = Fastify({
    logger: options.logger ?? { level: 'info', redact: ['req.headers.authorization'] },
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    frameworkErrors: frameworkErrorHandler,
  });
  installErrorHandling(app);
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'no-store');
  });
  const stopStatistics = keepStatisticsFresh(db, ctx.events, (err) =>
    app.log.warn({ err }, 'refreshing the planner statistics failed'),
  );
  const publishing = options.publishing ?? {};
  const connectors = { ...createConnectors(publishing), ...publishing.connectors };
  const scheduler = new PublishScheduler(ctx, {
    ...publishing.scheduler,
    connectors,
    onError: (err) => app.log.warn({ err }, 'a publishing round failed'),
  });
  const telegramUpdates = new TelegramUpdates(ctx, {
    owner: scheduler.owner,
    ...(publishing.telegramApiRoot ? { apiRoot: publishing.telegramApiRoot } : {}),
    onError: (err) => app.log.warn({ err }, 'reading Telegram updates failed'),
  });
  app.addHook('onClose', async () => {
    clearInterval(maintenance);
    await Promise.all([scheduler.stop(), telegramUpdates.stop()]);
    await stopHearing();
    await stopStatistics();
    await db.close();
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Channel Desk hub',
        description: "The newsroom's channel backend: accounts, roles, channels and sync.",
        version: HUB_VERSION,
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, limit) =>
      new HubError(
        429,
        'rate_limited',
        `Too many requests from this address; try again in ${limit.after}.`,
        undefined,
        { 'retry-after': String(Math.max(1, Math.ceil(limit.ttl / 1000))) },
      ),
  });

  // Before any route, so that it can answer upgrade requests on the event socket's route.
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });

  const routerOptions = {
    authenticate: authenticator(ctx),
    checkResponses: options.checkResponses ?? false,
  };
  const router = createRouter(app, routerOptions);
  registerHealthRoutes(router, ctx);
  registerAccountRoutes(router, ctx, {
    credentialRateLimit: options.credentialRateLimit ?? DEFAULT_CREDENTIAL_RATE_LIMIT,
  });
  registerWorkspaceRoutes(router, ctx);
  registerChannelRoutes(router, ctx);
  registerSyncRoutes(router, ctx);
  registerAuditRoutes(router, ctx);
  registerPublishRoutes(router, ctx, connectors);
  registerCommentRoutes(router, ctx);
  registerArchiveRoutes(router, ctx);
  registerFeedRoutes(app, ctx);
  registerWebhookStatsRoute(app, ctx);
  registerEventSocket(app, ctx);
  // Raw attachment bytes are accepted on the blob routes only.
  await app.register(async (scope) => {
    acceptOctetStream(scope);
    registerBlobRoutes(createRouter(scope, routerOptions), ctx);
  });
  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const interval = options.maintenanceIntervalMs ?? MAINTENANCE_INTERVAL_MS;
  const maintenance =
    interval === null
      ? undefined
      : setInterval(() => {
          runMaintenance(ctx).catch((err: unknown) => app.log.warn({ err }, 'maintenance failed'));
        }, interval).unref();

  try {
    await app.ready();
    const setupToken = await issueSetupToken(ctx);
    if (publishing.run !== false) {
      scheduler.start();
      telegramUpdates.start();
    }
    return { app, ctx, migration, setupToken, events: ctx.events, scheduler, telegramUpdates };
  } catch (err) {
    await app.close();
    throw err;
  }
}

export interface StartHubOptions extends HubOptions, DbConfig {
  port: number;
  host: string;
}

/** Opens the configured database, builds the hub and listens. */
export async function startHub(options: StartHubOptions): Promise<Hub & { url: string }> {
  const db = await openDb(options);
  let hub: Hub;
  try {
    hub = await buildHub(db, options);
  } catch (err) {
    await db.close();
    throw err;
  }
  try {
    await hub.app.listen({ port: options.port, host: options.host });
  } catch (err) {
    await hub.app.close();
    throw err;
  }
  const address = hub.app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { ...hub, url: `http://${host}:${port}` };
}
