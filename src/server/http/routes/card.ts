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
function jsonOnce(value: object, cache: 'hit' | 'miss'): Response {
  let text = jsonTexts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    jsonTexts.set(value, text);
  }
  return apiJson(text, 200, cache);
}

/** The agent's card. POST throughout, so that phones, emails and ids stay out of URLs and access logs. */
export function cardRoutes(secret: VerifyingSecrets, cards: CardService) {
  return (
    new Hono<{ Variables: AuthVariables }>()
      .use(requireRole(secret, 'agent', 'admin'))
      .post('/', async (c) => {
        const { card, fromCache } = await cards.openTraced(await readJson(c, cardLookupSchema), c.get('viewer'));
        return jsonOnce(card, fromCache ? 'hit' : 'miss');
      })
      // A host expects this card to be opened soon: it is fetched and kept now, and the answer says only how.
      .post('/prewarm', async (c) => apiJson(JSON.stringify({ status: await cards.prewarm(await readJson(c, cardLookupSchema)) }), 202))
      .post('/orders', async (c) => {
        const { customerId, after } = await readJson(c, orderPageRequestSchema);
        return apiJson(JSON.stringify(await cards.orders(customerId, after)));
      })
      .post('/order', async (c) => apiJson(JSON.stringify(await cards.order((await readJson(c, orderDetailsRequestSchema)).orderId))))
  );
}
