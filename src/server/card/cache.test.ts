import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../http/problem';
import { createSwrCache, defaultCachePolicy } from './cache';

let now = 0;
const clock = () => now;
const policy = { ...defaultCachePolicy, freshMs: 10_000, revalidateMs: 10_000, lateMs: 2_000, failureCooldownMs: 5_000 };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  vi.useFakeTimers();
  now = 1_000_000;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the card cache', () => {
  it('serves the kept answer, stale and refreshing, when Shopify is late; the fetch goes on and its answer comes next', async () => {
    const cache = createSwrCache<string>(policy, clock);
    await cache.get('amelie', async () => 'kept');
    now += 60_000;

    const slow = deferred<string>();
    const first = cache.get('amelie', () => slow.promise, { lateMs: 2_000 });
    await vi.advanceTimersByTimeAsync(1_999);
    let settled = false;
    void first.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await first).toMatchObject({ value: 'kept', stale: { reason: 'SHOPIFY_SLOW', ageSeconds: 60, refreshing: true } });

    // The card asks again: it joins the fetch still under way, which Shopify then answers.
    const loader = vi.fn(async () => 'another');
    const again = cache.get('amelie', loader, { lateMs: 2_000 });
    slow.resolve('fresh');
    expect(await again).toEqual({ value: 'fresh', storedAt: now });
    expect(loader).not.toHaveBeenCalled();
  });

  it('waits for Shopify however late when there is no kept answer, or the call does not ask for one early', async () => {
    const cache = createSwrCache<string>(policy, clock);
    const slow = deferred<string>();
    const answer = cache.get('new-shopper', () => slow.promise, { lateMs: 2_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    slow.resolve('first');
    expect((await answer).value).toBe('first');

    now += 60_000;
    const slower = deferred<string>();
    const details = cache.get('new-shopper', () => slower.promise);
    await vi.advanceTimersByTimeAsync(10_000);
    slower.resolve('second');
    expect(await details).toMatchObject({ value: 'second' });
  });

  it('does not ask Shopify again for a while after it failed, serving the kept answer with the failure', async () => {
    const cache = createSwrCache<string>(policy, clock);
    await cache.get('amelie', async () => 'kept');
    now += 60_000;
    const unreachable = new AppError('SHOPIFY_UNREACHABLE');
    expect(await cache.get('amelie', () => Promise.reject(unreachable))).toMatchObject({ stale: { reason: 'SHOPIFY_UNREACHABLE' } });

    const loader = vi.fn(async () => 'fresh');
    now += 4_000;
    const during = await cache.get('amelie', loader, { lateMs: 2_000 });
    expect(during).toMatchObject({ value: 'kept', stale: { reason: 'SHOPIFY_UNREACHABLE', ageSeconds: 64 } });
    expect(during.stale?.refreshing).toBeUndefined();
    expect(loader).not.toHaveBeenCalled();

    now += 1_000;
    expect(await cache.get('amelie', loader)).toMatchObject({ value: 'fresh' });
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('still asks Shopify at once after a failure when nothing is kept', async () => {
    const cache = createSwrCache<string>(policy, clock);
    await expect(cache.get('new-shopper', () => Promise.reject(new AppError('SHOPIFY_UNREACHABLE')))).rejects.toThrow(AppError);
    expect(await cache.get('new-shopper', async () => 'found')).toMatchObject({ value: 'found' });
  });
});
