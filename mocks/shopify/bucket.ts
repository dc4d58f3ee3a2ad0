/**
 * Shopify's leaky bucket for GraphQL cost, one per shop and app: it holds up to
 * `maximumAvailable` points and refills at `restoreRate` points a second. A query is charged its
 * requested cost up front and refunded down to its actual cost once it has run.
 */

export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };

export type LeakyBucketOptions = {
  maximumAvailable?: number;
  restoreRate?: number;
  /** Milliseconds since the epoch; tests pass their own to move time. */
  clock?: () => number;
};

export type LeakyBucket = {
  /** Charges `cost` if the bucket holds that much; false (and nothing charged) otherwise. */
  tryCharge(cost: number): boolean;
  refund(points: number): void;
  /** Sets what the bucket holds now, e.g. 0 to throttle the next request. */
  setAvailable(points: number): void;
  status(): ThrottleStatus;
};

export function createLeakyBucket(options: LeakyBucketOptions = {}): LeakyBucket {
  const maximumAvailable = options.maximumAvailable ?? 2000;
  const restoreRate = options.restoreRate ?? 100;
  const clock = options.clock ?? Date.now;
  let available = maximumAvailable;
  let updatedAt = clock();

  const refill = () => {
    const now = clock();
    available = Math.min(maximumAvailable, available + (Math.max(0, now - updatedAt) / 1000) * restoreRate);
    updatedAt = now;
  };

  return {
    tryCharge(cost) {
      refill();
      if (cost > available) return false;
      available -= cost;
      return true;
    },
    refund(points) {
      refill();
      available = Math.min(maximumAvailable, available + Math.max(0, points));
    },
    setAvailable(points) {
      refill();
      available = Math.max(0, Math.min(maximumAvailable, points));
    },
    status() {
      refill();
      // Shopify reports whole points.
      return { maximumAvailable, currentlyAvailable: Math.floor(available), restoreRate };
    },
  };
}
