import { Hono } from 'hono';
import { cardLookupSchema, orderDetailsRequestSchema, orderPageRequestSchema } from '../../../shared/wire';
import { requireRole, type AuthVariables } from '../../auth/middleware';
import type { VerifyingSecrets } from '../../auth/tokens';
import type { CardService } from '../../card/card-service';
import { readJson } from '../read-json';
import { apiJson } from '../security-headers';

/**
 * A card served from the cache is the very object stored there, on every open until it is renewed:
 * it is turned into JSON once. (Cached answers are never changed in place.)
 */
const jsonTexts = new WeakMap<object, string>();
function jsonOnce(value: object): Response {
  let text = jsonTexts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    jsonTexts.set(value, text);
  }
  return apiJson(text);
}

/** The agent's card. POST throughout, so that phones, emails and ids stay out of URLs and access logs. */
export function cardRoutes(secret: VerifyingSecrets, cards: CardService) {
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireRole(secret, 'agent', 'admin'))
    .post('/', async (c) => jsonOnce(await cards.open(await readJson(c, cardLookupSchema), c.get('viewer'))))
    .post('/orders', async (c) => {
      const { customerId, after } = await readJson(c, orderPageRequestSchema);
      return apiJson(JSON.stringify(await cards.orders(customerId, after)));
    })
    .post('/order', async (c) => apiJson(JSON.stringify(await cards.order((await readJson(c, orderDetailsRequestSchema)).orderId))));
}
