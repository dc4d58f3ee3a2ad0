import { parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { adminSchema } from '../../../mocks/shopify/schema';
import { analyseOperation } from '../../../mocks/shopify/cost';
import { shopifyCustomerFields, type ShopifyCustomerField } from '../../shared/people';
import {
  bulkOperationStatusOperation,
  checkoutsPageOperation,
  customersCountOperation,
  customersPageOperation,
  customersPageSize,
  ordersPageOperation,
  peopleBulkQuery,
  runBulkQueryOperation,
} from './people-operations';

const every = Object.keys(shopifyCustomerFields) as ShopifyCustomerField[];
const basic: ShopifyCustomerField[] = ['firstName', 'lastName', 'email', 'phone', 'addressPhones', 'city', 'country', 'tags'];

function check(operation: string, variables: Record<string, unknown> = {}) {
  const schema = adminSchema();
  const document = parse(operation);
  const errors = validate(schema, document).map((e) => e.message);
  const definition = document.definitions[0] as OperationDefinitionNode;
  const analysis = analyseOperation({ schema, operation: definition, fragments: {}, variables });
  return { errors, cost: analysis.requestedQueryCost, deprecated: analysis.deprecated, problems: analysis.problems.map((p) => p.message) };
}

describe('the People sync operations', () => {
  it('are valid against Shopify’s schema, use no deprecated field, and each page stays under 1,000 points', () => {
    for (const fields of [basic, every]) {
      for (const operation of [
        customersPageOperation(fields),
        ordersPageOperation,
        checkoutsPageOperation,
        bulkOperationStatusOperation,
        customersCountOperation,
      ]) {
        const result = check(operation, { query: "updated_at:>='2026-11-01T00:00:00Z'", after: null, id: 'gid://shopify/BulkOperation/1' });
        expect(result.errors).toEqual([]);
        expect(result.deprecated).toEqual([]);
        expect(result.problems).toEqual([]);
        expect(result.cost).toBeLessThanOrEqual(1_000);
      }
    }
    expect(check(runBulkQueryOperation, { query: '{ shop { id } }' }).errors).toEqual([]);
  });

  it('read wider mappings in smaller pages', () => {
    expect(customersPageSize(['firstName'])).toBe(100);
    expect(customersPageSize(every)).toBeLessThan(customersPageSize(basic));
  });

  it('build a bulk query Shopify accepts: valid, with the addresses and orders as nested connections', () => {
    for (const fields of [basic, every]) {
      const query = peopleBulkQuery(fields);
      expect(validate(adminSchema(), parse(query)).map((e) => e.message)).toEqual([]);
      expect(query).toContain('orders { edges { node {');
    }
    expect(peopleBulkQuery(basic)).toContain('addressesV2 { edges { node { id phone } } }');
    expect(peopleBulkQuery(['firstName'])).not.toContain('addressesV2');
  });
});
