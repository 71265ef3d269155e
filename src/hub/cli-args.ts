// The hub's command line, parsed without side effects so it can be tested.
import { resolve } from 'node:path';

/** The port the hub listens on unless told otherwise. */
export const DEFAULT_HUB_PORT = 5179;
/** Only this computer, unless --host says otherwise: put TLS in front before opening it wider. */
export const DEFAULT_HUB_HOST = '127.0.0.1';

export interface HubCliOptions {
  dataDir: string;
  databaseUrl: string | undefined;
  port: number;
  host: string;
  help: boolean;
  /** Where the Telegram connector reaches the Bot API (a local Bot API server); Telegram's own by default. */
  telegramApiRoot: string | undefined;
  /** How long a hub holds a publication it is sending before another may reconcile it. */
  publishLeaseMs: number | undefined;
}

export const HUB_CLI_USAGE = `Usage: npm run hub -- [--data-dir DIR] [--port PORT] [--host HOST]
  --data-dir DIR  the embedded database's folder (default: $CHANNEL_DESK_HUB_DATA_DIR, else ./hub-data)
  --port PORT     port to listen on (default ${DEFAULT_HUB_PORT}; 0 picks any free port)
  --host HOST     address to listen on (default ${DEFAULT_HUB_HOST}; 0.0.0.0 for every interface)
Environment:
  DATABASE_URL=postgres://…            run the hub on PostgreSQL instead of the data folder
  TELEGRAM_API_ROOT=https://…          a Bot API server other than Telegram's own
  CHANNEL_DESK_PUBLISH_LEASE_MS=60000  how long a send may take before another hub reconciles it`;

/** Thrown for a command line that cannot be understood; its message is shown to the user. */
export class HubCliUsageError extends Error {
  override name = 'HubCliUsageError';
}

const FLAGS = ['--data-dir', '--port', '--host'] as const;
type Flag = (typeof FLAGS)[number];

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new HubCliUsageError(`--port must be a number from 0 to 65535, not "${text}"`);
  }
  return port;
}

/** Parses the flags (also as `--flag=value`) and reads the environment's defaults. */
export function parseHubCliArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): HubCliOptions {
  const options: HubCliOptions = {
    dataDir: resolve(cwd, env.CHANNEL_DESK_HUB_DATA_DIR || 'hub-data'),
    databaseUrl: env.DATABASE_URL || undefined,
    port: DEFAULT_HUB_PORT,
    host: DEFAULT_HUB_HOST,
    help: false,
    telegramApiRoot: env.TELEGRAM_API_ROOT || undefined,
    publishLeaseMs: undefined,
  };
  const lease = env.CHANNEL_DESK_PUBLISH_LEASE_MS;
  if (lease) {
    if (!/^\d+$/.test(lease) || Number(lease) < 1000) {
      throw new HubCliUsageError(
        'CHANNEL_DESK_PUBLISH_LEASE_MS must be a number of milliseconds, at least 1000',
      );
    }
    options.publishLeaseMs = Number(lease);
  }
  if (options.telegramApiRoot && !/^https?:\/\//.test(options.telegramApiRoot)) {
    throw new HubCliUsageError('TELEGRAM_API_ROOT must start with http:// or https://');
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      options.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = (eq >= 0 ? arg.slice(0, eq) : arg) as Flag;
    if (!FLAGS.includes(flag)) throw new HubCliUsageError(`Unknown option "${arg}"`);
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new HubCliUsageError(`${flag} needs a value`);
    if (flag === '--data-dir') options.dataDir = resolve(cwd, value);
    else if (flag === '--port') options.port = parsePort(value);
    else options.host = value;
  }
  if (options.databaseUrl && !/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    throw new HubCliUsageError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return options;
}

/** The one line printed on a first start: a link whose #fragment carries the setup token. */
export function setupLine(url: string, token: string, expiresAt: Date): string {
  // In the fragment, the token never reaches a server log or a proxy if someone opens the link.
  return `Channel Desk hub: not set up yet. Create the workspace and its owner with this one-time setup link (POST /v1/setup with the token; see /v1/openapi.json) (valid until ${expiresAt.toISOString()}): ${url}/#setup-token=${token}`;
}
