/**
 * The BFF API, happy path, grouped by domain. Error and empty states come per test through
 * `server.use(...)` or a named scenario from `scenarios.ts`.
 */
import { http, HttpResponse } from 'msw';
import {
  cardLookupSchema,
  orderDetailsRequestSchema,
  orderPageRequestSchema,
  type CardLookup,
  type CardResponse,
  type CustomerCandidate,
  type MatchedIdentifier,
} from '../../src/shared/wire';
import { lookupSteps } from '../../src/shared/lookup-order';
import {
  findOrder,
  matchedCard,
  multipleCard,
  NEXT_PAGE_SIZE,
  notFoundCard,
  orderDetails,
  orderPage,
  orderSummary,
  pickedSmithCard,
  sharedPhone,
  shoppers,
  smiths,
} from './fixtures';
import { actionHandlers } from './action-handlers';
import { configHandlers } from './config-handlers';
import { peopleHandlers } from './people-handlers';
import { problem } from './problems';

const digits = (phone: string) => phone.replace(/\D/g, '');

/** What the sandbox store holds, answered the way the BFF would. */
export function answerLookup(lookup: CardLookup): CardResponse {
  const tried: MatchedIdentifier[] = [];
  // The same order the BFF tries them in.
  for (const step of lookupSteps(lookup)) {
    if (step.kind === 'customerId') {
      const shopper = shoppers.find((s) => s.id === step.value);
      if (shopper) return matchedCard(shopper, { kind: 'customerId', value: shopper.id });
      const smith = smiths.find((s) => s.id === step.value);
      if (smith) return pickedSmithCard(smith);
      return notFoundCard([{ kind: 'customerId', value: step.value }]);
    }
    if (step.kind === 'orderNumber') {
      const found = findOrder({ name: step.value });
      if (found)
        return { ...matchedCard(found.shopper, { kind: 'orderNumber', value: found.order.name }), openOrder: orderSummary(found.order) };
      return notFoundCard([{ kind: 'orderNumber', value: step.value }]);
    }
    if (step.kind === 'name') {
      // Each word in the name, first or last, as Shopify's customer search matches it.
      const words = step.value.toLowerCase().split(' ');
      const named = (displayName: string) => words.every((word) => displayName.toLowerCase().split(' ').includes(word));
      const tried: MatchedIdentifier[] = [{ kind: 'name', value: step.value }];
      const found: CustomerCandidate[] = [
        ...shoppers.map(({ id, displayName, email, phone, numberOfOrders }) => ({ id, displayName, email, phone, numberOfOrders })),
        ...smiths,
      ].filter((candidate) => named(candidate.displayName));
      const [only, another] = found;
      if (!only) return notFoundCard(tried);
      if (another) return { state: 'multiple', tried, candidates: structuredClone(found) };
      const shopper = shoppers.find((s) => s.id === only.id);
      return shopper ? matchedCard(shopper, tried[0]) : pickedSmithCard(only);
    }
    if (step.kind === 'email') {
      const shopper = shoppers.find((s) => s.email.toLowerCase() === step.value.toLowerCase());
      if (shopper) return matchedCard(shopper, { kind: 'email', value: shopper.email });
      tried.push({ kind: 'email', value: step.value });
      continue;
    }
    if (digits(step.value) === digits(sharedPhone)) return multipleCard(sharedPhone);
    const shopper = shoppers.find((s) => digits(s.phone) === digits(step.value));
    if (shopper) return matchedCard(shopper, { kind: 'phone', value: shopper.phone });
    tried.push({ kind: 'phone', value: step.value });
  }
  return notFoundCard(tried);
}

/** The token itself is not checked here; the BFF's own tests cover signatures and expiry. */
export function hasBearer(request: Request): boolean {
  return /^Bearer \S+$/.test(request.headers.get('Authorization') ?? '');
}

async function body(request: Request): Promise<unknown> {
  return request.json().catch(() => null);
}

export const cardHandlers = [
  http.post('/api/card', async ({ request }) => {
    if (!hasBearer(request)) return problem('UNAUTHENTICATED', 'Sign-in required');
    const lookup = cardLookupSchema.safeParse(await body(request));
    if (!lookup.success) return problem('BAD_REQUEST', 'Invalid card lookup', lookup.error.issues[0]?.message);
    return HttpResponse.json(answerLookup(lookup.data));
  }),
  http.post('/api/card/orders', async ({ request }) => {
    if (!hasBearer(request)) return problem('UNAUTHENTICATED', 'Sign-in required');
    const page = orderPageRequestSchema.safeParse(await body(request));
    if (!page.success) return problem('BAD_REQUEST', 'Invalid order page request', page.error.issues[0]?.message);
    const shopper = shoppers.find((s) => s.id === page.data.customerId);
    const from = /^cursor-(\d+)$/.exec(page.data.after)?.[1];
    if (!shopper || from === undefined) return problem('NOT_FOUND', 'Shopify has no such customer.');
    return HttpResponse.json({ orders: orderPage(shopper.history(), Number(from), NEXT_PAGE_SIZE), fetchedAt: '2026-11-20T08:31:00.000Z' });
  }),
  http.post('/api/card/order', async ({ request }) => {
    if (!hasBearer(request)) return problem('UNAUTHENTICATED', 'Sign-in required');
    const asked = orderDetailsRequestSchema.safeParse(await body(request));
    if (!asked.success) return problem('BAD_REQUEST', 'Invalid order request', asked.error.issues[0]?.message);
    const found = findOrder({ id: asked.data.orderId });
    if (!found) return problem('NOT_FOUND', 'Shopify has no such order, or it is older than this app may see.');
    return HttpResponse.json(orderDetails(found.order));
  }),
];

export const handlers = [...cardHandlers, ...configHandlers, ...peopleHandlers, ...actionHandlers];
