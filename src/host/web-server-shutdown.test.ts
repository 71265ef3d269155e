// A browser's spare, never-used connection must not hold up the host's shutdown (and with it the
// store's checkpoint): Node's server.close() alone waits for it until its headers timeout.
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskTransportTarget } from '../core/dispatch';
import type { DeskHandlers } from '../shared/contract';
import { buildWebServer } from './web-server';

/** Well under Node's 60 s headers timeout, which is how long the close used to wait. */
const PROMPT_CLOSE_MS = 2000;

const idleEngine: DeskTransportTarget = {
  handlers: {} as DeskHandlers,
  on: () => () => {},
};

const openSockets: Socket[] = [];
afterEach(() => {
  for (const s of openSockets.splice(0)) s.destroy();
});

function openSilentConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
    openSockets.push(socket);
  });
}

describe('closing the web server', () => {
  it('does not wait for a connection that never sent a request', async () => {
    const app = await buildWebServer({
      engine: idleEngine,
      token: 'test-token-0123456789',
      bindHost: '127.0.0.1',
      staticDir: '/nonexistent',
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const spare = await openSilentConnection(port);
    const serverSawIt = new Promise<void>((resolve) => spare.once('close', () => resolve()));

    const started = Date.now();
    await app.close();
    await serverSawIt;
    expect(Date.now() - started).toBeLessThan(PROMPT_CLOSE_MS);
  });

  it('still answers a request that was already sent when closing starts', async () => {
    const app = await buildWebServer({
      engine: idleEngine,
      token: 'test-token-0123456789',
      bindHost: '127.0.0.1',
      staticDir: '/nonexistent',
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const socket = await openSilentConnection(port);
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const received = new Promise<void>((resolve) => app.server.once('request', () => resolve()));
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    await received;
    await app.close();
    await ended;
    expect(reply).toMatch(/^HTTP\/1\.1 503 /);
  });
});
