import { describe, expect, it } from 'vitest';
import { personas } from './personas';
import { createTestStore, dig, graphql } from './test-support';

const byIdentifier = `query Find($identifier: CustomerIdentifierInput!) {
  customerByIdentifier(identifier: $identifier) { id displayName }
}`;

async function find(identifier: Record<string, unknown>, scopes?: string[]) {
  const store = createTestStore(scopes ? { grantedScopes: scopes } : {});
  const answer = await graphql(store, byIdentifier, { identifier });
  return { id: dig(answer.body.data, 'customerByIdentifier', 'id') ?? null, errors: answer.body.errors };
}

describe('customerByIdentifier, as Shopify answers it', () => {
  it('finds one customer by email whatever its case, and by phone with or without separators', async () => {
    expect((await find({ emailAddress: ' Amelie.Dubois@EXAMPLE.fr ' })).id).toBe(personas.amelie.id);
    expect((await find({ phoneNumber: '+33 6 12 34 56 78' })).id).toBe(personas.amelie.id);
    expect((await find({ phoneNumber: '+33612345678' })).id).toBe(personas.amelie.id);
  });

  it('reads no search syntax: a wildcard or an operator is a character like any other, and finds nobody', async () => {
    for (const emailAddress of ['*', 'amelie*', 'email:amelie.dubois@example.fr', 'a OR b']) {
      expect((await find({ emailAddress })).id, emailAddress).toBeNull();
    }
  });

  it('matches a customer’s own phone only, not a phone on an address', async () => {
    expect((await find({ phoneNumber: '+12065550199' })).id).toBeNull();
    expect((await find({ phoneNumber: '+61491570156' })).id).toBeNull();
    expect((await find({ phoneNumber: '+61412345678' })).id).toBe(personas.jack.id);
  });

  it('wants exactly one identifier', async () => {
    const both = await find({ emailAddress: 'amelie.dubois@example.fr', phoneNumber: '+33612345678' });
    expect(both.id).toBeNull();
    expect(JSON.stringify(both.errors)).toContain('Exactly one of');
  });

  it('needs read_customers', async () => {
    const denied = await find({ emailAddress: 'amelie.dubois@example.fr' }, ['read_orders']);
    expect(JSON.stringify(denied.errors)).toContain('ACCESS_DENIED');
  });
});
