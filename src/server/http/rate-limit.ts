import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { bearerToken, type AuthVariables } from '../auth/middleware';
import { verifyToken, type VerifyingSecrets, type Viewer } from '../auth/tokens';
import { AppError, problemResponse } from './problem';

/** A bucket holds up to `capacity` requests and refills at `refillPerSecond`. */
export type RateLimitPolicy = { capacity: number; refillPerSecond: number };

/**
 * Per agent on the card routes: a burst of 60 (an agent flicking through conversations), then one
 * request a second. A real agent never gets near it; a host stuck in a loop cannot hammer Shopify.
 */
export const cardRateLimit: RateLimitPolicy = { capacity: 60, refillPerSecond: 1 };

/**
 * Per admin on the configuration routes: the same burst of 60 (a busy editing session, whose unsaved
 * changes are sent as they settle), then one a second. Verifying a credential asks Shopify, so a
 * page or a script stuck in a loop must not turn into a stream of Shopify requests.
 */
export const configRateLimit: RateLimitPolicy = { capacity: 60, refillPerSecond: 1 };

/**
 * Per agent on `POST /api/card/prewarm`, apart from the card's own budget so that warming never costs an
 * agent an open: an inbox warming the conversation under the pointer and the next few.
 */
export const prewarmRateLimit: RateLimitPolicy = { capacity: 30, refillPerSecond: 0.5 };

const MAX_BUCKETS = 10_000;

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };
const ALLOWED: TakeResult = Object.freeze({ allowed: true });

export function createTokenBuckets(policy: RateLimitPolicy, now: () => number = Date.now) {
  const buckets = new Map<string, { level: number; at: number }>();

  const levelOf = (bucket: { level: number; at: number }, time: number) =>
    Math.min(policy.capacity, bucket.level + ((time - bucket.at) / 1000) * policy.refillPerSecond);

  // Full buckets carry no information: forget them once there are many, so memory stays bounded.
  const prune = (time: number) => {
    for (const [key, bucket] of buckets) if (levelOf(bucket, time) >= policy.capacity) buckets.delete(key);
  };

  return {
    take(key: string): TakeResult {
      const time = now();
      const bucket = buckets.get(key);
      const level = bucket ? levelOf(bucket, time) : policy.capacity;
      if (level < 1) {
        buckets.set(key, { level, at: time });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - level) / policy.refillPerSecond)) };
      }
      if (bucket) {
        bucket.level = level - 1;
        bucket.at = time;
      } else {
        if (buckets.size >= MAX_BUCKETS) prune(time);
        buckets.set(key, { level: level - 1, at: time });
      }
      return ALLOWED;
    },
  };
}

/** Several instances on Redis: one budget per user, whichever instance answers. */
export type SharedBuckets = { available(): boolean; take(name: string, policy: RateLimitPolicy): Promise<TakeResult> };

async function viewerOf(c: Context, secret: VerifyingSecrets): Promise<Viewer | null> {
  const token = bearerToken(c.req.header('Authorization'));
  if (!token) return null;
  return verifyToken(secret, token).catch(() => null);
}

/**
 * Limits each user (the token's `sub`: an agent on the card, an admin on the configuration) to
 * `policy`. Requests without a valid token pass through to the route's own check, which refuses
 * them without reaching Shopify.
 */
export function rateLimitPerUser(
  secret: VerifyingSecrets,
  policy: RateLimitPolicy = cardRateLimit,
  now: () => number = Date.now,
  shared?: SharedBuckets,
  name?: string,
) {
  const buckets = createTokenBuckets(policy, now);
  // Its own budget per route group: the card's and the configuration's are kept apart.
  const group = name ?? `${policy.capacity}/${policy.refillPerSecond}`;
  const take = async (sub: string): Promise<TakeResult> => {
    if (!shared?.available()) return buckets.take(sub);
    try {
      return await shared.take(`${group}:${sub}`, policy);
    } catch {
      return buckets.take(sub);
    }
  };
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    const viewer = await viewerOf(c, secret);
    if (viewer) {
      c.set('viewer', viewer);
      const result = await take(viewer.sub);
      if (!result.allowed) {
        return problemResponse(
          c,
          new AppError('RATE_LIMITED', `Too many requests from this user; try again in ${result.retryAfterSeconds} s.`, undefined, {
            retryAfterSeconds: result.retryAfterSeconds,
          }),
        );
      }
    }
    await next();
  });
}
