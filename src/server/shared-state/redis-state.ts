import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

type Logger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
};

export type BucketPolicy = { capacity: number; refillPerSecond: number };
export type BucketTake = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A token bucket per key, refilled by elapsed time, taken atomically inside Redis (one script call), so that
 * every instance spends from one budget. The server's clock is used, so instances' clocks never disagree.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local refill = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'level', 'at')
local level = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
level = math.min(capacity, level + (now - at) / 1000 * refill)
local allowed = 0
if level >= 1 then
  level = level - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'level', tostring(level), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - level) / refill * 1000) + 1000)
if allowed == 1 then return {1, 0} end
return {0, math.max(1, math.ceil((1 - level) / refill))}
`;

/** Deletes a lock only if it is still the caller's (it may have expired and been taken by another). */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export type RedisState = ReturnType<typeof connectRedisState>;

/**
 * What several BFF instances share through Redis: JSON values with an expiry (the card cache, Shopify access
 * tokens), short locks (single flight: one instance asks Shopify, the others wait for its answer), and token
 * buckets (the per-agent rate limit). Commands fail fast instead of queueing while Redis is away, so that an
 * instance keeps answering from Shopify on its own; `available()` says which it is doing, and the change is
 * logged once each way.
 */
export function connectRedisState(url: string, options: { prefix?: string; logger?: Logger; commandTimeoutMs?: number } = {}) {
  const prefix = options.prefix ?? 'context-card:';
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: options.commandTimeoutMs ?? 500,
    // Keep trying to come back, never more than 2 s apart.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let up = false;
  const say = (next: boolean, error?: unknown) => {
    if (next === up) return;
    up = next;
    if (next) options.logger?.info('redis available: cache, single flight, tokens and rate limits are shared');
    else options.logger?.warn('redis unavailable: answering from Shopify without the shared cache', { error: String(error ?? '') });
  };
  client.on('ready', () => say(true));
  client.on('error', (error) => say(false, error));
  client.on('end', () => say(false));
  client.on('close', () => say(false));
  const key = (name: string) => `${prefix}${name}`;

  // Messages between instances ride a connection of their own: a subscribed Redis connection takes no other
  // command. It queues its SUBSCRIBE until connected and subscribes again after every reconnect.
  let subscriber: Redis | null = null;
  const listeners = new Map<string, Set<(message: string) => void>>();
  const subscriptions: Promise<unknown>[] = [];
  function subscriberConnection(): Redis {
    if (subscriber) return subscriber;
    subscriber = new Redis(url, {
      connectTimeout: 1_000,
      maxRetriesPerRequest: null,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    subscriber.on('error', () => undefined);
    subscriber.on('message', (channel: string, message: string) => {
      for (const listener of listeners.get(channel) ?? []) listener(message);
    });
    return subscriber;
  }

  return {
    client,
    available: (): boolean => up && client.status === 'ready',
    /** Resolves once connected, or rejects after `timeoutMs`: for start-up and tests. */
    async ready(timeoutMs = 2_000): Promise<void> {
      if (client.status === 'ready') return;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Redis at ${url.replace(/\/\/[^@/]*@/, '//')} did not answer`)), timeoutMs);
        client.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    async getJson<T>(name: string): Promise<T | null> {
      const text = await client.get(key(name));
      return text === null ? null : (JSON.parse(text) as T);
    },
    async setJson(name: string, value: unknown, ttlMs: number): Promise<void> {
      await client.set(key(name), JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async delete(name: string): Promise<void> {
      await client.del(key(name));
    },
    /** Adds `member` to the set `name`, which lives `ttlMs` from its last addition. */
    async addToSet(name: string, member: string, ttlMs: number): Promise<void> {
      await client
        .multi()
        .sadd(key(name), member)
        .pexpire(key(name), Math.max(1, Math.round(ttlMs)))
        .exec();
    },
    /** The members of the set `name`, which is gone once read. */
    async takeSet(name: string): Promise<string[]> {
      const result = await client.multi().smembers(key(name)).del(key(name)).exec();
      const members = result?.[0]?.[1];
      return Array.isArray(members) ? members.filter((member): member is string => typeof member === 'string') : [];
    },
    /** A lock for `ttlMs`, or null when another holds it. The token releases it. */
    async acquire(name: string, ttlMs: number): Promise<string | null> {
      const token = randomUUID();
      return (await client.set(key(`lock:${name}`), token, 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK' ? token : null;
    },
    async release(name: string, token: string): Promise<void> {
      await client.eval(RELEASE_SCRIPT, 1, key(`lock:${name}`), token);
    },
    async take(name: string, policy: BucketPolicy): Promise<BucketTake> {
      const [allowed, retryAfter] = (await client.eval(TAKE_SCRIPT, 1, key(`bucket:${name}`), policy.capacity, policy.refillPerSecond)) as [
        number,
        number,
      ];
      return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterSeconds: retryAfter };
    },
    /** Tells every instance (this one included) `message` on `channel`; nothing is kept for an instance not listening. */
    async publish(channel: string, message: string): Promise<void> {
      await client.publish(key(`channel:${channel}`), message);
    },
    /** Calls `listener` with each message published on `channel`, from now on. */
    listen(channel: string, listener: (message: string) => void): void {
      const name = key(`channel:${channel}`);
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        subscriptions.push(
          subscriberConnection()
            .subscribe(name)
            .catch(() => undefined),
        );
      }
      set.add(listener);
    },
    /** Resolves once every `listen` so far is subscribed: for tests, which publish at once. */
    async listening(): Promise<void> {
      await Promise.all(subscriptions);
    },
    async close(): Promise<void> {
      client.disconnect();
      subscriber?.disconnect();
    },
  };
}
