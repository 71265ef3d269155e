// Bad input, generated: every endpoint gets malformed JSON, wrong types, unknown or missing fields,
// oversized bodies, missing and forged tokens, too little power and another workspace's ids. Every
// answer must be a 4xx with a JSON error (never a 5xx), and the database must not change.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/hub/auth/sessions';
import { errorBodySchema } from '../../src/hub/http/errors';
import { DB_KINDS } from './test-db';
import type { Ids } from './fuzz-routes';
import { ROUTES } from './fuzz-routes';
import { requestsFor } from './fuzz-requests';
import type { TestHub } from './test-hub';
import { addChannel, addMember, createTestHub, seedTeam, tableFingerprint } from './test-hub';

/** Generated requests per database kind (CI needs at least 10,000). */
const FUZZ_RUNS = Number(process.env.HUB_FUZZ_RUNS ?? 10_000);
const FUZZ_SEED = process.env.HUB_FUZZ_SEED ? Number(process.env.HUB_FUZZ_SEED) : undefined;

describe.each(DB_KINDS)('bad input on %s', (kind) => {
  let t: TestHub;
  let ids: Ids;

  beforeAll(async () => {
    t = await createTestHub(kind);
    const team = await seedTeam(t);
    const channelId = await addChannel(t, team.members.owner.token, 'Fuzz target');
    const invited = await t.api('POST', '/v1/members', {
      token: team.members.owner.token,
      body: { email: 'pending@example.org', displayName: 'Pending', role: 'editor' },
    });
    const invitedUserId = (invited.json as { member: { userId: string } }).member.userId;
    const revoked = await addMember(t, team.members.owner.token, 'editor', 'revoked@example.org');
    await t.api('POST', '/v1/auth/sign-out', { token: revoked.token });
    const past = new Date(t.clock.ms - 40 * 24 * 60 * 60 * 1000);
    const expired = await createSession(
      t.hub.ctx.db,
      { workspaceId: team.workspaceId, userId: team.members.editor.userId },
      past,
      undefined,
    );
    ids = {
      team,
      channelId,
      invitedUserId,
      revokedToken: revoked.token,
      expiredToken: expired.token,
    };
  });
  afterAll(() => t.close());

  it(`answers ${FUZZ_RUNS} malformed requests with a 4xx JSON error and changes nothing`, async () => {
    const before = await tableFingerprint(t, ['sign_in_attempts']);
    const seen = new Map<string, number>();
    const arbitrary = fc
      .constantFrom(...ROUTES)
      .chain((route) =>
        fc.oneof(...requestsFor(route, ids)).map((request) => ({ route: route.name, request })),
      );
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ route, request }) => {
        const key = `${route} / ${request.category}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);

        const res = await t.hub.app.inject({
          method: request.method as 'GET',
          url: request.url,
          headers: request.headers,
          remoteAddress: request.remoteAddress,
          ...(request.payload !== undefined ? { payload: request.payload } : {}),
        });
        const context = `${request.method} ${request.url.slice(0, 120)} [${request.category}] → ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, context).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, context).toBeLessThan(500);
        expect(request.expected, context).toContain(res.statusCode);
        expect(res.headers['content-type'], context).toMatch(/^application\/json/);
        expect(errorBodySchema.safeParse(JSON.parse(res.body)).success, context).toBe(true);
      }),
      {
        numRuns: FUZZ_RUNS,
        ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}),
        endOnFailure: true,
      },
    );
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `hub fuzz on ${kind}: ${FUZZ_RUNS} requests in ${seconds.toFixed(1)} s over ${seen.size} route/category pairs`,
    );
    expect(await tableFingerprint(t, ['sign_in_attempts'])).toEqual(before);
    // Every route met every kind of bad input that applies to it.
    for (const route of ROUTES) {
      const met = [...seen.keys()].filter((key) => key.startsWith(`${route.name} / `));
      expect(met.length, `${route.name}: ${met.join(', ')}`).toBe(requestsFor(route, ids).length);
    }
  }, 180_000);
});
