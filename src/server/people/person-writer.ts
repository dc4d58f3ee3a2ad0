import {
  isPeopleStandardField,
  isShopifyCustomerField,
  type AttributeType,
  type SavedPeopleMapping,
  type ShopifyCustomerField,
} from '../../shared/people';
import { readCustomerField, type SourceValue } from './customer-fields';
import { singleFields, type AttributeValue, type PersonWrite, type SingleField } from './people-store';

type Node = Record<string, unknown>;

/** A mapped value in the target's type; null when it does not fit (the mapping rules make that rare). */
function coerce(value: SourceValue, type: AttributeType | 'list' | 'email' | 'phone'): string | number | boolean | string[] | null {
  if (value === null) return null;
  switch (type) {
    case 'list':
      return Array.isArray(value) ? value : null;
    case 'string':
    case 'email':
    case 'phone':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
    case 'decimal': {
      // Decimals stay strings: a float could round an amount Shopify sent exactly.
      const decimal = typeof value === 'number' ? String(value) : value;
      return typeof decimal === 'string' && /^-?\d+(\.\d+)?$/.test(decimal) ? decimal : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString().slice(0, 10) : null;
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
  }
}

const asList = (value: SourceValue): string[] => (value === null ? [] : Array.isArray(value) ? value : [String(value)]);

/** The Shopify fields a mapping reads, for the query's selection. */
export function mappedSources(mapping: SavedPeopleMapping): ShopifyCustomerField[] {
  return [...new Set(mapping.mapping.rows.map((row) => row.source).filter(isShopifyCustomerField))];
}

/**
 * What the mapping makes of one Shopify customer: each row's value in its People field, in that field's type,
 * tagged with the mapping version. Fields that keep many values (emails, phones, tags) gather every row that
 * maps into them.
 */
export function personWrite(mapping: SavedPeopleMapping, customer: Node, addresses: readonly Node[]): PersonWrite {
  const types = new Map(mapping.mapping.attributes.map((attribute) => [attribute.key, attribute.type]));
  const write: PersonWrite = {
    shopifyCustomerId: String(customer.id),
    shopifyUpdatedAt: typeof customer.updatedAt === 'string' ? customer.updatedAt : null,
    mappingVersion: mapping.version,
    fields: {},
    attributes: {},
  };
  const many: Record<'emails' | 'phones' | 'tags', Set<string> | undefined> = { emails: undefined, phones: undefined, tags: undefined };
  for (const row of mapping.mapping.rows) {
    if (!isShopifyCustomerField(row.source)) continue;
    const value = readCustomerField(row.source, customer, addresses);
    if (row.target.kind === 'attribute') {
      const type = types.get(row.target.key);
      if (!type) continue;
      const coerced = coerce(value, type);
      // A value Shopify does not have leaves the attribute as it was, like an unmapped one.
      if (coerced !== null && !Array.isArray(coerced)) {
        write.attributes[row.target.key] = { value: coerced, type, mappingVersion: mapping.version } satisfies AttributeValue;
      }
      continue;
    }
    const field = row.target.field;
    if (!isPeopleStandardField(field)) continue;
    if (field === 'emails' || field === 'phones' || field === 'tags') {
      const set = (many[field] ??= new Set());
      for (const item of asList(value)) set.add(item);
      continue;
    }
    if ((singleFields as readonly string[]).includes(field)) {
      const coerced = coerce(value, field === 'birthDate' ? 'date' : 'string');
      write.fields[field as SingleField] = coerced === null ? null : String(coerced);
    }
  }
  for (const key of ['emails', 'phones', 'tags'] as const) {
    const set = many[key];
    if (set) write[key] = [...set];
  }
  return write;
}
