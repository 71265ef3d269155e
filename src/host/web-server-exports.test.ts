// Browser mode's GET /exports/<file>: the engine's export files as downloads, behind the token,
// and nothing else on the disk — no traversal, no names the engine does not give.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskHandlers } from '../shared/contract';
import { TOKEN_HEADER, buildWebServer } from './web-server';

const TOKEN = 'test-token-0123456789';
const FILE = 'channel-desk-all-20260301-000000-1a2b3c4d.csv';

let root: string;
let app: FastifyInstance;
let port: number;

/** A raw GET, so paths reach the server exactly as written (fetch would normalise `..`). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'desk-exports-'));
  const exportsDir = join(root, 'exports');
  mkdirSync(exportsDir);
  writeFileSync(join(root, 'secret.csv'), 'do not serve');
  writeFileSync(join(exportsDir, FILE), '\uFEFFid,channel\r\n');
  writeFileSync(join(exportsDir, 'notes.csv'), 'not an export');
  app = await buildWebServer({
    engine: { handlers: {} as DeskHandlers, on: () => () => undefined },
    token: TOKEN,
    bindHost: '127.0.0.1',
    staticDir: root,
    exportsDir,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});

afterEach(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('GET /exports/:name', () => {
  it('downloads an export file with the token, as an attachment', async () => {
    const res = await get(`/exports/${FILE}?token=${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${FILE}"`);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body).toBe('\uFEFFid,channel\r\n');
    expect((await get(`/exports/${FILE}`, { [TOKEN_HEADER]: TOKEN })).status).toBe(200);
  });

  it('needs the token, like /api', async () => {
    expect((await get(`/exports/${FILE}`)).status).toBe(401);
    expect((await get(`/exports/${FILE}?token=wrong-token-0123456789`)).status).toBe(401);
  });

  it('refuses traversal and any name the engine did not make', async () => {
    for (const path of [
      '/exports/../secret.csv',
      '/exports/..%2Fsecret.csv',
      '/exports/%2e%2e%2fsecret.csv',
      '/exports/notes.csv',
      '/exports/channel-desk-all-20260301-000000-ffffffff.csv',
      `/exports/${FILE}%00.txt`,
    ]) {
      const res = await get(`${path}${path.includes('?') ? '&' : '?'}token=${TOKEN}`);
      expect(res.status, path).not.toBe(200);
      expect(res.body, path).not.toContain('do not serve');
      expect(res.body, path).not.toContain('not an export');
    }
  });
});
