import { sign } from 'hono/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../http/problem';
import { parseTtl, signToken, verifyToken } from './tokens';

const secret = 'test-secret-test-secret-test-secret!';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('session tokens', () => {
  it('round-trips the agent and role', async () => {
    const token = await signToken(secret, { sub: 'agent-7', role: 'agent' });
    await expect(verifyToken(secret, token)).resolves.toEqual({ sub: 'agent-7', role: 'agent' });
  });

  it('rejects a token signed with another secret, a forged role and an expired token', async () => {
    const other = await signToken('another-secret-another-secret-another', { sub: 'a', role: 'admin' });
    expect(await codeOf(verifyToken(secret, other))).toBe('UNAUTHENTICATED');
    const forged = await sign({ sub: 'a', role: 'superuser', exp: Math.floor(Date.now() / 1000) + 60 }, secret, 'HS256');
    expect(await codeOf(verifyToken(secret, forged))).toBe('UNAUTHENTICATED');
    const expired = await signToken(secret, { sub: 'a', role: 'agent' }, 60, Date.now() - 10 * 60_000);
    expect(await codeOf(verifyToken(secret, expired))).toBe('TOKEN_EXPIRED');
    expect(await codeOf(verifyToken(secret, 'not.a.token'))).toBe('UNAUTHENTICATED');
  });

  it('still refuses a token it verified before once that token has expired', async () => {
    const token = await signToken(secret, { sub: 'agent-9', role: 'agent' }, 60);
    await expect(verifyToken(secret, token)).resolves.toEqual({ sub: 'agent-9', role: 'agent' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 120_000);
    expect(await codeOf(verifyToken(secret, token))).toBe('TOKEN_EXPIRED');
  });

  it('allows a minute of clock skew on iat, nbf and exp: a host whose clock runs ahead or behind still works', async () => {
    const now = Math.floor(Date.now() / 1000);
    const ahead = await sign({ sub: 'a', role: 'agent', iat: now + 30, nbf: now + 30, exp: now + 930 }, secret, 'HS256');
    await expect(verifyToken(secret, ahead)).resolves.toEqual({ sub: 'a', role: 'agent' });
    const justExpired = await sign({ sub: 'b', role: 'agent', iat: now - 930, exp: now - 30 }, secret, 'HS256');
    await expect(verifyToken(secret, justExpired)).resolves.toEqual({ sub: 'b', role: 'agent' });
  });

  it('refuses a token from beyond the skew: issued or valid only in the future, or expired over a minute ago', async () => {
    const now = Math.floor(Date.now() / 1000);
    const future = await sign({ sub: 'a', role: 'agent', iat: now + 120, exp: now + 900 }, secret, 'HS256');
    expect(await codeOf(verifyToken(secret, future))).toBe('UNAUTHENTICATED');
    const notYet = await sign({ sub: 'a', role: 'agent', nbf: now + 120, exp: now + 900 }, secret, 'HS256');
    expect(await codeOf(verifyToken(secret, notYet))).toBe('UNAUTHENTICATED');
    const expired = await sign({ sub: 'a', role: 'agent', iat: now - 1000, exp: now - 120 }, secret, 'HS256');
    expect(await codeOf(verifyToken(secret, expired))).toBe('TOKEN_EXPIRED');
  });

  it('refuses a token that lives longer than 30 days, with or without iat', async () => {
    const now = Math.floor(Date.now() / 1000);
    const thirtyDays = await signToken(secret, { sub: 'a', role: 'agent' }, 30 * 86_400);
    await expect(verifyToken(secret, thirtyDays)).resolves.toEqual({ sub: 'a', role: 'agent' });
    const longer = await sign({ sub: 'a', role: 'agent', iat: now, exp: now + 31 * 86_400 }, secret, 'HS256');
    expect(await codeOf(verifyToken(secret, longer))).toBe('UNAUTHENTICATED');
    const year3000 = await sign({ sub: 'a', role: 'admin', exp: Math.floor(Date.UTC(3000, 0, 1) / 1000) }, secret, 'HS256');
    expect(await codeOf(verifyToken(secret, year3000))).toBe('UNAUTHENTICATED');
    // An old iat does not buy a far exp either.
    const backdated = await sign({ sub: 'a', role: 'admin', iat: now - 20 * 86_400, exp: now + 20 * 86_400 }, secret, 'HS256');
    expect(await codeOf(verifyToken(secret, backdated))).toBe('UNAUTHENTICATED');
  });

  it('verifies tokens signed with the previous secret during a rotation, and no other', async () => {
    const previous = 'previous-secret-previous-secret-previous';
    const old = await signToken(previous, { sub: 'agent-3', role: 'agent' });
    expect(await codeOf(verifyToken(secret, old))).toBe('UNAUTHENTICATED');
    await expect(verifyToken([secret, previous], old)).resolves.toEqual({ sub: 'agent-3', role: 'agent' });
    await expect(verifyToken([secret, previous], await signToken(secret, { sub: 'agent-4', role: 'agent' }))).resolves.toMatchObject({
      sub: 'agent-4',
    });
    const other = await signToken('a-third-secret-a-third-secret-a-third', { sub: 'x', role: 'admin' });
    expect(await codeOf(verifyToken([secret, previous], other))).toBe('UNAUTHENTICATED');
  });

  it('reads durations', () => {
    expect(parseTtl('15m')).toBe(900);
    expect(parseTtl('2h')).toBe(7200);
    expect(parseTtl('45')).toBe(45);
    expect(() => parseTtl('forever')).toThrow();
    expect(() => parseTtl('90d')).toThrow();
  });
});
