import type { FieldKey } from '../../shared/fields';
import type { FieldMapping } from '../../shared/mapping';
import { shopifyFields } from './shopify-fields';

/** Orders on the first page of a card open. */
export const FIRST_PAGE_SIZE = 10;
/** Orders per "Load more". */
export const NEXT_PAGE_SIZE = 25;

/**
 * The app's granted scopes ride along with every card open (a couple of cost points), so the card
 * always knows whether Shopify hides orders older than 60 days, without a request of its own.
 */
const APP_SCOPES = 'currentAppInstallation { accessScopes { handle } }';
export type AppScopes = { currentAppInstallation: { accessScopes: { handle: string }[] } };

/**
 * Every order carries what its problem flags are computed from: four scalars (free), its first
 * payments and its disputes (a few points an order), so a charge made twice or a chargeback is
 * flagged whatever fields the admin chose.
 */
const FLAG_FIELDS =
  'createdAt cancelledAt displayFinancialStatus displayFulfillmentStatus flagPayments: transactions(first: 5) { kind status } disputes { status }';

function selections(keys: readonly FieldKey[]): string {
  return [...new Set(keys.map((key) => shopifyFields[key].selection))].join('\n      ');
}

/**
 * The operations for one mapping, each named and selecting only the configured fields. A card
 * open is one request: the customer with their detail fields and the first page of orders with
 * the order-card fields. An email or a phone finds its customer exactly (`customerByIdentifier`:
 * Shopify keeps both unique to one customer), with no search syntax at all.
 */
export function cardOperations(mapping: FieldMapping) {
  const orderCard = `id
      name
      ${FLAG_FIELDS}
      ${selections(mapping.orderCard)}`;
  const fragment = `fragment CardCustomer on Customer {
  id
  displayName
  numberOfOrders
  ${selections(mapping.customerDetails)}
  orders(first: $first, sortKey: CREATED_AT, reverse: true) {
    nodes {
      ${orderCard}
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
  return {
    byEmail: `query CardOpenByEmail($email: String!, $first: Int!) {
  customer: customerByIdentifier(identifier: { emailAddress: $email }) { ...CardCustomer }
  ${APP_SCOPES}
}
${fragment}`,
    byPhone: `query CardOpenByPhone($phone: String!, $first: Int!) {
  customer: customerByIdentifier(identifier: { phoneNumber: $phone }) { ...CardCustomer }
  ${APP_SCOPES}
}
${fragment}`,
    byId: `query CardOpenById($id: ID!, $first: Int!) {
  customer(id: $id) { ...CardCustomer }
  ${APP_SCOPES}
}
${fragment}`,
    byOrder: `query CardOpenByOrder($query: String!, $first: Int!) {
  orders(first: 1, query: $query, sortKey: CREATED_AT, reverse: true) {
    nodes {
      ${orderCard}
      customer { ...CardCustomer }
    }
  }
  ${APP_SCOPES}
}
${fragment}`,
    orderPage: `query CustomerOrders($id: ID!, $first: Int!, $after: String!) {
  customer(id: $id) {
    orders(first: $first, after: $after, sortKey: CREATED_AT, reverse: true) {
      nodes {
      ${orderCard}
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`,
    orderDetails: `query OrderDetails($id: ID!) {
  order(id: $id) {
    id
    name
    ${selections(mapping.orderDetails)}
  }
}`,
  };
}

/**
 * Shopify has no search filter for the phones on a customer's addresses, so a phone that is no
 * customer's own is searched as free text (the E.164 number, quoted), and each hit is kept only
 * when one of its addresses really carries that phone. Each hit comes with what tells it apart,
 * for the agent to pick when there are several.
 */
/** The customers a name finds, with what tells them apart, for the agent to pick when there are several. */
export const customersByNameOperation = `query CustomersByName($query: String!) {
  customers(first: 10, query: $query, sortKey: RELEVANCE) {
    nodes {
      id
      displayName
      numberOfOrders
      defaultEmailAddress { emailAddress }
      defaultPhoneNumber { phoneNumber }
    }
    pageInfo { hasNextPage }
  }
}`;

export const customersByAddressPhoneOperation = `query CustomersByAddressPhone($query: String!) {
  customers(first: 5, query: $query) {
    nodes {
      id
      displayName
      numberOfOrders
      defaultEmailAddress { emailAddress }
      defaultPhoneNumber { phoneNumber }
      addressesV2(first: 10) { nodes { phone } }
    }
  }
}`;
