import type { ProblemCode } from '../../shared/problem';
import type { Entry, SharedEntries } from '../card/cache';
import { AppError } from '../http/problem';
import type { RedisState } from './redis-state';

export type SharedEntriesOptions = {
  /** Kept this long in Redis: the longest a stale answer may still be served. */
  keepMs: number;
  /** How long one instance may hold a key's fetch before another may take it over (it died, or hangs). */
  lockMs: number;
  /** How often a waiting instance looks for the answer. */
  pollMs?: number;
  /** How long a failure is told to the instances that waited for it. */
  failureMs?: number;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

type Failure = { code: ProblemCode; detail?: string; at: number };

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * The card cache's shared layer over Redis (`cache.ts`'s `SharedEntries`). A load is single flight across
 * instances: the instance that takes the key's lock (`SET NX PX`) asks Shopify and stores the answer for all;
 * the others wait for that answer (or its failure) instead of asking too. A lock always expires, so a holder
 * that dies is replaced. While Redis is away, each instance asks for itself: answers keep coming.
 */
export function redisSharedEntries<T>(redis: RedisState, namespace: string, options: SharedEntriesOptions): SharedEntries<T> {
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const pollMs = options.pollMs ?? 20;
  const entryKey = (key: string) => `${namespace}:${key}`;
  const failureKey = (key: string) => `${namespace}-failed:${key}`;

  async function readEntry(key: string): Promise<Entry<T> | undefined> {
    if (!redis.available()) return undefined;
    return (await redis.getJson<Entry<T>>(entryKey(key))) ?? undefined;
  }

  async function fetchAndShare(key: string, loader: () => Promise<T>, token: string): Promise<Entry<T>> {
    try {
      const entry = { value: await loader(), storedAt: clock() };
      await redis.setJson(entryKey(key), entry, options.keepMs).catch(() => undefined);
      return entry;
    } catch (error) {
      if (error instanceof AppError) {
        const failure: Failure = { code: error.code, ...(error.detail ? { detail: error.detail } : {}), at: clock() };
        await redis.setJson(failureKey(key), failure, options.failureMs ?? 5_000).catch(() => undefined);
      }
      throw error;
    } finally {
      await redis.release(entryKey(key), token).catch(() => undefined);
    }
  }

  return {
    read: readEntry,
    async forget(key) {
      if (redis.available()) await redis.delete(entryKey(key));
    },
    async load(key, loader, newerThan) {
      const alone = async () => ({ value: await loader(), storedAt: clock() });
      if (!redis.available()) return alone();
      const waitingSince = clock();
      const giveUpAt = waitingSince + options.lockMs;
      for (;;) {
        let token: string | null;
        try {
          token = await redis.acquire(entryKey(key), options.lockMs);
        } catch {
          return alone();
        }
        if (token) {
          // The lock may have just been freed by an instance that stored the answer: take that, do not ask again.
          const stored = await readEntry(key).catch(() => undefined);
          if (stored && stored.storedAt > newerThan) {
            await redis.release(entryKey(key), token).catch(() => undefined);
            return stored;
          }
          return fetchAndShare(key, loader, token);
        }
        // Another instance is asking Shopify: its answer, or its failure, is this one's too.
        await sleep(pollMs);
        try {
          const entry = await readEntry(key);
          if (entry && entry.storedAt > newerThan) return entry;
          const failure = await redis.getJson<Failure>(failureKey(key));
          if (failure && failure.at >= waitingSince) throw new AppError(failure.code, failure.detail);
        } catch (error) {
          if (error instanceof AppError) throw error;
          return alone();
        }
        if (clock() > giveUpAt) return alone();
      }
    },
  };
}
