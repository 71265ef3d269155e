// Browser mode's HTTP + WebSocket transport of the desk contract, as a fastify app (not yet listening).
import { createReadStream, existsSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { DeskTransportTarget } from '../core/dispatch';
import { DESK_EVENT_NAMES, dispatch } from '../core/dispatch';
import { isExportFileName } from '../core/transfer/export-files';
import type { DeskErrorPayload, DeskReply, ErrorCode } from '../shared/contract';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/csp';
import { isAllowedHost, isAllowedOrigin, isValidToken } from './request-guard';

/** Header that carries the run's token on every command. */
export const TOKEN_HEADER = 'x-desk-token';
/** Largest request body: a 50 MB attachment in base64 (~70 MB) plus its thumbnail and JSON. */
export const BODY_LIMIT_BYTES = 80 * 1024 * 1024;
// Clients never send anything on the event socket; anything larger than a ping is abuse.
const WS_MAX_PAYLOAD_BYTES = 1024;

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_argument: 400,
  not_found: 404,
  unknown_command: 404,
  conflict: 409,
  storage_failure: 500,
  // The desk answered: the hub it talks to did not (or said no). Not a fault of this request.
  hub_unreachable: 502,
  hub_refused: 422,
  internal: 500,
};

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY_HEADER,
  'x-content-type-options': 'nosniff',
  // The token travels in the first page's URL: never leak it in a Referer.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export interface WebServerOptions {
  engine: DeskTransportTarget;
  /** The per-run secret a client must present. */
  token: string;
  /** Address the server will listen on; used to accept its Host header. */
  bindHost: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** Where the engine writes exports, served at GET /exports/<file> (none: not served). */
  exportsDir?: string;
}

const refusal = (reply: FastifyReply, status: number, code: ErrorCode, message: string) => {
  const body: DeskReply<never> = { ok: false, error: { code, message } };
  if (reply.request.headers.upgrade) {
    // A refused WebSocket upgrade is outside the HTTP server's connection tracking: unless we
    // drop the socket, a client that keeps it open would hold up the server's shutdown.
    const socket = reply.request.raw.socket;
    reply.raw.once('finish', () => socket.destroy());
    reply.header('connection', 'close');
  }
  return reply.code(status).header('cache-control', 'no-store').send(body);
};

/**
 * Browsers open spare connections ahead of need (Chromium's preconnect). Node's `server.close()`
 * leaves a connection that never sent a byte open until its headers timeout (60 s), so with a desk
 * page open a stop could hang for a minute before the store checkpointed. Such connections carry
 * no request: drop them when closing, and any that arrive while closing.
 */
function dropUnusedConnectionsOnClose(app: FastifyInstance): void {
  const connections = new Set<Socket>();
  let closing = false;
  app.server.on('connection', (socket: Socket) => {
    if (closing) {
      socket.destroy();
      return;
    }
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  app.addHook('preClose', async () => {
    closing = true;
    for (const socket of connections) if (socket.bytesRead === 0) socket.destroy();
  });
}

/**
 * GET /exports/<file>: an export the engine wrote, as a download. Only names the engine gives its
 * files are served (no other name, so no path, can reach the disk), and only regular files.
 */
function serveExports(app: FastifyInstance, exportsDir: string): void {
  app.get('/exports/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    const missing = () => refusal(reply, 404, 'not_found', 'No such export on this desk.');
    if (!isExportFileName(name)) return missing();
    const path = join(exportsDir, name);
    const stat = await lstat(path).catch(() => null);
    if (!stat?.isFile()) return missing();
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('content-length', stat.size)
      .type(name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .send(createReadStream(path));
  });
}

/** Builds the fastify app; the caller listens and closes it. */
export async function buildWebServer(options: WebServerOptions): Promise<FastifyInstance> {
  const { engine, token, bindHost, staticDir } = options;
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES });
  dropUnusedConnectionsOnClose(app);
  const sockets = new Set<WebSocket>();

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    const port = request.socket.localPort ?? 0;
    if (!isAllowedHost(request.headers.host, bindHost, port)) {
      return refusal(reply, 403, 'internal', 'This address does not serve Channel Desk.');
    }
    if (!isAllowedOrigin(request.headers.origin, bindHost, port)) {
      return refusal(reply, 403, 'internal', 'Requests from other sites are refused.');
    }
    const download = request.url.startsWith('/exports/');
    if (!request.url.startsWith('/api/') && !download) return;
    // A download is a plain link and an event socket cannot set headers: both carry it in the URL.
    const presented =
      request.url.startsWith('/api/events') || download
        ? ((request.query as Record<string, unknown>).token ?? request.headers[TOKEN_HEADER])
        : request.headers[TOKEN_HEADER];
    if (!isValidToken(presented, token)) {
      return refusal(
        reply,
        401,
        'internal',
        'Not authorised: open the link Channel Desk printed when it started (it carries the token).',
      );
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) console.error('[desk host]', error);
    // Malformed JSON, an empty JSON body and an oversized body are the caller's mistakes.
    const code: ErrorCode = status >= 400 && status < 500 ? 'invalid_argument' : 'internal';
    return refusal(reply, status, code, error.message);
  });

  app.post('/api/invoke/:command', async (request: FastifyRequest, reply) => {
    const type = request.headers['content-type'];
    if (type !== undefined && !type.toLowerCase().startsWith('application/json')) {
      return refusal(reply, 415, 'invalid_argument', 'Send the argument as application/json.');
    }
    const { command } = request.params as { command: string };
    const result = await dispatch(engine.handlers, command, request.body);
    const status = result.ok ? 200 : STATUS_BY_CODE[(result.error as DeskErrorPayload).code];
    return reply.code(status).header('cache-control', 'no-store').send(result);
  });

  if (options.exportsDir !== undefined) serveExports(app, options.exportsDir);

  await app.register(fastifyWebsocket, { options: { maxPayload: WS_MAX_PAYLOAD_BYTES } });
  app.get('/api/events', { websocket: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const unsubscribers = DESK_EVENT_NAMES.map((event) =>
    engine.on(event, (payload) => {
      const message = JSON.stringify({ event, payload });
      for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(message);
    }),
  );
  app.addHook('onClose', async () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  });

  if (existsSync(join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: staticDir,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (res, path) => {
        // The page must be re-read after a rebuild (it names the new assets); assets revalidate.
        res.setHeader('cache-control', path.endsWith('.html') ? 'no-store' : 'no-cache');
      },
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`The desk's page is not built (${staticDir} has no index.html). Run: npm run web`),
    );
  }
  return app;
}
