import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../http/app';
import { preconfigureDemo } from './demo-setup';
import { createDemoInbox } from '../demo-inbox/app';
import { demoConversations } from '../demo-inbox/conversations';
import { registerEnvCredential } from './env-credential';
import type { Config } from './env';
import { createLogger, type Logger } from './log';
import { createServices, type Services } from './services';
import type { Credential } from '../storage/credentials-store';
import { openStorage, storageDescription } from '../storage/storage';
import { connectRedisState } from '../shared-state/redis-state';
import { loadBuiltFirstPaint } from '../card/first-paint';

/** How long a stop waits for the requests in flight before it closes their connections. */
export const DRAIN_MS = 10_000;

function listen(app: { fetch: (request: Request) => Response | Promise<Response> }, port: number, hostname: string) {
  return new Promise<Server>((done, fail) => {
    // Without `createServer` options, @hono/node-server serves HTTP/1.1 with `node:http`.
    const server = serve({ fetch: app.fetch, port, hostname }, () => done(server)) as Server;
    server.once('error', fail);
  });
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

/** Stops accepting at once; resolves when the requests in flight are answered, or closes them after `drainMs`. */
function drain(server: Server, drainMs: number): Promise<void> {
  return new Promise((done) => {
    // A keep-alive connection would hold the close open, and could carry new requests: each one is
    // closed as soon as it is idle, that is once the answer in flight on it is sent.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const force = setTimeout(() => server.closeAllConnections(), drainMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      done();
    });
    server.closeIdleConnections();
  });
}

export type RunningApp = {
  origin: string;
  /** The demo inbox's origin, in demo mode. */
  demoOrigin: string | undefined;
  services: Services;
  /** Stops accepting, lets the requests in flight finish (up to `DRAIN_MS`), then closes the database. */
  stop(): Promise<void>;
};

/**
 * Seals again with the current APP_SECRET what APP_SECRET_PREVIOUS sealed, and says in one line per
 * credential what no secret opens: cards using such a credential say so; everything else works.
 */
async function resealSecrets(services: Services, logger: Logger): Promise<void> {
  const { resealed, unreadable } = await services.credentials.resealWithCurrentSecret();
  if (resealed > 0) logger.info('stored Shopify secrets sealed again with the current APP_SECRET', { resealed });
  for (const credential of unreadable) {
    logger.error(
      `The stored secret of the Shopify credential "${credential.name}" (id ${credential.id}) cannot be read with APP_SECRET ` +
        'or APP_SECRET_PREVIOUS; cards using it say the Shopify connection needs attention until an admin enters the secret again',
      { credentialId: credential.id, credentialName: credential.name },
    );
  }
}

/** Everything `npm start` runs: the BFF and pages, and in demo mode the demo inbox and (without a real store) the sandbox store. */
export async function startApp(config: Config, options: { logger?: Logger; print?: (line: string) => void } = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const print = options.print ?? ((line: string) => console.log(line));
  const storage = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
  const sql = await openStorage(storage);
  logger.info(`keeping data in ${storageDescription(storage)}`);

  // Demo without a real store: the sandbox store stands in for Shopify.
  const useSandbox = config.demo && !config.envCredential;
  const sandbox = useSandbox ? await import('../../../mocks/shopify/store') : null;
  const running = sandbox && !config.shopifyApiOrigin ? await sandbox.startSandboxStore({ port: 0 }) : null;
  const apiOrigin = config.shopifyApiOrigin ?? running?.origin;

  // Several instances share through Redis; an instance that cannot reach it still answers, from Shopify.
  const redis = config.redisUrl ? connectRedisState(config.redisUrl, { logger, prefix: config.redisKeyPrefix }) : undefined;
  if (redis) await redis.ready().catch(() => logger.warn('redis did not answer at start; going on without it until it does'));
  const services = createServices({
    sql,
    ...(redis ? { redis } : {}),
    appSecret: config.appSecret,
    previousAppSecret: config.previousAppSecret,
    endpoint: { apiOrigin },
    peopleSync: {
      intervalMs: config.peopleSyncIntervalMs,
      // An instance that dies mid-run leaves its lease to expire: another takes the run over within one interval.
      leaseMs: Math.min(60_000, config.peopleSyncIntervalMs / 2),
      tickMs: Math.min(5_000, config.peopleSyncIntervalMs / 2),
      instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      logger,
    },
  });
  await resealSecrets(services, logger);

  let demoCredential: Credential | undefined;
  let sandboxCredential = false;
  if (config.envCredential) {
    demoCredential = await registerEnvCredential(services, config.envCredential);
  } else if (sandbox) {
    const shop = sandbox.sandboxShop;
    demoCredential = await services.credentials.upsertFromSource('sandbox', {
      name: `${shop.name} (sandbox store)`,
      kind: 'client_credentials',
      shopDomain: shop.domain,
      clientId: shop.clientId,
      secret: shop.clientSecret,
    });
    sandboxCredential = true;
  }
  if (config.demo && demoCredential) await preconfigureDemo(services, demoCredential, { sandboxStore: sandboxCredential });
  services.peopleSync.start();

  const app = createApp({
    services,
    appSecret: config.appSecret,
    previousAppSecret: config.previousAppSecret,
    allowedHostOrigins: config.allowedHostOrigins,
    logger,
    distDir: resolve('dist'),
    firstPaint: loadBuiltFirstPaint(resolve('dist'), logger),
  });
  const servers = [await listen(app, config.port, '0.0.0.0')];
  const origin = config.port === 0 ? `http://localhost:${portOf(servers[0] as Server)}` : config.publicOrigin;
  print(`Shopify Context Card on ${origin}`);
  print(`  card:          ${origin}/card`);
  print(`  configuration: ${origin}/config`);
  if (running) print(`  sandbox store: ${running.origin} (${sandbox?.sandboxShop.domain})`);

  let demoOrigin: string | undefined;
  if (config.demo) {
    const personas = sandbox?.personas ?? (await import('../../../mocks/shopify/store')).personas;
    // The inbox checks requests against its own origin, known once it listens (DEMO_PORT may be 0).
    const inbox: { fetch?: (request: Request) => Response | Promise<Response> } = {};
    const inboxServer = await listen(
      { fetch: (request) => (inbox.fetch ? inbox.fetch(request) : new Response('Starting', { status: 503 })) },
      config.demoPort,
      '127.0.0.1',
    );
    servers.push(inboxServer);
    demoOrigin = `http://127.0.0.1:${portOf(inboxServer)}`;
    inbox.fetch = createDemoInbox({
      conversations: demoConversations(personas),
      cardOrigin: config.publicOrigin,
      appSecret: config.appSecret,
      origin: demoOrigin,
      // On the sandbox store, the inbox can change a shopper, to watch People pick the change up.
      sandboxOrigin: useSandbox ? apiOrigin : undefined,
    }).fetch;
    print(`  demo inbox:    ${demoOrigin}`);
  }

  let stopping: Promise<void> | undefined;
  return {
    origin,
    demoOrigin,
    services,
    stop() {
      stopping ??= (async () => {
        // A People run under way stops at its next committed batch; the next start resumes it.
        await services.peopleSync.stop();
        await Promise.all(servers.map((server) => drain(server, DRAIN_MS)));
        await running?.close();
        await redis?.close();
        await sql.close();
      })();
      return stopping;
    },
  };
}
