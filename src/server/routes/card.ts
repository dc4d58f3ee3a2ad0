import { Hono } from 'hono';
import { cardLookupSchema } from '../../shared/wire';
import { requireRole, type AuthVariables } from '../auth/middleware';
import type { CardService } from '../card-service';
import { readJson } from '../read-json';

/** The agent's card: POST so that phone numbers and emails stay out of URLs and access logs. */
export function cardRoutes(secret: string, cards: CardService) {
  return new Hono<{ Variables: AuthVariables }>().post('/', requireRole(secret, 'agent', 'admin'), async (c) => {
    const lookup = await readJson(c, cardLookupSchema);
    c.header('Cache-Control', 'no-store');
    return c.json(await cards.open(lookup, c.get('viewer')));
  });
}
