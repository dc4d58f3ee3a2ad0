import { AppError } from '../http/problem';
import type { ProblemCode } from '../../shared/problem';

export type CachePolicy = {
  /** Served without asking Shopify. */
  freshMs: number;
  /** After fresh: served at once while one background request refreshes it. */
  revalidateMs: number;
  /** When Shopify fails or is late, the last good answer is served, marked stale, up to this age. */
  keepMs: number;
  maxEntries: number;
  /**
   * When a kept answer exists and Shopify has not answered within this, the kept answer is served,
   * marked stale and still refreshing, for calls that ask for it (`get`'s `lateMs`).
   */
  lateMs: number;
  /** After Shopify failed for a key, its kept answer is served this long without asking again. */
  failureCooldownMs: number;
};

export const defaultCachePolicy: CachePolicy = {
  freshMs: 30_000,
  revalidateMs: 120_000,
  keepMs: 24 * 3_600_000,
  maxEntries: 5_000,
  lateMs: 2_000,
  failureCooldownMs: 5_000,
};

/** Failures that say nothing about the data: the last good answer is still the best the agent can see. */
const fallbackCodes = new Set<ProblemCode>(['SHOPIFY_THROTTLED', 'SHOPIFY_UNREACHABLE', 'SHOPIFY_ERROR']);

/** Why a kept answer is served: the code of Shopify's failure, or `SHOPIFY_SLOW` while Shopify is still being waited for. */
export type StaleReason = ProblemCode | 'SHOPIFY_SLOW';

export type Stale = {
  reason: StaleReason;
  ageSeconds: number;
  /** The fresh answer is still being fetched: asking again soon gets it. */
  refreshing?: true;
};

export type Cached<T> = { value: T; storedAt: number; stale?: Stale };

export type Entry<T> = { value: T; storedAt: number };

/**
 * What a pre-warm did: the answer was fresh already, its fetch was under way already, Shopify failed
 * for it a moment ago (not asked again yet), or a fetch started.
 */
export type Warmed = 'cached' | 'loading' | 'cooling' | 'started';

/**
 * Where several instances share their answers (Redis): a kept answer any instance stored, and a load that
 * asks Shopify once for all of them. Without it (or while it is away), each instance keeps its own.
 */
export type SharedEntries<T> = {
  /** The answer another instance stored, if any. */
  read(key: string): Promise<Entry<T> | undefined>;
  /** Runs `loader` on one instance at a time for `key`; the others get its answer (or its failure). */
  load(key: string, loader: () => Promise<T>, newerThan: number): Promise<Entry<T>>;
  /** Drops a key's answer, for every instance. */
  forget?(key: string): Promise<void>;
};

const LATE = Symbol('late');

/** Resolves as `pending` does, or to LATE after `ms`, whichever comes first; the timer never outlives the race. */
function orLate<T>(pending: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  return Promise.race([pending, late]).finally(() => clearTimeout(timer));
}

/**
 * A short-lived cache with single flight and stale-while-revalidate: a burst of agents opening the
 * same customer costs Shopify one request; when Shopify fails the agent gets the last good answer
 * with its age instead of an error, and when Shopify is late, gets it at once while the fetch goes on.
 */
export function createSwrCache<T>(policy: CachePolicy = defaultCachePolicy, clock: () => number = Date.now, shared?: SharedEntries<T>) {
  const entries = new Map<string, Entry<T>>();
  const inFlight = new Map<string, Promise<Entry<T>>>();
  const failures = new Map<string, { at: number; reason: ProblemCode }>();

  function store(key: string, value: T, storedAt = clock()) {
    const entry = { value, storedAt };
    entries.delete(key);
    entries.set(key, entry);
    failures.delete(key);
    // Maps keep insertion order: the first key is the least recently stored.
    while (entries.size > policy.maxEntries) entries.delete(entries.keys().next().value as string);
    return entry;
  }

  function remember(key: string, error: unknown) {
    if (!(error instanceof AppError) || !fallbackCodes.has(error.code)) return;
    failures.delete(key);
    failures.set(key, { at: clock(), reason: error.code });
    while (failures.size > policy.maxEntries) failures.delete(failures.keys().next().value as string);
  }

  function load(key: string, loader: () => Promise<T>) {
    let pending = inFlight.get(key);
    if (!pending) {
      const fetched = shared
        ? shared.load(key, loader, entries.get(key)?.storedAt ?? 0)
        : loader().then((value) => ({ value, storedAt: clock() }));
      pending = fetched
        .then(
          (entry) => store(key, entry.value, entry.storedAt),
          (error: unknown) => {
            remember(key, error);
            throw error;
          },
        )
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  }

  const staleOf = (entry: Entry<T>, reason: StaleReason, refreshing = false): Cached<T> => ({
    ...entry,
    stale: { reason, ageSeconds: Math.round((clock() - entry.storedAt) / 1000), ...(refreshing ? { refreshing: true as const } : {}) },
  });

  return {
    /**
     * The answer for `key`, from the cache or from `loader`. With `lateMs`, a kept answer is served
     * (stale, refreshing) once the loader has taken that long; the loader goes on, and its answer is
     * the next one served.
     */
    async get(key: string, loader: () => Promise<T>, options: { lateMs?: number } = {}): Promise<Cached<T>> {
      let entry = entries.get(key);
      if (shared && !(entry && clock() - entry.storedAt < policy.freshMs)) {
        // Another instance may have a newer answer than this one's.
        const remote = await shared.read(key).catch(() => undefined);
        if (remote && (!entry || remote.storedAt > entry.storedAt)) entry = store(key, remote.value, remote.storedAt);
      }
      const age = entry ? clock() - entry.storedAt : Infinity;
      if (entry && age < policy.freshMs) return entry;
      if (entry && age < policy.revalidateMs) {
        load(key, loader).catch(() => undefined);
        return entry;
      }
      const kept = entry && age < policy.keepMs ? entry : undefined;
      const failed = failures.get(key);
      // Shopify just failed for this key: do not ask it again yet (the agent's Refresh included).
      if (kept && failed && clock() - failed.at < policy.failureCooldownMs && !inFlight.has(key)) return staleOf(kept, failed.reason);
      const pending = load(key, loader);
      try {
        if (kept && options.lateMs !== undefined) {
          const first = await orLate(pending, options.lateMs);
          if (first !== LATE) return first;
          pending.catch(() => undefined);
          return staleOf(kept, 'SHOPIFY_SLOW', true);
        }
        return await pending;
      } catch (error) {
        if (kept && error instanceof AppError && fallbackCodes.has(error.code)) return staleOf(kept, error.code);
        throw error;
      }
    },
    /**
     * Makes sure `key` will be served from the cache soon: fetches it in the background unless it is
     * fresh, already being fetched (here or, with Redis, on another instance) or Shopify just failed
     * for it. Never more than the one fetch an open would have made.
     */
    async warm(key: string, loader: () => Promise<T>): Promise<Warmed> {
      let entry = entries.get(key);
      if (shared && !(entry && clock() - entry.storedAt < policy.freshMs)) {
        const remote = await shared.read(key).catch(() => undefined);
        if (remote && (!entry || remote.storedAt > entry.storedAt)) entry = store(key, remote.value, remote.storedAt);
      }
      if (entry && clock() - entry.storedAt < policy.freshMs) return 'cached';
      if (inFlight.has(key)) return 'loading';
      const failed = failures.get(key);
      if (failed && clock() - failed.at < policy.failureCooldownMs) return 'cooling';
      load(key, loader).catch(() => undefined);
      return 'started';
    },
    /** Whether `key` would be served now without waiting for Shopify (fresh, or kept and being revalidated). */
    servable(key: string): boolean {
      const entry = entries.get(key);
      return entry !== undefined && clock() - entry.storedAt < policy.revalidateMs;
    },
    /** Drops the answers under `keys`, here and in the shared layer, whether this instance holds them or not. */
    async forgetKeys(keys: readonly string[]): Promise<void> {
      for (const key of keys) {
        entries.delete(key);
        failures.delete(key);
      }
      await Promise.all(keys.map((key) => shared?.forget?.(key).catch(() => undefined)));
    },
    /** Drops the answers `stale` picks (an action changed what they show): the next get asks Shopify. */
    async forgetWhere(stale: (key: string, value: T) => boolean): Promise<void> {
      const keys = [...entries].filter(([key, entry]) => stale(key, entry.value)).map(([key]) => key);
      for (const key of keys) {
        entries.delete(key);
        failures.delete(key);
      }
      await Promise.all(keys.map((key) => shared?.forget?.(key).catch(() => undefined)));
    },
    clear(): void {
      entries.clear();
      failures.clear();
    },
    get size(): number {
      return entries.size;
    },
  };
}
export type SwrCache<T> = ReturnType<typeof createSwrCache<T>>;
