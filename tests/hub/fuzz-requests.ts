// Generators of bad requests, one arbitrary per kind of badness that applies to a route.
import fc from 'fast-check';
import { CREDENTIAL_BODY_LIMIT_BYTES } from '../../src/hub/routes/account-routes';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../src/hub/server';
import type { FieldKind, FuzzRoute, Ids } from './fuzz-routes';
import { PASSWORD } from './test-hub';

export interface FuzzRequest {
  category: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  remoteAddress: string;
  expected: readonly number[];
}

const hasBody = (route: FuzzRoute) => route.method !== 'GET';
// Characters that break careless code often enough to be worth a boost over uniform Unicode.
const STRANGE_CHAR = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '\\', "'", '"'),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);
const WRONG_VALUES: Record<FieldKind, fc.Arbitrary<unknown>> = {
  string: fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.object({ maxDepth: 1 }),
  ),
  boolean: fc.oneof(
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.array(fc.boolean(), { maxLength: 2 }),
  ),
  array: fc.oneof(
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.object({ maxDepth: 1 }),
  ),
  number: fc.oneof(
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 2 }),
  ),
  /** A count that may be null (unknown): anything but a number or null. */
  count: fc.oneof(
    fc.string(),
    fc.boolean(),
    fc.integer({ max: -1 }),
    fc.array(fc.integer(), { maxLength: 2 }),
  ),
  /** A map of names to values. */
  object: fc.oneof(
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 2 }),
  ),
};
const notJson = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 60 }),
    fc.constantFrom(
      '{',
      '{"a":',
      '[1,2',
      '{"a":1,}',
      "{'a':1}",
      'undefined',
      'NaN',
      '{"a":1}}',
      '\u0000',
      '{"__proto__":',
    ),
    fc.json().map((json) => json.slice(0, Math.max(0, json.length - 1))),
  )
  .filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });
const badIds = fc.oneof(
  fc.string({ maxLength: 80 }).filter((s) => !/^[A-Za-z0-9_-]{6,64}$/.test(s)),
  fc.constantFrom('x', '..', 'a'.repeat(65), '%00', '%zz', 'id with space', '🙂🙂🙂🙂🙂🙂'),
);
const forgedTokens = (ids: Ids) =>
  fc.oneof(
    fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`),
    fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((s) => `Bearer ${s}`),
    fc.constantFrom(
      `Bearer ${ids.revokedToken}`,
      `Bearer ${ids.expiredToken}`,
      `Basic ${ids.team.members.owner.token}`,
      ids.team.members.owner.token,
      'Bearer',
    ),
  );

export function requestsFor(route: FuzzRoute, ids: Ids): fc.Arbitrary<FuzzRequest>[] {
  const owner = { authorization: `Bearer ${ids.team.members.owner.token}` };
  const auth = route.auth ? owner : {};
  const json = { 'content-type': 'application/json' };
  const valid = route.body?.(ids) ?? {};
  const limit =
    route.bodyLimit ?? (route.credential ? CREDENTIAL_BODY_LIMIT_BYTES : DEFAULT_BODY_LIMIT_BYTES);
  // The per-address cap on credential routes may answer first.
  const maybeCapped = (statuses: number[]) => (route.credential ? [...statuses, 429] : statuses);
  const make = (
    category: string,
    url: string,
    headers: Record<string, string>,
    payload: string | undefined,
    expected: number[],
  ) =>
    fc.ipV4().map((remoteAddress) => ({
      category,
      method: route.method,
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
      remoteAddress,
      expected: maybeCapped(expected),
    }));
  const url = route.path(ids, false);
  const out: fc.Arbitrary<FuzzRequest>[] = [];

  out.push(
    fc
      .dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), {
        minKeys: 1,
        maxKeys: 3,
      })
      .chain((query) =>
        make(
          'unknown query parameter',
          `${url}?${new URLSearchParams(query)}`,
          auth,
          hasBody(route) ? JSON.stringify(valid) : undefined,
          [400],
        ).map((r) => ({ ...r, headers: { ...r.headers, ...(hasBody(route) ? json : {}) } })),
      ),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .chain((junk) =>
        make('unknown route', `/v1/zz-${encodeURIComponent(junk)}${url}`, auth, undefined, [404]),
      ),
  );
  if (route.auth) {
    const payload = hasBody(route) ? JSON.stringify(valid) : undefined;
    const headers = hasBody(route) ? json : {};
    out.push(make('missing token', url, headers, payload, [401]));
    out.push(
      forgedTokens(ids).chain((authorization) =>
        make('forged token', url, { ...headers, authorization }, payload, [401]),
      ),
    );
    if (route.adminOnly) {
      const contributor = { authorization: `Bearer ${ids.team.members.contributor.token}` };
      out.push(make('too little power', url, { ...headers, ...contributor }, payload, [403]));
    }
  }
  if (route.params) {
    const payload = hasBody(route) ? JSON.stringify(valid) : undefined;
    out.push(
      make(
        "another workspace's id",
        route.path(ids, true),
        { ...auth, ...(hasBody(route) ? json : {}) },
        payload,
        [404],
      ),
    );
    out.push(
      badIds.chain((bad) => {
        const broken = url.replace(/\/[A-Za-z0-9_-]{22}(?=\/|$)/, `/${encodeURIComponent(bad)}`);
        return make(
          'malformed id',
          broken,
          { ...auth, ...(hasBody(route) ? json : {}) },
          payload,
          [400, 404],
        );
      }),
    );
  }
  if (route.credential) {
    out.push(make('wrong credentials', url, json, JSON.stringify(valid), [401, 409]));
    // Any Unicode, NUL and lone surrogates included, in every field of a well-formed request.
    const fields = Object.keys(route.fields ?? {});
    out.push(
      fc
        .record(
          Object.fromEntries(
            fields.map((f) => [f, fc.string({ unit: STRANGE_CHAR, maxLength: 40 })]),
          ),
          {
            requiredKeys: [...(route.required ?? [])],
          },
        )
        .filter((body) => body.password !== PASSWORD)
        .chain((body) => make('strange text', url, json, JSON.stringify(body), [400, 401, 409])),
    );
    if (route.name === 'sign-in') {
      out.push(
        fc
          .string({ minLength: 1, maxLength: 40 })
          .filter((p) => p !== PASSWORD)
          .chain((password) =>
            make(
              'wrong password',
              url,
              json,
              JSON.stringify({ email: ids.team.members.owner.email, password }),
              [401],
            ),
          ),
        make(
          "another workspace's id",
          url,
          json,
          JSON.stringify({
            email: ids.team.members.owner.email,
            password: PASSWORD,
            workspaceId: ids.team.other.workspaceId,
          }),
          [401],
        ),
      );
    }
  }
  if (!hasBody(route)) return out;

  const headers = { ...auth, ...json };
  out.push(
    notJson.chain((text) => make('malformed JSON', url, headers, text, [400])),
    fc
      .oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.integer(), fc.string(), fc.boolean())
      .chain((value) => make('not an object', url, headers, JSON.stringify(value), [400])),
    fc
      .integer({ min: 1, max: 4096 })
      .chain((extra) =>
        make(
          'oversized body',
          url,
          headers,
          JSON.stringify({ ...valid, padding: 'x'.repeat(limit + extra) }),
          [413],
        ),
      ),
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'multipart/form-data; boundary=x',
      )
      .chain((type) =>
        make(
          'wrong content type',
          url,
          { ...auth, 'content-type': type },
          JSON.stringify(valid),
          [400, 415],
        ),
      ),
    fc
      .constantFrom(
        `{"__proto__":{"admin":true}}`,
        `{"constructor":{"prototype":{"admin":true}}}`,
        `[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`,
        JSON.stringify({ ...valid, nul: 'a\u0000b' }),
      )
      .chain((payload) => make('hostile JSON', url, headers, payload, [400])),
  );
  const known = Object.keys(route.fields ?? {});
  out.push(
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((key) => !known.includes(key) && key !== '__proto__')
      .chain((key) =>
        fc
          .jsonValue({ maxDepth: 2 })
          .chain((value) =>
            make('unknown field', url, headers, JSON.stringify({ ...valid, [key]: value }), [400]),
          ),
      ),
  );
  if (route.fields && known.length > 0) {
    out.push(
      fc
        .constantFrom(...known)
        .chain((field) =>
          WRONG_VALUES[route.fields![field]!].chain((value) =>
            make('wrong type', url, headers, JSON.stringify({ ...valid, [field]: value }), [400]),
          ),
        ),
    );
  }
  if (route.required && route.required.length > 0) {
    out.push(
      fc.constantFrom(...route.required).chain((field) => {
        const rest = { ...valid };
        delete rest[field];
        return make('missing field', url, headers, JSON.stringify(rest), [400]);
      }),
    );
  }
  return out;
}
