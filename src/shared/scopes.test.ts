import { describe, expect, it } from 'vitest';
import { credentialAllows } from './scope-uses';
import { grantsScope, missingScopes } from './scopes';

describe('what a credential’s scopes allow', () => {
  it('counts a read scope as granted with its write scope, and not the other way round', () => {
    expect(grantsScope(['write_orders'], 'read_orders')).toBe(true);
    expect(grantsScope(['read_orders'], 'write_orders')).toBe(false);
    expect(missingScopes(['read_customers', 'write_orders'], ['read_customers', 'read_orders', 'write_customers'])).toEqual([
      'write_customers',
    ]);
  });

  it('allows the card and the People sync with customers and orders read, and names what each order action lacks', () => {
    const allows = credentialAllows(['read_customers', 'read_orders', 'write_draft_orders']);
    expect(allows.card.missing).toEqual([]);
    expect(allows.people).toEqual({ needs: ['read_customers', 'read_orders'], missing: [] });
    expect(Object.fromEntries(allows.actions.map((a) => [a.action, a.missing]))).toEqual({
      refund: ['write_orders'],
      cancel: ['write_orders'],
      orderTags: ['write_orders'],
      customerTags: ['write_customers'],
      orderNote: ['write_orders'],
      draftOrder: [],
    });
  });

  it('allows nothing without scopes', () => {
    const allows = credentialAllows([]);
    expect(allows.card.missing).toEqual(['read_customers', 'read_orders']);
    expect(allows.people.missing).toEqual(['read_customers', 'read_orders']);
    expect(allows.actions.every((a) => a.missing.length === 1)).toBe(true);
  });
});
