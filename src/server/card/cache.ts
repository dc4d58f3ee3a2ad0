import { AppError } from '../http/problem';
import type { ProblemCode } from '../../shared/problem';

export type CachePolicy = {
  /** Served without asking Shopify. */
  freshMs: number;
  /** After fresh: served at once while one background request refreshes it. */
  revalidateMs: number;
  /** When Shopify fails, the last good answer is served, marked stale, up to this age. */
  keepMs: number;
  maxEntries: number;
};

export const defaultCachePolicy: CachePolicy = { freshMs: 30_000, revalidateMs: 120_000, keepMs: 24 * 3_600_000, maxEntries: 5_000 };

/** Failures that say nothing about the data: the last good answer is still the best the agent can see. */
const fallbackCodes = new Set<ProblemCode>(['SHOPIFY_THROTTLED', 'SHOPIFY_UNREACHABLE', 'SHOPIFY_ERROR']);

export type Cached<T> = { value: T; storedAt: number; stale?: { reason: ProblemCode; ageSeconds: number } };

/**
 * A short-lived cache with single flight and stale-while-revalidate: a burst of agents opening the
 * same customer costs Shopify one request, and when Shopify fails the agent gets the last good
 * answer with its age instead of an error.
 */
export function createSwrCache<T>(policy: CachePolicy = defaultCachePolicy, clock: () => number = Date.now) {
  const entries = new Map<string, { value: T; storedAt: number }>();
  const inFlight = new Map<string, Promise<{ value: T; storedAt: number }>>();

  function store(key: string, value: T) {
    const entry = { value, storedAt: clock() };
    entries.delete(key);
    entries.set(key, entry);
    // Maps keep insertion order: the first key is the least recently stored.
    while (entries.size > policy.maxEntries) entries.delete(entries.keys().next().value as string);
    return entry;
  }

  function load(key: string, loader: () => Promise<T>) {
    let pending = inFlight.get(key);
    if (!pending) {
      pending = loader()
        .then((value) => store(key, value))
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  }

  return {
    async get(key: string, loader: () => Promise<T>): Promise<Cached<T>> {
      const entry = entries.get(key);
      const age = entry ? clock() - entry.storedAt : Infinity;
      if (entry && age < policy.freshMs) return entry;
      if (entry && age < policy.revalidateMs) {
        load(key, loader).catch(() => undefined);
        return entry;
      }
      try {
        return await load(key, loader);
      } catch (error) {
        if (entry && age < policy.keepMs && error instanceof AppError && fallbackCodes.has(error.code)) {
          return { ...entry, stale: { reason: error.code, ageSeconds: Math.round((clock() - entry.storedAt) / 1000) } };
        }
        throw error;
      }
    },
    clear(): void {
      entries.clear();
    },
    get size(): number {
      return entries.size;
    },
  };
}
export type SwrCache<T> = ReturnType<typeof createSwrCache<T>>;
