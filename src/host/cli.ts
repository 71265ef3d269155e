// `npm run web`: starts browser mode and keeps it running until SIGINT/SIGTERM.
import { fileURLToPath } from 'node:url';
import { CLI_USAGE, CliUsageError, parseCliArgs } from './cli-args';
import { startWebHost } from './web-host';

const STATIC_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
/** A repeat of the stopping signal within this time is the same signal echoed, not the user insisting. */
const SIGNAL_ECHO_MS = 1000;

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof CliUsageError)) throw err;
    console.error(`${err.message}\n${CLI_USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(CLI_USAGE);
    return;
  }
  const host = await startWebHost({
    dataDir: options.dataDir,
    port: options.port,
    staticDir: STATIC_DIR,
  });
  console.log(`Channel Desk (browser mode) is running at ${host.url}`);

  let stoppingSince: number | null = null;
  const stop = (signal: NodeJS.Signals) => {
    if (stoppingSince !== null) {
      // `conf` (through atomically's when-exit) catches the first signal too and raises it again,
      // so it arrives twice within milliseconds: only a later one means the user insists.
      if (Date.now() - stoppingSince < SIGNAL_ECHO_MS) return;
      process.exit(130);
    }
    stoppingSince = Date.now();
    host.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Channel Desk did not close cleanly after ${signal}:`, err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Plain words for the failures a user can fix; a stack for the rest. */
function explainStartFailure(err: unknown): string | unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return 'the port is in use (is another Channel Desk running?). Choose one with --port, or --port 0 for any free port.';
  }
  if (code === 'STORE_LOCKED' && err instanceof Error) return err.message;
  return err;
}

main().catch((err: unknown) => {
  console.error('Channel Desk (browser mode) could not start:', explainStartFailure(err));
  process.exit(1);
});
