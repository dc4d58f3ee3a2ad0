import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../http/app';
import { preconfigureDemo } from './demo-setup';
import { createDemoInbox } from '../demo-inbox/app';
import { demoConversations } from '../demo-inbox/conversations';
import { registerEnvCredential } from './env-credential';
import { EnvError, loadConfig, type Config } from './env';
import { createLogger } from './log';
import { createServices } from './services';
import type { Credential } from '../storage/credentials-store';
import { openDatabase } from '../storage/db';

function listen(app: { fetch: (request: Request) => Response | Promise<Response> }, port: number, hostname: string) {
  return new Promise<ReturnType<typeof serve>>((done, fail) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => done(server));
    server.once('error', fail);
  });
}

async function start(config: Config) {
  const logger = createLogger(config.logLevel);
  const db = openDatabase(join(config.dataDir, 'context-card.db'));

  // Demo without a real store: the sandbox store stands in for Shopify.
  const useSandbox = config.demo && !config.envCredential;
  const sandbox = useSandbox ? await import('../../../mocks/shopify/store') : null;
  const running = sandbox && !config.shopifyApiOrigin ? await sandbox.startSandboxStore({ port: 0 }) : null;
  const apiOrigin = config.shopifyApiOrigin ?? running?.origin;

  const services = createServices({
    db,
    appSecret: config.appSecret,
    endpoint: { apiOrigin },
    peopleSync: { intervalMs: config.peopleSyncIntervalMs, logger },
  });

  let demoCredential: Credential | undefined;
  if (config.envCredential) {
    demoCredential = registerEnvCredential(services, config.envCredential);
  } else if (sandbox) {
    const shop = sandbox.sandboxShop;
    demoCredential = services.credentials.upsertFromSource('sandbox', {
      name: `${shop.name} (sandbox store)`,
      kind: 'client_credentials',
      shopDomain: shop.domain,
      clientId: shop.clientId,
      secret: shop.clientSecret,
    });
  }
  if (config.demo && demoCredential) await preconfigureDemo(services, demoCredential);
  services.peopleSync.start();

  const app = createApp({
    services,
    appSecret: config.appSecret,
    allowedHostOrigins: config.allowedHostOrigins,
    logger,
    distDir: resolve('dist'),
  });
  const servers = [await listen(app, config.port, '0.0.0.0')];
  console.log(`Shopify Context Card on ${config.publicOrigin}`);
  console.log(`  card:          ${config.publicOrigin}/card`);
  console.log(`  configuration: ${config.publicOrigin}/config`);
  if (running) console.log(`  sandbox store: ${running.origin} (${sandbox?.sandboxShop.domain})`);

  if (config.demo) {
    const personas = sandbox?.personas ?? (await import('../../../mocks/shopify/store')).personas;
    const inbox = createDemoInbox({
      conversations: demoConversations(personas),
      cardOrigin: config.publicOrigin,
      appSecret: config.appSecret,
      // On the sandbox store, the inbox can change a shopper, to watch People pick the change up.
      sandboxOrigin: useSandbox ? apiOrigin : undefined,
    });
    servers.push(await listen(inbox, config.demoPort, '127.0.0.1'));
    console.log(`  demo inbox:    http://127.0.0.1:${config.demoPort}`);
  }

  const stop = async () => {
    await services.peopleSync.stop();
    for (const server of servers) server.close();
    void running?.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

try {
  await start(loadConfig());
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
