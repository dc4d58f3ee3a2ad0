/**
 * What one piece of work (a card open, an order's details) may spend on Shopify: a deadline for the
 * whole of it, a timeout for each request inside it, and a number of GraphQL requests. The agent gets
 * an answer within the deadline whatever Shopify does, and a failing Shopify is asked a bounded
 * number of times, however many queries the work needs.
 */
export type CallBudgetPolicy = {
  /** From the start of the work to the last moment an answer from Shopify is still waited for. */
  deadlineMs: number;
  /** Each request (token or GraphQL) is given up after this; a retry starts only if it fits whole. */
  attemptTimeoutMs: number;
  /** GraphQL requests in all, retries and a token renewal's second try included. */
  maxRequests: number;
};

/**
 * The card answers within 10 s of the open: 8 s for Shopify leaves room for the browser and the
 * network. Two tries of 3.5 s fit; a third is never started (so it is never waited for). Shopify
 * answers the card's queries in well under a second when it is well.
 */
export const defaultCallBudget: CallBudgetPolicy = { deadlineMs: 8_000, attemptTimeoutMs: 3_500, maxRequests: 3 };

/** A first request is worth sending only with this much time left. */
const MIN_ATTEMPT_MS = 500;

export type CallBudget = ReturnType<typeof createCallBudget>;

/** Time on a monotonic clock: a deadline is about time passing, not about the date (which a test may move). */
export function createCallBudget(policy: CallBudgetPolicy = defaultCallBudget, now: () => number = () => performance.now()) {
  const endsAt = now() + policy.deadlineMs;
  let requestsLeft = policy.maxRequests;
  const remainingMs = () => endsAt - now();
  return {
    remainingMs,
    /** Whether a first request may still be sent. */
    canStart: () => requestsLeft > 0 && remainingMs() >= MIN_ATTEMPT_MS,
    /** Whether a retry after waiting `waitMs` could run its whole timeout before the deadline. */
    canRetryAfter: (waitMs: number) => requestsLeft > 0 && waitMs + policy.attemptTimeoutMs <= remainingMs(),
    /** Counts one GraphQL request. */
    spend(): void {
      requestsLeft -= 1;
    },
    /** The timeout of a request sent now: its own, cut short by the deadline. */
    attemptMs: () => Math.max(0, Math.min(policy.attemptTimeoutMs, remainingMs())),
  };
}
