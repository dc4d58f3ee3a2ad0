import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/**
 * The benchmark servers run as child processes of `bench/run.ts`, so the load generator never shares
 * their event loop. They say they are ready, and answer the parent's questions, over the IPC channel.
 */

type Fetch = (request: Request) => Response | Promise<Response>;

export function listen(fetch: Fetch, hostname = '127.0.0.1'): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname }, (info: AddressInfo) => resolve({ port: info.port }));
    server.once('error', reject);
  });
}

export function announce(info: Record<string, unknown>): void {
  process.send?.({ type: 'ready', ...info });
}

type Ask = { id: number; type: string; payload?: unknown };

/**
 * Answers the parent's questions by `type`. Every server also answers `cpu`: the processor time it has
 * used, user and system, in microseconds; steadier than requests per second on a shared machine.
 */
export function answer(handlers: Record<string, (payload: unknown) => unknown>): void {
  const all: Record<string, (payload: unknown) => unknown> = { cpu: () => process.cpuUsage(), ...handlers };
  process.on('message', (message: Ask) => {
    const handler = all[message.type];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`No handler for "${message.type}"`);
        return handler(message.payload);
      })
      .then(
        (value) => process.send?.({ id: message.id, value }),
        (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
      );
  });
}

// A server outlives no benchmark: when the parent goes, so does the child.
process.on('disconnect', () => process.exit(0));
// Exit cleanly when stopped, so that a CPU profile (BENCH_CPU_PROFILE) is written.
process.on('SIGTERM', () => process.exit(0));
