import { defaultFieldMapping } from '../../shared/mapping';
import type { CardLookup, CardResponse, MatchedCard, OrderSummary } from '../../shared/wire';

const order = (n: number): OrderSummary => ({
  id: `gid://shopify/Order/${n}`,
  name: `#${n}`,
  createdAt: '2026-01-01T10:00:00Z',
  fields: {
    'order.totalPrice': { amount: '10.00', currencyCode: 'EUR' },
    'order.displayFinancialStatus': n === 1 ? 'PAID' : 'REFUNDED',
    'order.displayFulfillmentStatus': 'FULFILLED',
  },
  flags: n === 1 ? [] : ['cancelled'],
});

const matched: MatchedCard = {
  state: 'matched',
  matchedBy: { kind: 'email', value: 'warm.up@example.com' },
  customer: { id: 'gid://shopify/Customer/1', displayName: 'Warm Up', numberOfOrders: 2, fields: { 'customer.numberOfOrders': 2 } },
  orders: { nodes: [order(1), order(2)], pageInfo: { hasNextPage: true, endCursor: 'warm-up' } },
  mapping: defaultFieldMapping,
  shop: { domain: 'warm-up.myshopify.com', allOrdersVisible: true },
  fetchedAt: '2026-01-01T10:00:00Z',
};

const tried = [{ kind: 'email' as const, value: 'warm.up@example.com' }];

/**
 * One answer of each kind the card shows, painted as the renderer loads: each view's code (and each lazy
 * view's chunk) is in and has run before the first agent's answer is painted.
 */
export const warmUpAnswers: { card: CardResponse; lookup: CardLookup }[] = [
  { card: matched, lookup: { email: 'warm.up@example.com' } },
  { card: { ...matched, openOrder: order(1) }, lookup: { orderNumber: '#1' } },
  { card: { state: 'not_found', tried }, lookup: { email: 'warm.up@example.com' } },
  {
    card: {
      state: 'multiple',
      tried,
      candidates: [1, 2].map((n) => ({
        id: `gid://shopify/Customer/${n}`,
        displayName: 'Warm Up',
        email: null,
        phone: null,
        numberOfOrders: n,
      })),
    },
    lookup: { email: 'warm.up@example.com' },
  },
  { card: { state: 'configuration_pending', missing: ['mapping'], viewer: { role: 'agent' } }, lookup: { email: 'warm.up@example.com' } },
];
