// Bearer tokens and ids: random, handed out once, stored only as their SHA-256.
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;
const ID_BYTES = 16;

/** A new random token: 32 bytes in base64url (43 characters). */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** The form a token is stored and looked up in: hex SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random id (22 characters of base64url), valid under shared/schemas' idSchema. */
export function newId(): string {
  return randomBytes(ID_BYTES).toString('base64url');
}

/** True for text shaped like a token from newToken (cheap filter before a database lookup). */
export function isTokenShaped(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}
