import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { redisReachable, testRedisUrl } from '../test/engines';
import { connectRedisState, type RedisState } from './redis-state';

const opened: RedisState[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((state) => state.close()));
});

/** Two instances' connections under one fresh prefix, so test files running at once never meet. */
async function instances(count = 2): Promise<RedisState[]> {
  const prefix = `test-${randomBytes(6).toString('hex')}:`;
  const states = Array.from({ length: count }, () => connectRedisState(testRedisUrl, { prefix }));
  opened.push(...states);
  await Promise.all(states.map((state) => state.ready()));
  return states;
}

describe.skipIf(!(await redisReachable()))('state shared through Redis', () => {
  it('shares JSON values between instances until they expire', async () => {
    const [one, two] = await instances();
    await one?.setJson('card:a', { orders: 3 }, 150);
    expect(await two?.getJson('card:a')).toEqual({ orders: 3 });
    await new Promise((done) => setTimeout(done, 250));
    expect(await two?.getJson('card:a')).toBeNull();
  });

  it('gives a lock to one instance at a time, released only by its holder', async () => {
    const [one, two] = await instances();
    const held = await one?.acquire('shopper', 5_000);
    expect(held).toEqual(expect.any(String));
    expect(await two?.acquire('shopper', 5_000)).toBeNull();
    await two?.release('shopper', 'not-the-token');
    expect(await two?.acquire('shopper', 5_000)).toBeNull();
    await one?.release('shopper', held ?? '');
    expect(await two?.acquire('shopper', 5_000)).toEqual(expect.any(String));
  });

  it('spends one rate-limit budget whichever instance answers', async () => {
    const [one, two] = await instances();
    const policy = { capacity: 3, refillPerSecond: 0.5 };
    const takes = [await one?.take('agent-7', policy), await two?.take('agent-7', policy), await one?.take('agent-7', policy)];
    expect(takes).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    expect(await two?.take('agent-7', policy)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(await two?.take('agent-8', policy)).toEqual({ allowed: true });
  });
});

describe('a Redis that does not answer', () => {
  it('says it is unavailable and fails commands at once instead of queueing them', async () => {
    const state = connectRedisState('redis://127.0.0.1:9', { prefix: 'nowhere:' });
    opened.push(state);
    await expect(state.ready(300)).rejects.toThrow('did not answer');
    expect(state.available()).toBe(false);
    // Queued, it would wait for a connection that never comes (and this test would time out).
    await expect(state.getJson('x')).rejects.toThrow();
  });
});
