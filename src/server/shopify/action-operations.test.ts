import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { actionOperations } from './action-operations';

const schema = buildSchema(readFileSync(new URL('../../../mocks/shopify/schema/admin-2026-01.graphql', import.meta.url), 'utf8'), {
  assumeValidSDL: true,
});

describe('order action operations', () => {
  it('each validates against the vendored Admin API schema', () => {
    for (const [name, operation] of Object.entries(actionOperations)) {
      expect({ name, errors: validate(schema, parse(operation)).map((error) => error.message) }).toEqual({ name, errors: [] });
    }
  });

  it('refundCreate carries the idempotency key to Shopify', () => {
    expect(actionOperations.refundCreateOperation).toMatch(/refundCreate\(input: \$input\) @idempotent\(key: \$key\)/);
  });
});
