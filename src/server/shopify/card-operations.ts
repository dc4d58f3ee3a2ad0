import { fieldDefinition, type FieldKey } from '../../shared/fields';
import type { FieldMapping } from '../../shared/mapping';

/** Orders on the first page of a card open. */
export const FIRST_PAGE_SIZE = 10;
/** How many matching customers the card open asks for: two tell "one" from "several". */
export const MATCH_PROBE = 2;

/**
 * The app's granted scopes ride along with every card open (a couple of cost points), so the card
 * always knows whether Shopify hides orders older than 60 days, without a request of its own.
 */
const APP_SCOPES = 'currentAppInstallation { accessScopes { handle } }';
export type AppScopes = { currentAppInstallation: { accessScopes: { handle: string }[] } };

function selections(keys: readonly FieldKey[]): string {
  return [...new Set(keys.map((key) => fieldDefinition(key).selection))].join('\n      ');
}

/**
 * The card-open operations for one mapping: the customer, their configured detail fields and the first
 * page of orders with the order-card fields, in one request. Only configured fields are selected.
 */
export function cardOperations(mapping: FieldMapping) {
  const fragment = `fragment CardCustomer on Customer {
  id
  displayName
  numberOfOrders
  ${selections(mapping.customerDetails)}
  orders(first: $first, sortKey: CREATED_AT, reverse: true) {
    nodes {
      id
      name
      ${selections(mapping.orderCard)}
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
  return {
    bySearch: `query CardOpen($query: String!, $first: Int!) {
  customers(first: ${MATCH_PROBE}, query: $query) { nodes { ...CardCustomer } }
  ${APP_SCOPES}
}
${fragment}`,
    byId: `query CardOpenById($id: ID!, $first: Int!) {
  customer(id: $id) { ...CardCustomer }
  ${APP_SCOPES}
}
${fragment}`,
  };
}

/** The agent picks among several matches; only what tells them apart is fetched. */
export const customerCandidatesOperation = `query CustomerCandidates($query: String!) {
  customers(first: 10, query: $query) {
    nodes {
      id
      displayName
      numberOfOrders
      defaultEmailAddress { emailAddress }
      defaultPhoneNumber { phoneNumber }
    }
  }
}`;
