import { shopifyCustomerFields, type ShopifyCustomerField } from '../../shared/people';
import { normalisePhone } from '../card/phone';

type Node = Record<string, unknown>;
export type SourceValue = string | number | boolean | string[] | null;

type FieldReader = {
  /** Where the value sits on Shopify's `Customer`: a path of scalar and object fields. */
  path: readonly string[];
  read: (node: Node) => SourceValue;
};

function at(node: unknown, path: readonly string[]): unknown {
  let current = node;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Node)[key];
  }
  return current;
}

const text = (path: readonly string[]): FieldReader => ({
  path,
  read: (node) => {
    const value = at(node, path);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  },
});

const flag = (path: readonly string[]): FieldReader => ({
  path,
  read: (node) => (typeof at(node, path) === 'boolean' ? (at(node, path) as boolean) : null),
});

/**
 * How the BFF reads each mappable Shopify customer field. Only fields the mapping names are asked of Shopify
 * (its protected-customer-data rules, and the query's cost). Address phones come from the `addressesV2`
 * connection, read apart (`addressPhones`).
 */
export const customerFieldReaders: Record<Exclude<ShopifyCustomerField, 'addressPhones'>, FieldReader> = {
  firstName: text(['firstName']),
  lastName: text(['lastName']),
  displayName: text(['displayName']),
  email: {
    path: ['defaultEmailAddress', 'emailAddress'],
    read: (node) => {
      const value = at(node, ['defaultEmailAddress', 'emailAddress']);
      return typeof value === 'string' && value.includes('@') ? value.trim().toLowerCase() : null;
    },
  },
  phone: {
    path: ['defaultPhoneNumber', 'phoneNumber'],
    read: (node) => {
      const value = at(node, ['defaultPhoneNumber', 'phoneNumber']);
      return typeof value === 'string' ? normalisePhone(value) : null;
    },
  },
  address1: text(['defaultAddress', 'address1']),
  address2: text(['defaultAddress', 'address2']),
  city: text(['defaultAddress', 'city']),
  province: text(['defaultAddress', 'province']),
  zip: text(['defaultAddress', 'zip']),
  country: text(['defaultAddress', 'countryCodeV2']),
  tags: {
    path: ['tags'],
    read: (node) => {
      const tags = at(node, ['tags']);
      return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : null;
    },
  },
  note: text(['note']),
  numberOfOrders: {
    path: ['numberOfOrders'],
    read: (node) => {
      const count = Number(at(node, ['numberOfOrders']));
      return Number.isSafeInteger(count) ? count : null;
    },
  },
  amountSpent: text(['amountSpent', 'amount']),
  amountSpentCurrency: text(['amountSpent', 'currencyCode']),
  createdAt: text(['createdAt']),
  updatedAt: text(['updatedAt']),
  emailMarketingConsent: {
    path: ['defaultEmailAddress', 'marketingState'],
    read: (node) => {
      const state = at(node, ['defaultEmailAddress', 'marketingState']);
      return typeof state === 'string' ? state === 'SUBSCRIBED' : null;
    },
  },
  state: text(['state']),
  locale: text(['locale']),
  verifiedEmail: flag(['verifiedEmail']),
  taxExempt: flag(['taxExempt']),
  customerId: text(['legacyResourceId']),
};

/** Phones on the customer's addresses, from the `addressesV2` nodes (inline, or collected from a bulk file). */
export function addressPhones(addresses: readonly Node[]): string[] {
  const phones = addresses.map((address) => (typeof address.phone === 'string' ? normalisePhone(address.phone) : null));
  return [...new Set(phones.filter((phone): phone is string => phone !== null))];
}

/** The value of one mapped field of a customer node. */
export function readCustomerField(field: ShopifyCustomerField, node: Node, addresses: readonly Node[]): SourceValue {
  return field === 'addressPhones' ? addressPhones(addresses) : customerFieldReaders[field].read(node);
}

/**
 * The GraphQL selection on `Customer` for these fields, paths merged (`defaultAddress { city countryCodeV2 }`),
 * always with `id` and `updatedAt`, which the sync keys and pages by. Address phones are not in it: the caller
 * adds the `addressesV2` connection the way its query needs (a bulk query or a page).
 */
export function customerSelection(fields: readonly ShopifyCustomerField[]): string {
  type Tree = Map<string, Tree>;
  const tree: Tree = new Map([
    ['id', new Map()],
    ['updatedAt', new Map()],
  ]);
  for (const field of fields) {
    if (field === 'addressPhones' || !Object.hasOwn(shopifyCustomerFields, field)) continue;
    let branch = tree;
    for (const key of customerFieldReaders[field].path) {
      let next = branch.get(key);
      if (!next) {
        next = new Map();
        branch.set(key, next);
      }
      branch = next;
    }
  }
  const print = (branch: Tree): string =>
    [...branch.entries()].map(([key, children]) => (children.size ? `${key} { ${print(children)} }` : key)).join(' ');
  return print(tree);
}
