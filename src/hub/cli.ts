// `npm run hub`: starts the hub (PGlite in a data folder, or PostgreSQL with DATABASE_URL).
import { HUB_CLI_USAGE, HubCliUsageError, parseHubCliArgs, setupLine } from './cli-args';
import { startHub } from './server';

// A request that never finishes must not keep a stopping hub alive for ever.
const FORCED_EXIT_AFTER_MS = 15_000;

/** Plain words for the failures an operator can fix; the error itself for the rest. */
function explainStartFailure(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return 'the port is in use (is another hub running?). Choose one with --port.';
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
    return `cannot use the PostgreSQL database in DATABASE_URL (${(err as Error).message}).`;
  }
  if (code === 'SCHEMA_TOO_NEW' || code === 'MIGRATION_MISMATCH' || code === 'DATA_DIR_LOCKED') {
    return (err as Error).message;
  }
  return err;
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseHubCliArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof HubCliUsageError)) throw err;
    console.error(`${err.message}\n${HUB_CLI_USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(HUB_CLI_USAGE);
    return;
  }
  const { telegramApiRoot, publishLeaseMs, ...listen } = options;
  const hub = await startHub({
    ...listen,
    ...(options.databaseUrl ? {} : { dataDir: options.dataDir }),
    publishing: {
      ...(telegramApiRoot ? { telegramApiRoot } : {}),
      ...(publishLeaseMs ? { scheduler: { leaseMs: publishLeaseMs } } : {}),
    },
  });
  const where = hub.ctx.db.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${options.dataDir}`;
  hub.app.log.info(
    { url: hub.url, database: hub.ctx.db.kind, migration: hub.migration },
    `hub listening on ${hub.url} (${where})`,
  );
  if (hub.setupToken)
    console.log(setupLine(hub.url, hub.setupToken.token, hub.setupToken.expiresAt));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means the operator insists.
    if (stopping) process.exit(130);
    stopping = true;
    hub.app.log.info({ signal }, 'stopping: finishing requests, then closing the database');
    setTimeout(() => {
      hub.app.log.error('requests did not finish in time; exiting');
      process.exit(1);
    }, FORCED_EXIT_AFTER_MS).unref();
    hub.app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`The hub did not close cleanly after ${signal}:`, err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('The Channel Desk hub could not start:', explainStartFailure(err));
  process.exit(1);
});
