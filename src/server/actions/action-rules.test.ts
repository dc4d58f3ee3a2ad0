import { describe, expect, it } from 'vitest';
import { defaultActionSettings } from '../../shared/actions';
import { limitRefusal, userErrorProblem } from './action-rules';

const agent = { sub: 'agent-1', role: 'agent' as const };
const admin = { sub: 'admin-1', role: 'admin' as const };
const limited = { ...defaultActionSettings, refundLimit: { amount: '50.00', currencyCode: 'USD' } };

describe('action rules', () => {
  it('limits agents per refund in the shop’s currency, never admins', () => {
    expect(limitRefusal(agent, limited, { amount: '50.00', currencyCode: 'USD' })).toBeNull();
    expect(limitRefusal(agent, limited, { amount: '50.01', currencyCode: 'USD' })).toBe(
      'Refunds by agents are limited to 50.00 USD each; this one is 50.01 USD. An admin can refund it, or raise the limit.',
    );
    expect(limitRefusal(agent, limited, { amount: '10.00', currencyCode: 'EUR' })).toMatch(
      /limit for agents is in USD, but the shop's currency is EUR/,
    );
    expect(limitRefusal(agent, defaultActionSettings, { amount: '1.00', currencyCode: 'USD' })).toMatch(/no limit set yet/);
    expect(limitRefusal(admin, limited, { amount: '5000.00', currencyCode: 'USD' })).toBeNull();
  });

  it('turns Shopify’s userErrors into one sentence, with the fields they concern', () => {
    const problem = userErrorProblem('refund', [
      { field: ['refundLineItems', '0', 'quantity'], message: 'Quantity cannot refund more items than were purchased (0 left to refund)' },
    ]);
    expect(problem.code).toBe('SHOPIFY_USER_ERROR');
    expect(problem.detail).toBe('Shopify did not refund: Quantity cannot refund more items than were purchased (0 left to refund).');
    expect(problem.errors).toEqual([{ path: 'refundLineItems.0.quantity', message: expect.stringContaining('Quantity') }]);
  });
});
