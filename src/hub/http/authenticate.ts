// Turns `Authorization: Bearer <token>` into the signed-in member, or a 401.
import type { FastifyRequest } from 'fastify';
import type { AuthSession } from '../auth/sessions';
import { findSession } from '../auth/sessions';
import type { HubContext } from '../hub-context';
import { HubError } from './errors';

const CHALLENGE = 'Bearer realm="channel-desk-hub"';

/** The token in an Authorization header, or null when there is none or it is not a Bearer one. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer +([^\s]+) *$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Builds the authenticate function routes use. */
export function authenticator(ctx: HubContext) {
  return async (request: FastifyRequest): Promise<AuthSession> => {
    const header = request.headers.authorization;
    if (header === undefined) {
      throw new HubError(
        401,
        'unauthenticated',
        'Sign in first, then send the token as "Authorization: Bearer <token>".',
        undefined,
        { 'www-authenticate': CHALLENGE },
      );
    }
    const token = bearerToken(header);
    const session = token ? await findSession(ctx.db, token, ctx.now()) : null;
    if (!session) {
      throw new HubError(
        401,
        'invalid_token',
        'This session is not valid (it expired, was signed out, or the member was removed). Sign in again.',
        undefined,
        { 'www-authenticate': `${CHALLENGE}, error="invalid_token"` },
      );
    }
    return session;
  };
}
