import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  verifyAgainstNothing,
  verifyPassword,
} from './passwords';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', CHEAP);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash and stores its parameters with it', async () => {
    const a = await hashPassword('same password', CHEAP);
    const b = await hashPassword('same password', CHEAP);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toContain('same password');
  });

  it('treats canonically equal Unicode spellings as the same password', async () => {
    const hash = await hashPassword('caf\u00e9 au lait!', CHEAP);
    expect(await verifyPassword('cafe\u0301 au lait!', hash)).toBe(true);
  });

  it('rejects malformed stored hashes instead of throwing', async () => {
    for (const bad of [
      '',
      'scrypt$',
      'bcrypt$1$2$3$aa$bb',
      'scrypt$x$8$1$aa$bb',
      'scrypt$1024$8$1$aa$short',
    ]) {
      expect(await verifyPassword('whatever', bad)).toBe(false);
    }
  });

  it('asks for a re-hash when the parameters have changed', async () => {
    const old = await hashPassword('correct horse battery', CHEAP);
    expect(needsRehash(old, CHEAP)).toBe(false);
    expect(needsRehash(old, DEFAULT_SCRYPT_PARAMS)).toBe(true);
  });

  it('answers "no" for a missing account', async () => {
    expect(await verifyAgainstNothing('anything at all', CHEAP)).toBe(false);
  });

  it('costs 32 MiB and tens of milliseconds per hash with the default parameters', async () => {
    const { N, r } = DEFAULT_SCRYPT_PARAMS;
    expect(128 * N * r).toBe(32 * 1024 * 1024);
    const hash = await hashPassword('correct horse battery');
    const started = performance.now();
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    const elapsedMs = performance.now() - started;
    console.info(`scrypt N=${N} r=${r}: one verification took ${elapsedMs.toFixed(0)} ms`);
    // Loose bounds: the point is "memory-hard and not instant", not this machine's exact speed.
    expect(elapsedMs).toBeGreaterThan(10);
    expect(elapsedMs).toBeLessThan(2000);
  });
});
