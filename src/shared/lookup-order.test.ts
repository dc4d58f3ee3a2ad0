import { describe, expect, it } from 'vitest';
import { lookupKey, lookupSteps } from './lookup-order';

describe('the lookup order', () => {
  it('lets a customer id or an order number stand alone', () => {
    expect(lookupSteps({ customerId: 'gid://shopify/Customer/1', email: 'a@example.com' })).toEqual([
      { kind: 'customerId', value: 'gid://shopify/Customer/1' },
    ]);
    expect(lookupSteps({ orderNumber: '#1042', phone: '+447700900123' })).toEqual([{ kind: 'orderNumber', value: '#1042' }]);
  });

  it('tries the email, then the phone', () => {
    expect(lookupSteps({ phone: '+447700900123', email: 'a@example.com' })).toEqual([
      { kind: 'email', value: 'a@example.com' },
      { kind: 'phone', value: '+447700900123' },
    ]);
    expect(lookupSteps({ phone: '+447700900123' })).toEqual([{ kind: 'phone', value: '+447700900123' }]);
  });

  it('gives equal questions one key', () => {
    const lower = (step: { value: string }) => step.value.toLowerCase();
    expect(lookupKey({ email: 'A@Example.com', phone: '1' }, lower)).toBe(lookupKey({ email: 'a@example.com', phone: '1' }, lower));
    expect(lookupKey({ email: 'a@example.com' })).not.toBe(lookupKey({ email: 'a@example.com', phone: '+1' }));
  });
});
