// Declares a hub route once, with zod: validation, the OpenAPI schema and the handler's types.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import type { ErrorIssue } from './errors';
import { HubError, errorBodySchema } from './errors';
import { JsonText } from './json-text';
import type { AuthSession } from '../auth/sessions';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Part = 'body' | 'querystring' | 'params';

/** What routes without a body accept: nothing, or an empty JSON object. */
export const EMPTY_BODY = z.union([z.null(), z.strictObject({})]);
const EMPTY_QUERY = z.strictObject({});

export interface RouteInput<B, Q, P, A extends boolean> {
  body: B;
  query: Q;
  params: P;
  session: A extends true ? AuthSession : null;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
  A extends boolean,
> {
  method: Method;
  url: string;
  summary: string;
  tags: readonly string[];
  /** Needs `Authorization: Bearer <token>` of a live session. */
  auth: A;
  body?: B;
  query?: Q;
  params?: P;
  /** Successful answers by status; a 204 has no schema. Errors are documented for all routes. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  bodyLimit?: number;
  /** Per-IP cap on this route (in this process), on top of any account-level limits. */
  rateLimit?: { max: number; timeWindowMs: number };
  handler(input: RouteInput<z.output<B>, z.output<Q>, z.output<P>, A>): Promise<unknown>;
}

export interface RouterOptions {
  authenticate(request: FastifyRequest): Promise<AuthSession>;
  /** Check every successful answer against its schema (tests): a mismatch becomes a 500. */
  checkResponses: boolean;
}

export interface Router {
  add<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType, A extends boolean>(
    spec: RouteSpec<B, Q, P, A>,
  ): void;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}

function issuesOf(prefix: string, error: z.ZodError): ErrorIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

const PART_WORDS: Record<Part, string> = {
  body: 'request body',
  querystring: 'query string',
  params: 'URL',
};

// PostgreSQL text cannot hold U+0000; refusing it here keeps such input a 400, not a failed insert.
// Iterative, so that a deeply nested body cannot overflow the stack.
function pathOfNul(data: unknown): string | null {
  const stack: Array<[unknown, string]> = [[data, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) return path;
        stack.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return null;
}

// Fastify hands each part to the validator; we answer with zod's parsed value or a HubError.
function validatorFor(parts: Partial<Record<Part, z.ZodType>>) {
  return ({ httpPart }: { httpPart?: string }) => {
    const schema = parts[httpPart as Part];
    if (!schema) return () => true;
    const prefix = httpPart === 'querystring' ? 'query' : (httpPart ?? '');
    return (data: unknown) => {
      const nulAt = pathOfNul(data);
      if (nulAt !== null) {
        const path = nulAt ? `${prefix}.${nulAt}` : prefix;
        const message = 'text cannot contain the NUL character (U+0000)';
        return {
          error: new HubError(400, 'invalid_request', `${path}: ${message}.`, [{ path, message }]),
        };
      }
      const result = schema.safeParse(data);
      if (result.success) return { value: result.data };
      const issues = issuesOf(prefix, result.error);
      const first = issues[0];
      return {
        error: new HubError(
          400,
          'invalid_request',
          `The ${PART_WORDS[httpPart as Part]} is not valid${first ? `: ${first.path}: ${first.message}` : ''}.`,
          issues,
        ),
      };
    };
  };
}

/** Creates the route registrar for `app`. */
export function createRouter(app: FastifyInstance, options: RouterOptions): Router {
  const sessions = new WeakMap<FastifyRequest, AuthSession>();
  return {
    add(spec) {
      const hasBody = spec.method !== 'GET';
      const parts: Partial<Record<Part, z.ZodType>> = {
        querystring: spec.query ?? EMPTY_QUERY,
        ...(hasBody ? { body: spec.body ?? EMPTY_BODY } : {}),
        ...(spec.params ? { params: spec.params } : {}),
      };
      const response: Record<string, unknown> = {
        default: { description: 'A refusal', ...jsonSchema(errorBodySchema, 'output') },
      };
      for (const [status, { description, schema }] of Object.entries(spec.responses)) {
        response[status] = schema
          ? { description, ...jsonSchema(schema, 'output') }
          : { description, type: 'null' };
      }
      const schema: Record<string, unknown> = {
        summary: spec.summary,
        tags: spec.tags,
        response,
        ...(spec.auth ? { security: [{ bearerAuth: [] }] } : {}),
      };
      // Fastify validates only the parts a schema names, so even an empty body is named.
      for (const [part, partSchema] of Object.entries(parts)) {
        schema[part] = jsonSchema(partSchema, 'input');
      }
      const route: RouteOptions = {
        method: spec.method,
        url: spec.url,
        schema,
        validatorCompiler: validatorFor(parts),
        serializerCompiler: ({ httpStatus }: { httpStatus?: string }) => {
          const check = options.checkResponses
            ? spec.responses[Number(httpStatus)]?.schema
            : undefined;
          return (data: unknown) => {
            if (data instanceof JsonText) {
              check?.parse(JSON.parse(data.text));
              return data.text;
            }
            return JSON.stringify(check ? check.parse(data) : data);
          };
        },
        ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
        ...(spec.rateLimit
          ? {
              config: {
                rateLimit: { max: spec.rateLimit.max, timeWindow: spec.rateLimit.timeWindowMs },
              },
            }
          : {}),
        // Authenticate before validating, so that strangers learn nothing about the schema.
        ...(spec.auth
          ? {
              preValidation: async (request: FastifyRequest) => {
                sessions.set(request, await options.authenticate(request));
              },
            }
          : {}),
        handler: async (request, reply) => {
          const session = spec.auth ? sessions.get(request) : null;
          if (spec.auth && !session) throw new Error('authenticated route ran without a session');
          const result = await spec.handler({
            body: request.body,
            query: request.query,
            params: request.params,
            session,
            request,
            reply,
          } as RouteInput<never, never, never, typeof spec.auth>);
          if (reply.statusCode === 204) return reply.send();
          return result;
        },
      };
      app.route(route);
    },
  };
}
