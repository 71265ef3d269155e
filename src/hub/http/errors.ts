// Every refusal the hub sends has one JSON shape: {error: {code, message, issues?}}.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export const ERROR_CODES = [
  'invalid_request',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthenticated',
  'invalid_token',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'already_set_up',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type HubErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorIssue {
  /** Where in the request, e.g. "body.email" or "params.channelId". */
  path: string;
  message: string;
}

export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A refusal with its HTTP status; thrown anywhere in a request, answered by the error handler. */
export class HubError extends Error {
  override name = 'HubError';
  constructor(
    readonly statusCode: number,
    readonly code: HubErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HubError(404, 'not_found', `${what} was not found.`);
export const forbidden = (message: string) => new HubError(403, 'forbidden', message);

// Fastify's own 4xx errors, in our words.
const FRAMEWORK_ERRORS: Record<string, { status: number; code: HubErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'The request says it sends JSON but its body is empty.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'The request body is too large.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Send request bodies as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_request',
    message: 'The Content-Length header does not match the body.',
  },
  FST_ERR_BAD_URL: { status: 400, code: 'invalid_request', message: 'The URL is malformed.' },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'invalid_request',
    message: 'A path parameter is too long.',
  },
};

/** The status and body the hub answers `err` with; unknown errors become an opaque 500. */
export function toErrorReply(err: unknown): {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
} {
  if (err instanceof HubError) {
    const error: ErrorBody['error'] = { code: err.code, message: err.message };
    if (err.issues) error.issues = err.issues;
    return { status: err.statusCode, body: { error }, headers: { ...err.headers } };
  }
  const fastifyError = err as Partial<FastifyError> | null;
  const known = fastifyError?.code ? FRAMEWORK_ERRORS[fastifyError.code] : undefined;
  if (known) {
    return {
      status: known.status,
      body: { error: { code: known.code, message: known.message } },
      headers: {},
    };
  }
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // A client error from a plugin we did not map: keep its status, not its internals.
    return {
      status,
      body: { error: { code: 'invalid_request', message: 'The request could not be processed.' } },
      headers: {},
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'The hub failed to process the request.' } },
    headers: {},
  };
}

function send(reply: FastifyReply, err: unknown): FastifyReply {
  const { status, body, headers } = toErrorReply(err);
  if (status >= 500) reply.log.error({ err }, 'request failed');
  return reply.code(status).headers(headers).header('cache-control', 'no-store').send(body);
}

/** Makes every error, unknown route and malformed URL answer with the JSON error shape. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, _request, reply) => send(reply, err));
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      new HubError(
        404,
        'not_found',
        `No ${request.method} ${request.url.split('?')[0]} on this hub.`,
      ),
    ),
  );
}

/** Fastify's `frameworkErrors` option: URL errors raised before routing, in the same shape. */
export function frameworkErrorHandler(
  err: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  send(reply, err);
}
