import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { except } from 'hono/combine';
import { compress } from 'hono/compress';
import { apiBodyLimit } from './body-limit';
import { AppError, problemResponse } from './problem';
import type { Logger } from '../setup/log';
import { actionRoutes } from './routes/actions';
import { cardRoutes } from './routes/card';
import { firstPaints, type FirstPaintSource } from '../card/first-paint';
import { configRoutes } from './routes/config';
import { peopleRoutes } from './routes/people';
import { compressedAssets, encodedResponse } from './compressed-files';
import { pageFile, type PageFile } from './page-file';
import { allowedMethods, methodNotAllowed } from './method-not-allowed';
import { cardRateLimit, configRateLimit, prewarmRateLimit, rateLimitPerUser, type RateLimitPolicy } from './rate-limit';
import { requestLog } from './request-log';
import { apiSecurityHeaders, pageSecurityHeaders } from './security-headers';
import type { Services } from '../setup/services';

const API_BODY_LIMIT = 16 * 1024;
/** The build's assets are named by their content: a browser keeps them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export type AppOptions = {
  services: Services;
  appSecret: string;
  /** During a rotation of APP_SECRET: tokens signed with the previous secret still verify until they expire. */
  previousAppSecret?: string | undefined;
  allowedHostOrigins: readonly string[];
  logger: Logger;
  /** The Vite build output; pages and assets are served from here. */
  distDir: string;
  /** The renderer of the card's first paint (`loadBuiltFirstPaint`); without it the card always paints itself. */
  firstPaint?: FirstPaintSource;
  /** Per-agent limit on the card routes; `cardRateLimit` unless given. */
  rateLimit?: RateLimitPolicy;
  /** Per-agent limit on pre-warming; `prewarmRateLimit` unless given. */
  prewarmRateLimit?: RateLimitPolicy;
  /** Per-admin limit on the configuration routes; `configRateLimit` unless given. */
  configRateLimit?: RateLimitPolicy;
};

export function createApp(options: AppOptions) {
  const { services, logger, distDir } = options;
  const tokenSecrets = options.previousAppSecret ? [options.appSecret, options.previousAppSecret] : options.appSecret;
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof AppError) return problemResponse(c, error);
    logger.error('unhandled error', { path: c.req.path, error });
    return problemResponse(c, new AppError('INTERNAL'));
  });
  const methodsOf = allowedMethods(app);
  app.notFound(
    (c) => methodNotAllowed(c, methodsOf(c.req.path)) ?? problemResponse(c, new AppError('NOT_FOUND', `Nothing at ${c.req.path}.`)),
  );
  app.use('/api/*', requestLog(logger), apiSecurityHeaders());
  // `/api/card/*` covers `/api/card` itself as well. Pre-warming has a budget of its own.
  const cardLimit = rateLimitPerUser(tokenSecrets, options.rateLimit ?? cardRateLimit, Date.now, services.redis);
  const prewarmLimit = rateLimitPerUser(tokenSecrets, options.prewarmRateLimit ?? prewarmRateLimit, Date.now, services.redis, 'prewarm');
  app.use('/api/card/prewarm', prewarmLimit);
  app.use('/api/card/*', except('/api/card/prewarm', cardLimit));
  const adminLimit = rateLimitPerUser(tokenSecrets, options.configRateLimit ?? configRateLimit, Date.now, services.redis);
  app.use('/api/config/*', adminLimit);
  app.use('/api/actions/*', rateLimitPerUser(tokenSecrets, options.rateLimit ?? cardRateLimit, Date.now, services.redis));
  app.use('/api/people/*', adminLimit);

  const api = new Hono()
    .use(
      apiBodyLimit(API_BODY_LIMIT, () => {
        throw new AppError('PAYLOAD_TOO_LARGE', `Bodies are limited to ${API_BODY_LIMIT / 1024} KB.`);
      }),
    )
    // For load balancers and people: whether this instance can answer (503 without its database), what it runs
    // on, and whether its shared cache is there.
    .get('/health', async (c) => {
      const health = await services.health();
      return c.json(health, health.status === 'ok' ? 200 : 503);
    })
    .route('/card', cardRoutes(tokenSecrets, services.cards, options.firstPaint ? firstPaints(options.firstPaint, logger) : null))
    .route('/config', configRoutes(tokenSecrets, services))
    .route('/people', peopleRoutes(tokenSecrets, services))
    .route('/actions', actionRoutes(tokenSecrets, services));
  app.route('/api', api);

  const pages = pageSecurityHeaders(options.allowedHostOrigins);
  const page = (name: string) => {
    const file = join(distDir, `${name}.html`);
    let built: PageFile | undefined;
    return (c: Context) => {
      if (built === undefined) {
        if (!existsSync(file)) throw new AppError('NOT_FOUND', `The ${name} page is not built yet: run "npm run build".`);
        built = pageFile(readFileSync(file, 'utf8'), options.allowedHostOrigins);
      }
      return encodedResponse(built.file, c.req.header('Accept-Encoding'), built.headers);
    };
  };
  for (const [path, name] of [
    ['/', 'index'],
    ['/card', 'card'],
    ['/config', 'config'],
  ] as const) {
    app.get(path, pages, page(name));
  }
  // The card's scripts are most of its first paint in a narrow iframe: send them compressed, as built.
  app.use('/assets/*', compressedAssets(distDir, { 'Cache-Control': IMMUTABLE }));
  app.use('/assets/*', compress());
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', IMMUTABLE);
  });
  app.use('/assets/*', serveStatic({ root: distDir }));
  app.use('/favicon.svg', serveStatic({ root: distDir }));
  return app;
}
