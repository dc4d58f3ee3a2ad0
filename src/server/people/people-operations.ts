import type { ShopifyCustomerField } from '../../shared/people';
import { customerSelection } from './customer-fields';

export const ORDERS_PAGE = 50;
export const CHECKOUTS_PAGE = 50;
/** Address phones read per customer on a page (the bulk query reads them all). */
const ADDRESSES_PER_CUSTOMER = 5;
/** What a page may ask for, under Shopify's 1,000-point limit per query with room to spare. */
const PAGE_BUDGET = 900;

/**
 * Customers per incremental page for these fields: Shopify charges a point per object on every customer (the
 * customer, each nested object, the addresses connection), so a wider mapping reads smaller pages.
 */
export function customersPageSize(fields: readonly ShopifyCustomerField[]): number {
  const objects = 1 + (customerSelection(fields).match(/\{/g)?.length ?? 0);
  const addresses = fields.includes('addressPhones') ? 2 + ADDRESSES_PER_CUSTOMER : 0;
  return Math.max(1, Math.min(100, Math.floor((PAGE_BUDGET - 2) / (objects + addresses))));
}

const MONEY = 'shopMoney { amount currencyCode }';

/**
 * What an order contributes to a person's events: placed, each fulfillment, cancelled, each refund. The
 * fulfillments and refunds are plain lists on Order, so a bulk file keeps them inline.
 */
export const orderEventSelection = `id name createdAt updatedAt cancelledAt cancelReason totalPriceSet { ${MONEY} }
  fulfillments { id createdAt deliveredAt displayStatus }
  refunds { id createdAt note totalRefundedSet { ${MONEY} } }`;

const checkoutSelection = `id createdAt updatedAt completedAt abandonedCheckoutUrl customer { id } totalPriceSet { ${MONEY} }
  lineItems(first: 5) { nodes { title quantity } }`;

/**
 * The first run's one bulk query: every customer with the mapped fields, its addresses' phones when mapped, and
 * its orders for their events. Connections carry no `first` (a bulk query reads all); nested connections'
 * nodes come as lines of their own with `__parentId`.
 */
export function peopleBulkQuery(fields: readonly ShopifyCustomerField[]): string {
  const addresses = fields.includes('addressPhones') ? 'addressesV2 { edges { node { id phone } } }' : '';
  return `{ customers { edges { node { ${customerSelection(fields)} ${addresses}
    orders { edges { node { ${orderEventSelection} } } } } } } }`;
}

export const runBulkQueryOperation = `#graphql
  mutation PeopleBulkRun($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }`;

export const bulkOperationStatusOperation = `#graphql
  query PeopleBulkStatus($id: ID!) {
    bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url partialDataUrl createdAt completedAt }
  }`;

export const customersCountOperation = `#graphql
  query PeopleCustomersCount { customersCount(limit: null) { count precision } }`;

/** An incremental page: customers changed since the mark, oldest change first, so the mark only moves forward. */
export function customersPageOperation(fields: readonly ShopifyCustomerField[]): string {
  const addresses = fields.includes('addressPhones') ? `addressesV2(first: ${ADDRESSES_PER_CUSTOMER}) { nodes { phone } }` : '';
  return `#graphql
  query PeopleCustomersChanged($query: String!, $after: String) {
    customers(first: ${customersPageSize(fields)}, after: $after, sortKey: UPDATED_AT, query: $query) {
      nodes { ${customerSelection(fields)} ${addresses} }
      pageInfo { hasNextPage endCursor }
    }
  }`;
}

export const ordersPageOperation = `#graphql
  query PeopleOrdersChanged($query: String!, $after: String) {
    orders(first: ${ORDERS_PAGE}, after: $after, sortKey: UPDATED_AT, query: $query) {
      nodes { customer { id } ${orderEventSelection} }
      pageInfo { hasNextPage endCursor }
    }
  }`;

/** Abandoned checkouts have no UPDATED_AT sort key: a run reads every page of its filter, in id order. */
export const checkoutsPageOperation = `#graphql
  query PeopleCheckoutsChanged($query: String!, $after: String) {
    abandonedCheckouts(first: ${CHECKOUTS_PAGE}, after: $after, sortKey: ID, query: $query) {
      nodes { ${checkoutSelection} }
      pageInfo { hasNextPage endCursor }
    }
  }`;

/** `updated_at:>='…'` at whole seconds, as Shopify's search compares them. */
export function changedSince(iso: string): string {
  return `updated_at:>='${new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z')}'`;
}
