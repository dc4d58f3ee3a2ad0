import { describe, expect, it } from 'vitest';
import { defaultFieldMapping } from '../../shared/mapping';
import { badIdentifier, matchedCard, orderAdminUrl, type CustomerNode } from './card-answers';

const now = Date.parse('2026-11-25T12:00:00Z');
const customer: CustomerNode = {
  id: 'gid://shopify/Customer/7',
  displayName: 'Amélie Dubois',
  numberOfOrders: '12',
  defaultEmailAddress: { emailAddress: 'amelie@example.fr' },
  orders: {
    nodes: [{ id: 'gid://shopify/Order/9', name: '#1009', createdAt: '2026-11-01T00:00:00Z', displayFulfillmentStatus: 'UNFULFILLED' }],
    pageInfo: { hasNextPage: true, endCursor: 'c1' },
  },
};
const scopes = (handles: string[]) => ({ currentAppInstallation: { accessScopes: handles.map((handle) => ({ handle })) } });

describe("the card's answers", () => {
  it('build a matched card from Shopify’s customer, with the admin’s fields and the problem orders flagged', () => {
    const card = matchedCard(
      customer,
      { kind: 'email', value: 'amelie@example.fr' },
      {
        mapping: defaultFieldMapping,
        shopDomain: 'acme.myshopify.com',
        scopes: scopes(['read_orders']),
        now,
      },
    );
    expect(card).toMatchObject({
      state: 'matched',
      customer: { id: 'gid://shopify/Customer/7', numberOfOrders: 12, fields: { 'customer.email': 'amelie@example.fr' } },
      shop: { domain: 'acme.myshopify.com', allOrdersVisible: false },
      fetchedAt: '2026-11-25T12:00:00.000Z',
    });
    expect(card.state === 'matched' && card.orders.nodes[0]).toMatchObject({ id: 'gid://shopify/Order/9', flags: ['unfulfilledLong'] });
    const all = matchedCard(
      customer,
      { kind: 'email', value: 'x' },
      { mapping: defaultFieldMapping, shopDomain: 'a', scopes: scopes(['read_all_orders']), now },
    );
    expect(all.state === 'matched' && all.shop.allOrdersVisible).toBe(true);
  });

  it('link an order in the Shopify admin', () => {
    expect(orderAdminUrl('acme.myshopify.com', 'gid://shopify/Order/9')).toBe('https://admin.shopify.com/store/acme/orders/9');
  });

  it('name the identifier that cannot be looked up, and what to give instead', () => {
    expect(badIdentifier('phone')).toMatchObject({
      code: 'BAD_REQUEST',
      errors: [{ path: 'phone', message: 'Give a phone number with its country code, such as +44 7700 900123' }],
    });
  });
});
