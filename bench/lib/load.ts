import autocannon, { type Result } from 'autocannon';

export type LoadOptions = {
  url: string;
  connections: number;
  /** Seconds, unless `amount` is given. */
  duration?: number;
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Request bodies, sent in turn across all connections. */
  bodies?: string[];
};

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Errors, timeouts and answers other than 2xx: any of these spoils the run. */
  failures: number;
  seconds: number;
};

/** Drives `url` with autocannon and keeps the figures that matter. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const { bodies } = options;
  let turn = 0;
  const result: Result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 5 }),
    timeout: 10,
    method: options.method ?? 'GET',
    ...(options.headers ? { headers: options.headers } : {}),
    ...(bodies && bodies.length > 0
      ? { requests: [{ setupRequest: (request) => ({ ...request, body: bodies[turn++ % bodies.length] as string }) }] }
      : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
    seconds: result.duration,
  };
}
