import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type ServerName = 'sandbox' | 'bff' | 'bare' | 'people';

export type ChildServer = {
  pid: number;
  origin: string;
  info: Record<string, unknown>;
  ask<T>(type: string, payload?: unknown): Promise<T>;
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** `BENCH_CPU_PROFILE=dir npm run bench` leaves a CPU profile of each server in `dir`, for Chrome's DevTools. */
const profileDir = process.env.BENCH_CPU_PROFILE;
const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];

/** Starts `bench/servers/{name}.ts` in a Node process of its own and waits until it listens. */
export function startServer(
  name: ServerName,
  env: Record<string, string> = {},
  options: { exposeGc?: boolean } = {},
): Promise<ChildServer> {
  const script = fileURLToPath(new URL(`../servers/${name}.ts`, import.meta.url));
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx', ...profiling, ...(options.exposeGc ? ['--expose-gc'] : [])],
    env: { ...process.env, NODE_ENV: 'production', ...env },
    // Request logs go nowhere, as they would to a log shipper; errors still show.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(
    () => running.delete(child),
    () => undefined,
  );

  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on('message', (message: { id?: number; value?: unknown; error?: string }) => {
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(message.error));
    else waiting.resolve(message.value);
  });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The ${name} server did not start within 60 s`)), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The ${name} server exited with ${code} before it was ready`));
    });
    child.on('message', function ready(message: { type?: string; origin?: string }) {
      if (message.type !== 'ready' || !message.origin) return;
      clearTimeout(timer);
      child.off('message', ready);
      resolve({
        pid: child.pid ?? 0,
        origin: message.origin,
        info: message,
        ask: <T>(type: string, payload?: unknown) =>
          new Promise<T>((done, fail) => {
            const id = nextId++;
            pending.set(id, { resolve: (value) => done(value as T), reject: fail });
            child.send({ id, type, payload });
          }),
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.kill('SIGTERM');
          await exited;
          clearTimeout(force);
        },
      });
    });
  });
}
