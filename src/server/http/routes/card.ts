import { Hono } from 'hono';
import { cardLookupSchema, orderDetailsRequestSchema, orderPageRequestSchema } from '../../../shared/wire';
import { requireRole, type AuthVariables } from '../../auth/middleware';
import type { VerifyingSecrets } from '../../auth/tokens';
import type { CardService } from '../../card/card-service';
import type { FirstPaints } from '../../card/first-paint';
import { readJson } from '../read-json';
import { apiJson } from '../security-headers';

/**
 * A card served from the cache is the very object stored there, on every open until it is renewed:
 * it is turned into JSON once. (Cached answers are never changed in place.)
 */
const jsonTexts = new WeakMap<object, string>();
function jsonOnce(value: object): string {
  let text = jsonTexts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    jsonTexts.set(value, text);
  }
  return text;
}

/** The card's JSON with its first paint (the HTML the boot script shows as the answer lands) as one more member. */
const withFirstPaint = (cardJson: string, html: string | null) =>
  html === null ? cardJson : `{"firstPaint":${JSON.stringify(html)},${cardJson.slice(1)}`;

/**
 * The agent's card. POST throughout, so that phones, emails and ids stay out of URLs and access logs;
 * the query may describe the agent's frame (never the shopper), for the answer to carry its first paint.
 */
export function cardRoutes(secret: VerifyingSecrets, cards: CardService, firstPaint: FirstPaints | null = null) {
  return (
    new Hono<{ Variables: AuthVariables }>()
      .use(requireRole(secret, 'agent', 'admin'))
      .post('/', async (c) => {
        const lookup = await readJson(c, cardLookupSchema);
        const { card, fromCache } = await cards.openTraced(lookup, c.get('viewer'));
        const html = firstPaint ? firstPaint(card, lookup, c.req.query()) : null;
        return apiJson(withFirstPaint(jsonOnce(card), html), 200, fromCache ? 'hit' : 'miss');
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
