import { describe, expect, it } from 'vitest';
import { defaultFieldMapping, fieldMappingSchema } from './mapping';

describe('the field mapping rules', () => {
  it('accepts the default mapping', () => {
    expect(fieldMappingSchema.safeParse(defaultFieldMapping).success).toBe(true);
  });

  it('refuses a fourth order-card field, a field twice, an unknown field and too few detail rows', () => {
    const accepted = (mapping: unknown) => fieldMappingSchema.safeParse(mapping).success;
    expect(accepted({ ...defaultFieldMapping, orderCard: ['order.name', 'order.createdAt', 'order.totalPrice', 'order.note'] })).toBe(
      false,
    );
    expect(accepted({ ...defaultFieldMapping, orderDetails: ['order.name', 'order.name', 'order.note'] })).toBe(false);
    expect(accepted({ ...defaultFieldMapping, customerDetails: ['customer.email', 'customer.phone', 'customer.password'] })).toBe(false);
    expect(accepted({ ...defaultFieldMapping, customerDetails: ['customer.email', 'customer.phone'] })).toBe(false);
    expect(accepted({ ...defaultFieldMapping, orderCard: ['customer.email'] })).toBe(false);
  });

  it('keeps line items and tracking off the order card, where they would exceed Shopify’s query cost limit', () => {
    const result = fieldMappingSchema.safeParse({ ...defaultFieldMapping, orderCard: ['order.name', 'order.lineItems'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/order details, not on the order card/);
    expect(
      fieldMappingSchema.safeParse({ ...defaultFieldMapping, orderDetails: ['order.lineItems', 'order.tracking', 'order.name'] }).success,
    ).toBe(true);
  });
});
