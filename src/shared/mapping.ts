import * as z from 'zod/mini';
import { fieldCatalogue, fieldDefinition, fieldKeys, isFieldKey, type FieldEntity, type FieldKey } from './fields';

export const ORDER_CARD_MAX = 3;
export const DETAILS_MIN = 3;
export const DETAILS_MAX = 24;

export const defaultFieldMapping: FieldMapping = {
  orderCard: ['order.totalPrice', 'order.displayFinancialStatus', 'order.displayFulfillmentStatus'],
  orderDetails: [
    'order.cancellation',
    'order.shipments',
    'order.lineItems',
    'order.transactions',
    'order.refunds',
    'order.shippingAddress',
  ],
  customerDetails: ['customer.displayName', 'customer.email', 'customer.phone', 'customer.numberOfOrders', 'customer.amountSpent'],
};

function fieldKeyOf(entity: FieldEntity) {
  const message = `Unknown ${entity} field`;
  return z.enum(fieldKeys, message).check(z.refine((key) => fieldCatalogue[key].entity === entity, { message }));
}

function fieldList(entity: FieldEntity, min: number, max: number, what: string, extra?: ReturnType<typeof z.refine<FieldKey[]>>) {
  return z.array(fieldKeyOf(entity)).check(
    ...(extra ? [extra] : []),
    z.minLength(min, `${what} needs at least ${min} field${min === 1 ? '' : 's'}`),
    z.maxLength(max, `${what} takes at most ${max} fields`),
    z.refine((keys) => new Set(keys).size === keys.length, { message: `${what} lists a field twice` }),
  );
}

export const fieldMappingSchema = z.object({
  orderCard: fieldList(
    'order',
    1,
    ORDER_CARD_MAX,
    'Order card information',
    z.refine((keys: FieldKey[]) => keys.every((key) => !isFieldKey(key) || !fieldDefinition(key).detailsOnly), {
      message: 'Line items, shipments, payments, refunds and tracking are shown in the order details, not on the order card',
    }),
  ),
  orderDetails: fieldList('order', DETAILS_MIN, DETAILS_MAX, 'Order details information'),
  customerDetails: fieldList('customer', DETAILS_MIN, DETAILS_MAX, 'Customer details information'),
});

/** What the admin chose to show: the order card (at most three), order details and customer details. */
export type FieldMapping = z.infer<typeof fieldMappingSchema>;
