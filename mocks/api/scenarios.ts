/**
 * Named states of the card's API, for tests (`server.use(...cardScenarios.throttled())`) and for
 * front-end work in the browser (`?mockScenario=throttled`).
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { ProblemCode } from '../../src/shared/problem';
import { cardLookupSchema, orderDetailsRequestSchema, type CardResponse, type MissingSetup } from '../../src/shared/wire';
import { configurationPendingCard, findOrder, multipleCard, notFoundCard, orderDetails } from './fixtures';
import { answerLookup } from './handlers';
import { problem } from './problems';

const CARD = '/api/card';
const ORDERS = '/api/card/orders';
const ORDER = '/api/card/order';

/** Answers every card lookup with `response`, except lookups by customer id, which find the picked customer. */
function answerAll(response: () => CardResponse): RequestHandler[] {
  return [
    http.post(CARD, async ({ request }) => {
      const lookup = cardLookupSchema.safeParse(await request.json().catch(() => null));
      if (lookup.success && lookup.data.customerId) return HttpResponse.json(answerLookup(lookup.data));
      return HttpResponse.json(response());
    }),
  ];
}

/** Answers the conversation's own lookup with `response`; a search or a pick gets the usual answer. */
function answerFirst(response: () => CardResponse): RequestHandler[] {
  let answered = false;
  return [
    http.post(CARD, async ({ request }) => {
      const lookup = cardLookupSchema.safeParse(await request.json().catch(() => null));
      if (answered || !lookup.success || lookup.data.customerId || lookup.data.orderNumber) return undefined;
      answered = true;
      return HttpResponse.json(response());
    }),
  ];
}

/** The matched card as the BFF changes it: `change` edits a copy of the usual answer. */
function matchedWith(change: (card: Extract<CardResponse, { state: 'matched' }>) => void): RequestHandler[] {
  return [
    http.post(CARD, async ({ request }) => {
      const lookup = cardLookupSchema.safeParse(await request.json().catch(() => null));
      if (!lookup.success) return undefined;
      const card = answerLookup(lookup.data);
      if (card.state === 'matched') change(card);
      return HttpResponse.json(card);
    }),
  ];
}

const shopifyFault = (code: ProblemCode, title: string) => () => [http.post(CARD, () => problem(code, title))];

export const cardScenarios = {
  configurationPending: (role: 'agent' | 'admin' = 'agent', missing: MissingSetup[] = ['credential', 'mapping']) =>
    answerAll(() => configurationPendingCard(role, missing)),
  configurationPendingAdmin: () => answerAll(() => configurationPendingCard('admin')),
  /** Nobody has the conversation's identifier; a search still finds who it finds. */
  notFound: () => answerFirst(() => notFoundCard()),
  multiple: () => answerAll(() => multipleCard()),
  /** Shopify failed and the BFF answered with its last good card, five minutes old. */
  stale: () => matchedWith((card) => (card.stale = { reason: 'SHOPIFY_UNREACHABLE', ageSeconds: 300 })),
  /**
   * Shopify is late: the BFF answers at once with its last good card, five minutes old, while it
   * fetches the fresh one, which the card's next ask gets.
   */
  slowToAnswer: () => {
    let asked = 0;
    return matchedWith((card) => {
      asked += 1;
      if (asked === 1) card.stale = { reason: 'SHOPIFY_SLOW', ageSeconds: 300, refreshing: true };
    });
  },
  /** The app lacks `read_all_orders`: Shopify shows the last 60 days of orders only. */
  recentOrdersOnly: () => matchedWith((card) => (card.shop.allOrdersVisible = false)),
  throttled: () => [
    http.post(CARD, () => problem('SHOPIFY_THROTTLED', 'Shopify is throttling requests', 'Query cost exceeded the bucket')),
  ],
  unreachable: shopifyFault('SHOPIFY_UNREACHABLE', 'Shopify could not be reached'),
  shopifyError: () => [http.post(CARD, () => problem('SHOPIFY_ERROR', 'Shopify answered with an error', 'HTTP 500'))],
  credentialsInvalid: shopifyFault('CREDENTIALS_INVALID', 'Shopify rejected the credential'),
  /** APP_SECRET changed and the stored secret cannot be opened any more. */
  credentialUnreadable: () => [http.post(CARD, () => problem('CREDENTIAL_UNREADABLE', 'The stored credential cannot be read'))],
  shopNotFound: shopifyFault('SHOP_NOT_FOUND', 'Shopify does not know this shop'),
  shopNotPermitted: shopifyFault('SHOP_NOT_PERMITTED', 'The app may not use this shop'),
  paymentRequired: shopifyFault('SHOPIFY_PAYMENT_REQUIRED', 'The shop is frozen'),
  scopeMissing: shopifyFault('SHOPIFY_SCOPE_MISSING', 'The app lacks an access scope'),
  locked: shopifyFault('SHOPIFY_LOCKED', 'The shop is locked'),
  sessionExpired: () => [http.post(CARD, () => problem('TOKEN_EXPIRED', 'The token has expired'))],
  unauthenticated: () => [http.post(CARD, () => problem('UNAUTHENTICATED', 'Sign-in required'))],
  forbidden: () => [http.post(CARD, () => problem('FORBIDDEN', 'Not allowed'))],
  internal: () => [http.post(CARD, () => problem('INTERNAL', 'Internal error'))],
  /** The BFF itself cannot be reached (the connection fails). */
  offline: () => [http.post(CARD, () => HttpResponse.error())],
  /** A realistic pause before the happy path answers. */
  slow: (ms = 2_500) => [
    http.post(CARD, async () => {
      await delay(ms);
      // No answer here: the base handlers take the request after the pause.
    }),
  ],
  /** Never answers: the card stays in its loading state. */
  loading: () => [http.post(CARD, () => delay('infinite'))],
  /** "Load more" meets a throttled shop. */
  ordersThrottled: () => [http.post(ORDERS, () => problem('SHOPIFY_THROTTLED', 'Shopify is throttling requests'))],
  /** "Load more" waits until the test lets it go. */
  ordersSlow: (ms = 300) => [
    http.post(ORDERS, async () => {
      await delay(ms);
    }),
  ],
  /** Order details never arrive. */
  orderLoading: () => [http.post(ORDER, () => delay('infinite'))],
  /** Order details served from the BFF's cache while Shopify is down, five minutes old. */
  orderStale: () => [
    http.post(ORDER, async ({ request }) => {
      const asked = orderDetailsRequestSchema.safeParse(await request.json().catch(() => null));
      const found = asked.success ? findOrder({ id: asked.data.orderId }) : null;
      if (!found) return undefined;
      return HttpResponse.json({ ...orderDetails(found.order), stale: { reason: 'SHOPIFY_UNREACHABLE', ageSeconds: 300 } });
    }),
  ],
  orderNotFound: () => [http.post(ORDER, () => problem('NOT_FOUND', 'Shopify has no such order, or it is older than this app may see.'))],
  orderUnreachable: () => [http.post(ORDER, () => problem('SHOPIFY_UNREACHABLE', 'Shopify could not be reached'))],
} satisfies Record<string, (...args: never[]) => RequestHandler[]>;

export type CardScenario = keyof typeof cardScenarios;

export function isCardScenario(name: string): name is CardScenario {
  return Object.hasOwn(cardScenarios, name);
}
