/**
 * The BFF API, happy path, grouped by domain. Error and empty states come per test through
 * `server.use(...)` or a named scenario from `scenarios.ts`.
 */
import { http, HttpResponse } from 'msw';
import { cardLookupSchema, type CardLookup, type CardResponse } from '../../src/shared/wire';
import { amelie, hanako, matchedCard, multipleCard, notFoundCard, pickedSmithCard, sharedPhone, smiths } from './fixtures';
import { problem } from './problems';

const digits = (phone: string) => phone.replace(/\D/g, '');
const shoppers = [amelie, hanako];

/** What the sandbox store holds, answered the way the BFF would. */
export function answerLookup(lookup: CardLookup): CardResponse {
  if (lookup.customerId) {
    const shopper = shoppers.find((s) => s.id === lookup.customerId);
    if (shopper) return matchedCard(shopper, { kind: 'customerId', value: shopper.id });
    const smith = smiths.find((s) => s.id === lookup.customerId);
    if (smith) return pickedSmithCard(smith);
    return notFoundCard([{ kind: 'customerId', value: lookup.customerId }]);
  }
  const { email, phone } = lookup;
  if (email) {
    const shopper = shoppers.find((s) => s.email.toLowerCase() === email.toLowerCase());
    if (shopper) return matchedCard(shopper, { kind: 'email', value: shopper.email });
  }
  if (phone) {
    if (digits(phone) === digits(sharedPhone)) return multipleCard(sharedPhone);
    const shopper = shoppers.find((s) => digits(s.phone) === digits(phone));
    if (shopper) return matchedCard(shopper, { kind: 'phone', value: shopper.phone });
  }
  return notFoundCard([
    ...(email ? [{ kind: 'email' as const, value: email }] : []),
    ...(phone ? [{ kind: 'phone' as const, value: phone }] : []),
  ]);
}

/** The token itself is not checked here; the BFF's own tests cover signatures and expiry. */
export function hasBearer(request: Request): boolean {
  return /^Bearer \S+$/.test(request.headers.get('Authorization') ?? '');
}

export const cardHandlers = [
  http.post('/api/card', async ({ request }) => {
    if (!hasBearer(request)) return problem('UNAUTHENTICATED', 'Sign-in required');
    const lookup = cardLookupSchema.safeParse(await request.json().catch(() => null));
    if (!lookup.success) return problem('BAD_REQUEST', 'Invalid card lookup', lookup.error.issues[0]?.message);
    return HttpResponse.json(answerLookup(lookup.data));
  }),
];

export const handlers = [...cardHandlers];
