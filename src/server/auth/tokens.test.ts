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

  it('reads durations', () => {
    expect(parseTtl('15m')).toBe(900);
    expect(parseTtl('2h')).toBe(7200);
    expect(parseTtl('45')).toBe(45);
    expect(() => parseTtl('forever')).toThrow();
    expect(() => parseTtl('90d')).toThrow();
  });
});
