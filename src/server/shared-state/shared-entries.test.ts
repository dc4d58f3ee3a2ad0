import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { redisReachable, testRedisUrl } from '../test/engines';
import { connectRedisState, type RedisState } from './redis-state';
import { redisSharedEntries } from './shared-entries';

const opened: RedisState[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((state) => state.close()));
});

async function connect(): Promise<RedisState> {
  const state = connectRedisState(testRedisUrl, { prefix: `entries-${randomBytes(6).toString('hex')}:`, commandTimeoutMs: 5_000 });
  opened.push(state);
  await state.ready(10_000);
  return state;
}

describe.skipIf(!(await redisReachable()))('answers shared between instances', () => {
  it('take the answer another instance stored as it let go of the key, instead of asking Shopify again', async () => {
    const redis = await connect();
    const clock = () => 1_000;
    // Another instance is fetching the key: it holds the lock.
    const other = await redis.acquire('card:amelie', 10_000);
    if (!other) throw new Error('the lock was taken');
    // While this instance waits, the other stores its answer and lets go, just before this one looks again.
    const sleep = vi.fn(async () => {
      await redis.setJson('card:amelie', { value: 'from the other instance', storedAt: 1_000 }, 60_000);
      await redis.release('card:amelie', other);
    });
    const entries = redisSharedEntries<string>(redis, 'card', { keepMs: 60_000, lockMs: 10_000, clock, sleep, pollMs: 1 });
    const loader = vi.fn(async () => 'asked Shopify');

    // The first look finds nothing yet; the second finds the lock free and the answer stored.
    const read = vi.spyOn(redis, 'getJson');
    read.mockResolvedValueOnce(null);
    const entry = await entries.load('amelie', loader, 0);

    expect(entry).toEqual({ value: 'from the other instance', storedAt: 1_000 });
    expect(loader).not.toHaveBeenCalled();
  });
});
