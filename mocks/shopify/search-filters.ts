import { countries } from './geography';
import type { SearchFilters, SearchTerm } from './search-query';
import type { CustomerRecord, OrderRecord } from './seed-model';

/**
 * The search filters of `customers(query:)` and `orders(query:)`, with Shopify's matching rules:
 * emails match exactly but case-insensitively, phones exactly in E.164, names and tags
 * case-insensitively, numbers and dates with comparators.
 */

const fold = (value: string) => value.normalize('NFKC').toLocaleLowerCase('en');

export function textMatches(actual: string | null | undefined, term: SearchTerm): boolean {
  if (term.exists) return !!actual;
  if (actual === null || actual === undefined) return term.value === '';
  const [left, right] = [fold(actual), fold(term.value)];
  return term.prefix ? left.startsWith(right) : left === right;
}

function anyText(values: readonly (string | null)[], term: SearchTerm): boolean {
  return values.some((value) => textMatches(value, term));
}

function compare(actual: number, expected: number, comparator: SearchTerm['comparator']): boolean {
  switch (comparator) {
    case '=':
      return actual === expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
  }
}

export function numberMatches(actual: number, term: SearchTerm): boolean {
  const expected = Number(term.value);
  return term.value !== '' && Number.isFinite(expected) && compare(actual, expected, term.comparator);
}

const DAY = 86_400_000;
const SECOND = 1000;

/**
 * Dates compare at the granularity the value names: `2025-03-01` is the whole (UTC) day, so
 * `>2025-03-01` starts the next day; a timestamp is a whole second, as Shopify's search keeps
 * whole seconds (a record updated at 10:00:00.700 is `>=10:00:00.900Z`, and not `>10:00:00Z`);
 * `now` is the store's anchor.
 */
export function dateMatches(actual: number, term: SearchTerm, now: number): boolean {
  const value = term.value.trim();
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const parsed = value.toLowerCase() === 'now' ? now : Date.parse(dayOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(parsed)) return false;
  const start = dayOnly ? parsed : Math.floor(parsed / SECOND) * SECOND;
  const end = start + (dayOnly ? DAY : SECOND);
  const time = Math.floor(actual / SECOND) * SECOND;
  switch (term.comparator) {
    case '=':
      return time >= start && time < end;
    case '<':
      return time < start;
    case '<=':
      return time < end;
    case '>':
      return time >= end;
    case '>=':
      return time >= start;
  }
}

/** Free text matches whole values or the start of any word in them, ignoring case and accents. */
export function freeTextMatches(values: readonly (string | null)[], term: SearchTerm): boolean {
  const loose = (value: string) => fold(value).normalize('NFD').replace(/\p{M}/gu, '');
  const wanted = loose(term.value);
  if (wanted === '') return true;
  return values.some((value) => {
    if (!value) return false;
    const haystack = loose(value);
    if (term.quoted) return haystack.includes(wanted);
    if (haystack.startsWith(wanted)) return true;
    return haystack.split(/[\s@.,\-_+#/()]+/u).some((word) => word.startsWith(wanted));
  });
}

function countryMatches(code: string | null | undefined, term: SearchTerm): boolean {
  if (!code) return false;
  const name = (countries as Record<string, { name: string }>)[code]?.name ?? null;
  return textMatches(code, term) || textMatches(name, term);
}

export type CustomerSearchRecord = { id: number; customer: CustomerRecord; ordersCount: number };

export function customerFilters(now: number): SearchFilters<CustomerSearchRecord> {
  return {
    fields: {
      email: ({ customer }, term) => textMatches(customer.email, term),
      phone: ({ customer }, term) => (term.exists ? !!customer.phone : customer.phone === term.value),
      state: ({ customer }, term) => textMatches(customer.state, term),
      tag: ({ customer }, term) => anyText(customer.tags, term),
      tag_not: ({ customer }, term) => !anyText(customer.tags, term),
      orders_count: ({ ordersCount }, term) => numberMatches(ordersCount, term),
      first_name: ({ customer }, term) => textMatches(customer.firstName, term),
      last_name: ({ customer }, term) => textMatches(customer.lastName, term),
      country: ({ customer }, term) => countryMatches(customer.defaultAddress?.countryCode, term),
      id: ({ customer }, term) => numberMatches(customer.id, term),
      created_at: ({ customer }, term) => dateMatches(customer.createdAt, term, now),
      updated_at: ({ customer }, term) => dateMatches(customer.updatedAt, term, now),
    },
    text: ({ customer }, term) =>
      // Shopify's default customer search also looks into the customer's addresses.
      freeTextMatches(
        [customer.firstName, customer.lastName, customer.email, customer.phone, ...customer.addresses.map((a) => a.phone)],
        term,
      ),
  };
}

const financialAliases: Record<string, string> = {
  pending: 'PENDING',
  authorized: 'AUTHORIZED',
  partially_paid: 'PARTIALLY_PAID',
  partially_refunded: 'PARTIALLY_REFUNDED',
  voided: 'VOIDED',
  paid: 'PAID',
  refunded: 'REFUNDED',
  expired: 'EXPIRED',
};
const fulfillmentAliases: Record<string, readonly string[]> = {
  shipped: ['FULFILLED'],
  fulfilled: ['FULFILLED'],
  partial: ['PARTIALLY_FULFILLED'],
  unshipped: ['UNFULFILLED'],
  unfulfilled: ['UNFULFILLED', 'PARTIALLY_FULFILLED'],
  restocked: ['RESTOCKED'],
  pending_fulfillment: ['PENDING_FULFILLMENT'],
  open: ['OPEN'],
  in_progress: ['IN_PROGRESS'],
  on_hold: ['ON_HOLD'],
  scheduled: ['SCHEDULED'],
  request_declined: ['REQUEST_DECLINED'],
};

export type OrderSearchRecord = { id: number; order: OrderRecord; customer: CustomerRecord | null };

export function orderFilters(now: number): SearchFilters<OrderSearchRecord> {
  return {
    fields: {
      // `name:#1001` and `name:1001` both find order #1001.
      name: ({ order }, term) =>
        term.comparator === '='
          ? textMatches(order.name, term) || textMatches(String(order.number), term)
          : numberMatches(order.number, { ...term, value: term.value.replace(/^#/, '') }),
      email: ({ order }, term) => textMatches(order.email, term),
      customer_id: ({ order }, term) => order.customerId !== null && numberMatches(order.customerId, term),
      financial_status: ({ order }, term) => order.financialStatus === (financialAliases[fold(term.value)] ?? term.value.toUpperCase()),
      fulfillment_status: ({ order }, term) =>
        (fulfillmentAliases[fold(term.value)] ?? [term.value.toUpperCase()]).includes(order.fulfillmentStatus),
      status: ({ order }, term) => {
        switch (fold(term.value)) {
          case 'open':
            return order.closedAt === null;
          case 'closed':
            return order.closedAt !== null;
          case 'cancelled':
            return order.cancelledAt !== null;
          case 'any':
            return true;
          default:
            return false;
        }
      },
      tag: ({ order }, term) => anyText(order.tags, term),
      tag_not: ({ order }, term) => !anyText(order.tags, term),
      id: ({ order }, term) => numberMatches(order.id, term),
      created_at: ({ order }, term) => dateMatches(order.createdAt, term, now),
      processed_at: ({ order }, term) => dateMatches(order.processedAt, term, now),
      updated_at: ({ order }, term) => dateMatches(order.updatedAt, term, now),
    },
    text: ({ order, customer }, term) =>
      freeTextMatches(
        [order.name, String(order.number), order.email, order.phone, customer?.firstName ?? null, customer?.lastName ?? null],
        term,
      ),
  };
}
