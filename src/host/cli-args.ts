// The browser-mode command line, parsed without side effects so it can be tested.
import { resolve } from 'node:path';
import { defaultDataDir } from './data-dir';

/** The port browser mode listens on unless told otherwise. */
export const DEFAULT_PORT = 5178;

export interface CliOptions {
  dataDir: string;
  port: number;
  help: boolean;
}

export const CLI_USAGE = `Usage: npm run web -- [--data-dir DIR] [--port PORT]
  --data-dir DIR  where the desk keeps its data (default: $CHANNEL_DESK_DATA_DIR, else the per-user app-data folder + "/Channel Desk")
  --port PORT     port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks any free port)`;

/** Thrown for a command line that cannot be understood; its message is shown to the user. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new CliUsageError(`--port must be a number from 0 to 65535, not "${text}"`);
  }
  return port;
}

/** Parses `--data-dir`, `--port` (both also as `--flag=value`) and `--help`. */
export function parseCliArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): CliOptions {
  const options: CliOptions = { dataDir: defaultDataDir(env), port: DEFAULT_PORT, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      options.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    if (flag !== '--data-dir' && flag !== '--port') {
      throw new CliUsageError(`Unknown option "${arg}"`);
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new CliUsageError(`${flag} needs a value`);
    if (flag === '--data-dir') options.dataDir = resolve(value);
    else options.port = parsePort(value);
  }
  return options;
}
