import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldCatalogue, fieldKeys, fieldsOf, type FieldKey } from '../../shared/fields';
import { defaultFieldMapping, type FieldMapping } from '../../shared/mapping';
import { cardOperations, customersByAddressPhoneOperation } from './card-operations';
import { shopifyFields } from './shopify-fields';
import { verifyCredentialOperation } from './verify-credential';

let schema: GraphQLSchema | undefined;
function vendoredSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(new URL('../../../mocks/shopify/schema/admin-2026-01.graphql', import.meta.url), 'utf8'), {
    assumeValidSDL: true,
  });
  return schema;
}

function errorsOf(operation: string): string[] {
  return validate(vendoredSchema(), parse(operation)).map((e) => e.message);
}

/** Deprecated fields the document selects, found by walking it against the schema. */
function deprecatedFields(operation: string): string[] {
  const found: string[] = [];
  const sdl = readFileSync(new URL('../../../mocks/shopify/schema/admin-2026-01.graphql', import.meta.url), 'utf8');
  for (const type of ['Customer', 'Order', 'LineItem', 'MailingAddress', 'Fulfillment']) {
    const block = new RegExp(`^type ${type} [^{]*\\{([\\s\\S]*?)^\\}`, 'm').exec(sdl)?.[1] ?? '';
    for (const line of block.split('\n')) {
      const match = /^\s+(\w+)(?:\([^)]*\))?:[^@]*@deprecated/.exec(line);
      if (match?.[1] && new RegExp(`\\b${match[1]}\\b(?!:)`).test(operation.replace(/\(.*?\)/g, ''))) found.push(`${type}.${match[1]}`);
    }
  }
  return found;
}

const largest: FieldMapping = {
  orderCard: fieldsOf('order').slice(0, 3),
  orderDetails: fieldsOf('order'),
  customerDetails: fieldsOf('customer'),
};

describe('card-open operations', () => {
  it('validate against the vendored Admin API schema for the default and the largest mapping', () => {
    for (const mapping of [defaultFieldMapping, largest]) {
      for (const [name, operation] of Object.entries(cardOperations(mapping))) {
        expect({ name, errors: errorsOf(operation) }).toEqual({ name, errors: [] });
        expect(deprecatedFields(operation)).toEqual([]);
      }
    }
    for (const operation of [customersByAddressPhoneOperation, verifyCredentialOperation]) {
      expect(errorsOf(operation)).toEqual([]);
    }
  });

  it('every catalogue selection is valid on its entity', () => {
    for (const key of fieldKeys) {
      const type = fieldCatalogue[key].entity === 'order' ? 'Order' : 'Customer';
      const doc = `query Probe($id: ID!) { node(id: $id) { ... on ${type} { ${shopifyFields[key].selection} } } }`;
      expect({ key, errors: errorsOf(doc) }).toEqual({ key, errors: [] });
    }
  });

  it('selects only the configured fields and no deprecated ones', () => {
    const mapping: FieldMapping = {
      orderCard: ['order.name'],
      orderDetails: defaultFieldMapping.orderDetails,
      customerDetails: ['customer.email', 'customer.phone', 'customer.tags'],
    };
    const { byPhone } = cardOperations(mapping);
    expect(byPhone).toContain('defaultEmailAddress { emailAddress }');
    expect(byPhone).not.toContain('amountSpent');
    expect(byPhone).not.toContain('lineItems');
    expect(byPhone).toContain('sortKey: CREATED_AT, reverse: true');
    expect(deprecatedFields(byPhone)).toEqual([]);
    expect(deprecatedFields(cardOperations(largest).byPhone)).toEqual([]);
  });

  it('finds a customer by email or phone exactly, with no search syntax', () => {
    const { byEmail, byPhone } = cardOperations(defaultFieldMapping);
    expect(byEmail).toContain('customerByIdentifier(identifier: { emailAddress: $email })');
    expect(byPhone).toContain('customerByIdentifier(identifier: { phoneNumber: $phone })');
    for (const operation of [byEmail, byPhone]) expect(operation).not.toMatch(/query:|customers\(/);
  });

  it('finds a deprecated field when one is selected (the check itself works)', () => {
    expect(deprecatedFields('query { customer(id: "x") { email phone } }')).toEqual(['Customer.email', 'Customer.phone']);
  });

  it('names each operation', () => {
    const ops = cardOperations(defaultFieldMapping);
    const names = Object.values(ops).map((op) => parse(op).definitions.map((d) => ('name' in d ? d.name?.value : undefined))[0]);
    expect(names).toEqual(['CardOpenByEmail', 'CardOpenByPhone', 'CardOpenById', 'CardOpenByOrder', 'CustomerOrders', 'OrderDetails']);
    expect(Object.keys(fieldCatalogue).every((k) => k.startsWith('order.') || k.startsWith('customer.'))).toBe(true);
    const keys: FieldKey[] = defaultFieldMapping.orderCard;
    expect(keys.length).toBeLessThanOrEqual(3);
  });
});
