import { Hono } from 'hono';
import { cardLookupSchema, orderDetailsRequestSchema, orderPageRequestSchema } from '../../shared/wire';
import { requireRole, type AuthVariables } from '../auth/middleware';
import type { CardService } from '../card-service';
import { readJson } from '../read-json';

/** The agent's card. POST throughout, so that phones, emails and ids stay out of URLs and access logs. */
export function cardRoutes(secret: string, cards: CardService) {
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireRole(secret, 'agent', 'admin'))
    .use(async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    })
    .post('/', async (c) => c.json(await cards.open(await readJson(c, cardLookupSchema), c.get('viewer'))))
    .post('/orders', async (c) => {
      const { customerId, after } = await readJson(c, orderPageRequestSchema);
      return c.json(await cards.orders(customerId, after));
    })
    .post('/order', async (c) => c.json(await cards.order((await readJson(c, orderDetailsRequestSchema)).orderId)));
}
