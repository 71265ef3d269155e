// Browser mode's composition: the engine on a data folder, conf settings, and the web transport.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createDeskEngine } from '../core/desk-engine';
import { openSoloHub } from '../solo/solo-hub';
import { createConfSettings } from './conf-settings';
import { hostForUrl } from './request-guard';
import { buildWebServer } from './web-server';

const TOKEN_BYTES = 32;

export interface WebHostOptions {
  dataDir: string;
  /** 0 picks any free port. */
  port: number;
  /** Loopback by default: other machines must not reach the desk. */
  host?: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
}

export interface WebHost {
  /** The address to open, token included. */
  url: string;
  /** Scheme, host and port, without the token. */
  origin: string;
  token: string;
  /** Stops serving, then closes the engine so the store checkpoints. */
  close(): Promise<void>;
}

/** Starts browser mode: the desk's engine served over HTTP + WebSocket to the built renderer. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { dataDir, port, host = '127.0.0.1', staticDir } = options;
  // The hub token is kept in <dataDir>/secrets, a 0600 file: browser mode has no OS keychain.
  // Exports go to the data folder; the page downloads them from /exports/<file>.
  const exportsDir = join(dataDir, 'exports');
  const engine = await createDeskEngine({
    dataDir,
    settings: createConfSettings(dataDir),
    openSoloHub,
    exportsDir,
  });
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  let app;
  try {
    app = await buildWebServer({ engine, token, bindHost: host, staticDir, exportsDir });
    await app.listen({ port, host });
  } catch (err) {
    await app?.close();
    await engine.close();
    throw err;
  }
  const bound = (app.server.address() as AddressInfo).port;
  // A wildcard bind is still opened from this machine through loopback.
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : hostForUrl(host);
  const origin = `http://${shownHost}:${bound}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close() {
      closing ??= (async () => {
        try {
          await app.close();
        } finally {
          await engine.close();
        }
      })();
      return closing;
    },
  };
}
