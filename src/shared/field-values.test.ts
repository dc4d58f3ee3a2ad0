import { describe, expect, it } from 'vitest';
import { fieldValueSchema, formatSchemas, type FieldFormat, type FormatValue } from './field-values';
import type { FieldDefinition } from './fields';

/** One value of every format; a format added without a sample here does not compile. */
const samples: { [F in FieldFormat]: FormatValue[F] } = {
  text: 'Leave at the door',
  email: 'amelie.dubois@example.fr',
  phone: '+33612345678',
  number: 12,
  money: { amount: '129.00', currencyCode: 'EUR' },
  date: '2026-10-29T16:02:00Z',
  status: 'PARTIALLY_REFUNDED',
  address: ['Amélie Dubois', '12 rue des Lilas', '69003 Lyon', 'France'],
  tags: ['VIP'],
  lineItems: [
    {
      title: 'Linen shirt',
      variantTitle: 'M',
      quantity: 1,
      sku: null,
      imageUrl: null,
      imageAlt: null,
      unitPrice: { amount: '49.00', currencyCode: 'EUR' },
    },
  ],
  tracking: [{ company: 'Colissimo', number: '6A12345678901', url: null }],
  shipments: [
    {
      status: 'DELIVERED',
      estimatedDeliveryAt: null,
      deliveredAt: '2026-10-31T11:00:00Z',
      items: ['1 × Linen shirt'],
      tracking: [{ company: 'Colissimo', number: '6A12345678901', url: null }],
    },
  ],
  transactions: [
    { kind: 'SALE', status: 'SUCCESS', gateway: 'shopify_payments', amount: { amount: '49.00', currencyCode: 'EUR' }, at: null },
  ],
  refunds: [{ amount: { amount: '10.00', currencyCode: 'EUR' }, at: '2026-11-01T09:00:00Z', note: null }],
  cancellation: { at: '2026-11-01T09:00:00Z', reason: 'CUSTOMER', note: 'Asked by phone' },
};

describe('the wire of field values', () => {
  it.each(Object.keys(formatSchemas) as FieldFormat[])('takes a %s value, by its own schema and as any field value', (format) => {
    expect(formatSchemas[format].safeParse(samples[format]).success).toBe(true);
    expect(fieldValueSchema.safeParse(samples[format]).success).toBe(true);
  });

  it('refuses what no format is', () => {
    expect(fieldValueSchema.safeParse({ amount: 12 }).success).toBe(false);
    expect(fieldValueSchema.safeParse([{ title: 'Linen shirt' }]).success).toBe(false);
  });

  it('knows no format without a schema', () => {
    const percent = { entity: 'order', label: 'Discount', format: 'percent' } as const;
    // @ts-expect-error A format exists only with its schema in formatSchemas.
    const definition: FieldDefinition = percent;
    expect(definition.format in formatSchemas).toBe(false);
  });
});
