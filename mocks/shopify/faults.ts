/**
 * Faults on demand: a queue the store consults before anything else on every request. Tests and
 * demos use it to make Shopify misbehave the ways it really does: HTTP errors with Shopify's
 * bodies, a THROTTLED answer, slowness, a dropped connection, or no answer at all.
 */

export type FaultStatus = 400 | 401 | 402 | 403 | 404 | 423 | 429 | 500 | 502 | 503 | 504;

export type SandboxFault =
  /** An HTTP error with Shopify's body for that status (or the body given). */
  | { status: FaultStatus; body?: unknown }
  /** A GraphQL THROTTLED answer at HTTP 200, whatever the bucket holds. */
  | { throttle: true }
  /** Extra delay before the answer; adds up with other faults. */
  | { latencyMs: number }
  /** The connection is destroyed without an answer (only when served over HTTP). */
  | { reset: true }
  /** No answer until the client gives up or the store closes: a timeout. */
  | { hang: true };

export type FaultEndpoint = 'graphql' | 'token' | 'any';

export type FaultRule = SandboxFault & {
  /** How many requests it applies to; defaults to 1, `Infinity` until cleared. */
  times?: number;
  /** Which endpoint it applies to; defaults to `graphql`. */
  endpoint?: FaultEndpoint;
};

/** The bodies Shopify answers with for each status. */
const shopifyBodies: Record<FaultStatus, unknown> = {
  400: { errors: 'Bad Request' },
  401: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
  402: { errors: 'Unavailable Shop' },
  403: { errors: '[API] This action requires merchant approval for read_orders scope.' },
  404: { errors: 'Not Found' },
  423: { errors: 'Locked' },
  429: { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' },
  500: { errors: 'Internal Server Error' },
  502: { errors: 'Bad Gateway' },
  503: { errors: 'Service Unavailable' },
  504: { errors: 'Gateway Timeout' },
};

export function shopifyErrorBody(status: FaultStatus): unknown {
  return shopifyBodies[status];
}

/** What applies to one request: the summed latency and at most one other fault. */
export type TakenFaults = { latencyMs: number; fault: Exclude<SandboxFault, { latencyMs: number }> | null };

export type FaultQueue = {
  inject(rule: FaultRule): void;
  take(endpoint: 'graphql' | 'token'): TakenFaults;
  clear(): void;
  pending(): readonly FaultRule[];
};

export function createFaultQueue(): FaultQueue {
  let rules: { rule: FaultRule; left: number }[] = [];
  const matches = (rule: FaultRule, endpoint: 'graphql' | 'token') => {
    const target = rule.endpoint ?? 'graphql';
    return target === 'any' || target === endpoint;
  };
  return {
    inject(rule) {
      rules.push({ rule, left: rule.times ?? 1 });
    },
    take(endpoint) {
      const taken: TakenFaults = { latencyMs: 0, fault: null };
      for (const entry of rules) {
        if (entry.left <= 0 || !matches(entry.rule, endpoint)) continue;
        if ('latencyMs' in entry.rule) {
          taken.latencyMs += entry.rule.latencyMs;
          entry.left -= 1;
        } else if (!taken.fault) {
          const { times: _times, endpoint: _endpoint, ...fault } = entry.rule;
          taken.fault = fault as TakenFaults['fault'];
          entry.left -= 1;
        }
      }
      rules = rules.filter((entry) => entry.left > 0);
      return taken;
    },
    clear() {
      rules = [];
    },
    pending() {
      return rules.map((entry) => entry.rule);
    },
  };
}
