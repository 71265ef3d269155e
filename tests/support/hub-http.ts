// One JSON request to a hub over real HTTP (tests and benchmarks that run the hub as a process):
// the answer's JSON, or an error naming the route, the status and what the hub said; and a desk's
// pushes as the hub receives them.
import { randomUUID } from 'node:crypto';
import type { UpdateDoc } from '../../src/shared/sync/protocol';
import { MAX_PUSH_MUTATIONS } from '../../src/shared/sync/protocol';

export async function hubRequest<T>(
  url: string,
  method: string,
  route: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A desk as the hub sees it over HTTP: its member's token, client id and last seq. */
export interface HubClient {
  url: string;
  token: string;
  clientId: string;
  seq: number;
}

/**
 * Pushes the creation of each doc as its own mutation, 500 a request, and throws on the first
 * one the hub did not apply (with its reason).
 */
export async function pushCreations(client: HubClient, docs: readonly UpdateDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += MAX_PUSH_MUTATIONS) {
    const mutations = docs.slice(i, i + MAX_PUSH_MUTATIONS).map((doc) => {
      client.seq += 1;
      return {
        seq: client.seq,
        prevSeq: client.seq - 1,
        mutationId: randomUUID(),
        name: 'createUpdate',
        at: new Date().toISOString(),
        changes: [{ kind: 'update', id: doc.id, before: null, after: doc }],
      };
    });
    const { results } = await hubRequest<{ results: { outcome: string; reason: string | null }[] }>(
      client.url,
      'POST',
      '/v1/sync/push',
      { clientId: client.clientId, mutations },
      client.token,
    );
    const refused = results.find((r) => r.outcome !== 'applied');
    if (refused) throw new Error(`the hub did not apply a creation: ${refused.reason}`);
  }
}
