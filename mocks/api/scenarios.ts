/**
 * Named states of the card's API, for tests (`server.use(...cardScenarios.throttled())`) and for
 * front-end work in the browser (`?mockScenario=throttled`).
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { cardLookupSchema, type CardResponse, type MissingSetup } from '../../src/shared/wire';
import { configurationPendingCard, multipleCard, notFoundCard } from './fixtures';
import { answerLookup } from './handlers';
import { problem } from './problems';

const CARD = '/api/card';

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

export const cardScenarios = {
  configurationPending: (role: 'agent' | 'admin' = 'agent', missing: MissingSetup[] = ['credential', 'mapping']) =>
    answerAll(() => configurationPendingCard(role, missing)),
  configurationPendingAdmin: () => answerAll(() => configurationPendingCard('admin')),
  notFound: () => answerAll(() => notFoundCard()),
  multiple: () => answerAll(() => multipleCard()),
  throttled: () => [http.post(CARD, () => problem('SHOPIFY_THROTTLED', 'Shopify is throttling requests', 'Query cost exceeded the bucket'))],
  unreachable: () => [http.post(CARD, () => problem('SHOPIFY_UNREACHABLE', 'Shopify could not be reached'))],
  shopifyError: () => [http.post(CARD, () => problem('SHOPIFY_ERROR', 'Shopify answered with an error', 'HTTP 500'))],
  credentialsInvalid: () => [http.post(CARD, () => problem('CREDENTIALS_INVALID', 'Shopify rejected the credential'))],
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
} satisfies Record<string, (...args: never[]) => RequestHandler[]>;

export type CardScenario = keyof typeof cardScenarios;

export function isCardScenario(name: string): name is CardScenario {
  return Object.hasOwn(cardScenarios, name);
}
