import { describe, expect, it } from 'vitest';
import { idSchema } from '../../shared/schemas';
import { hashToken, isTokenShaped, newId, newToken } from './tokens';

describe('tokens', () => {
  it('are 32 random bytes in base64url, never repeated', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) {
      expect(isTokenShaped(token)).toBe(true);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it('are stored as their SHA-256 in hex', () => {
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const token = newToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });

  it('are recognised by shape before any lookup', () => {
    expect(isTokenShaped('a'.repeat(43))).toBe(true);
    expect(isTokenShaped('a'.repeat(42))).toBe(false);
    expect(isTokenShaped(`${'a'.repeat(42)}!`)).toBe(false);
  });

  it('makes ids that the shared id schema accepts', () => {
    for (let i = 0; i < 100; i++) expect(idSchema.safeParse(newId()).success).toBe(true);
  });
});
