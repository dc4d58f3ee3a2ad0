import { zValidator } from '@hono/zod-validator';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { gid, iso, type SeedIndex } from './graph-context';
import type { AbandonedCheckoutRecord, CustomerRecord, OrderRecord } from './seed-model';
import { abandonCheckout, updateCheckout } from './checkout-changes';
import {
  SandboxChangeError,
  cancelOrder,
  createCustomer,
  deleteCustomer,
  fulfilOrder,
  placeOrder,
  refundOrder,
  updateCustomer,
  type CustomerInput,
} from './store-changes';

/**
 * The sandbox store's own controls, beside Shopify's API and never under `/admin/`: make the shop's
 * data change, as a live shop's does, for the demo (a button in the demo inbox) and the end-to-end
 * tests. Each change moves `updatedAt`, so the next `updated_at:>=` read picks it up.
 *
 *   POST   /sandbox/customers                    create a customer       { firstName, lastName, email, phone, tags, note, address }
 *   PATCH  /sandbox/customers/:id                update a customer       (the same fields)
 *   DELETE /sandbox/customers/:id                delete a customer       (their orders stay, without a customer)
 *   POST   /sandbox/customers/:id/orders         place an order          { payment: paid | pending | authorized }
 *   POST   /sandbox/orders/:id/fulfil            ship it, or deliver it  { delivered }
 *   POST   /sandbox/orders/:id/cancel            cancel it               { reason, restock, refund, staffNote }
 *   POST   /sandbox/orders/:id/refund            refund what is left     { note, restock }
 *   POST   /sandbox/abandoned-checkouts          a checkout left         { customerId | email }
 *   PATCH  /sandbox/abandoned-checkouts/:id      the shopper came back   { addProduct, recovered }
 *
 * `:id` is a numeric id or a GID. Answers are JSON: the changed record's id (GID), `updatedAt` and
 * a few telling fields; a refused change is 422 `{ "error": … }`, an unknown record 404.
 */

const address = z.object({
  address1: z.string().min(1),
  address2: z.string().optional(),
  city: z.string().min(1),
  zip: z.string().optional(),
  countryCode: z.string().length(2),
  provinceCode: z.string().optional(),
  phone: z.string().optional(),
});

const customerInput = z
  .object({
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    email: z.string().email().nullable(),
    phone: z.string().nullable(),
    tags: z.array(z.string()),
    note: z.string().nullable(),
    locale: z.string(),
    address: address.nullable(),
  })
  .partial()
  .strict();

const cancelInput = z
  .object({
    reason: z.enum(['CUSTOMER', 'DECLINED', 'FRAUD', 'INVENTORY', 'STAFF', 'OTHER']).default('CUSTOMER'),
    restock: z.boolean().default(true),
    refund: z.boolean().default(true),
    staffNote: z.string().nullable().default(null),
  })
  .strict();

/** A numeric id, or the numeric part of a GID of the expected type. */
function idOf(value: string, type: string): number | null {
  const match = new RegExp(`^(?:gid://shopify/${type}/)?(\\d+)$`).exec(decodeURIComponent(value));
  return match ? Number(match[1]) : null;
}

export function customerSummary(customer: CustomerRecord) {
  return {
    id: gid('Customer', customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    phone: customer.phone,
    tags: customer.tags,
    updatedAt: iso(customer.updatedAt),
  };
}

export function orderSummary(order: OrderRecord) {
  return {
    id: gid('Order', order.id),
    name: order.name,
    customerId: order.customerId === null ? null : gid('Customer', order.customerId),
    displayFinancialStatus: order.financialStatus,
    displayFulfillmentStatus: order.fulfillmentStatus,
    cancelledAt: iso(order.cancelledAt),
    updatedAt: iso(order.updatedAt),
  };
}

export function checkoutSummary(checkout: AbandonedCheckoutRecord) {
  return {
    id: gid('AbandonedCheckout', checkout.id),
    customerId: checkout.customerId === null ? null : gid('Customer', checkout.customerId),
    abandonedCheckoutUrl: checkout.recoveryUrl,
    completedAt: iso(checkout.completedAt),
    updatedAt: iso(checkout.updatedAt),
  };
}

/** The changes bound to one store's data: what tests call directly. */
export function bindChanges(index: SeedIndex) {
  return {
    createCustomer: (input: CustomerInput) => createCustomer(index, input),
    updateCustomer: (id: number, input: CustomerInput) => updateCustomer(index, id, input),
    deleteCustomer: (id: number) => deleteCustomer(index, id),
    placeOrder: (customerId: number, options?: Parameters<typeof placeOrder>[2]) => placeOrder(index, customerId, options),
    fulfilOrder: (id: number, options?: Parameters<typeof fulfilOrder>[2]) => fulfilOrder(index, id, options),
    cancelOrder: (id: number, options: Parameters<typeof cancelOrder>[2]) => cancelOrder(index, id, options),
    refundOrder: (id: number, options?: Parameters<typeof refundOrder>[2]) => refundOrder(index, id, options),
    abandonCheckout: (options: Parameters<typeof abandonCheckout>[1]) => abandonCheckout(index, options),
    updateCheckout: (id: number, change: Parameters<typeof updateCheckout>[2]) => updateCheckout(index, id, change),
  };
}

export type SandboxChanges = ReturnType<typeof bindChanges>;

function refused(c: Context, error: unknown) {
  if (error instanceof SandboxChangeError) return c.json({ error: error.message }, error.message.startsWith('No ') ? 404 : 422);
  throw error;
}

const onInvalid = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, c: Context) => {
  if (!result.success) {
    const issue = result.error?.issues[0];
    return c.json({ error: issue ? `${issue.path.map(String).join('.') || 'body'}: ${issue.message}` : 'Invalid body' }, 400);
  }
  return undefined;
};

export function sandboxControl(changes: SandboxChanges) {
  const app = new Hono();
  const attempt = (c: Context, change: () => Response | Promise<Response>) => {
    try {
      return change();
    } catch (error) {
      return refused(c, error);
    }
  };
  const id = (c: Context, type: string) => {
    const value = idOf(c.req.param('id') ?? '', type);
    if (value === null) throw new SandboxChangeError(`No ${type} ${c.req.param('id')}`);
    return value;
  };

  app.post('/customers', zValidator('json', customerInput, onInvalid), (c) =>
    attempt(c, () => c.json({ customer: customerSummary(changes.createCustomer(c.req.valid('json'))) }, 201)),
  );
  app.patch('/customers/:id', zValidator('json', customerInput, onInvalid), (c) =>
    attempt(c, () => c.json({ customer: customerSummary(changes.updateCustomer(id(c, 'Customer'), c.req.valid('json'))) })),
  );
  app.delete('/customers/:id', (c) =>
    attempt(c, () => {
      changes.deleteCustomer(id(c, 'Customer'));
      return c.body(null, 204);
    }),
  );
  const orderInput = z.object({ payment: z.enum(['paid', 'pending', 'authorized']).optional() }).strict();
  app.post('/customers/:id/orders', zValidator('json', orderInput, onInvalid), (c) =>
    attempt(c, () => c.json({ order: orderSummary(changes.placeOrder(id(c, 'Customer'), c.req.valid('json'))) }, 201)),
  );
  const fulfilInput = z.object({ delivered: z.boolean().optional() }).strict();
  app.post('/orders/:id/fulfil', zValidator('json', fulfilInput, onInvalid), (c) =>
    attempt(c, () => c.json({ order: orderSummary(changes.fulfilOrder(id(c, 'Order'), c.req.valid('json'))) })),
  );
  app.post('/orders/:id/cancel', zValidator('json', cancelInput, onInvalid), (c) =>
    attempt(c, () => c.json({ order: orderSummary(changes.cancelOrder(id(c, 'Order'), c.req.valid('json'))) })),
  );
  const refundInput = z.object({ note: z.string().nullable().optional(), restock: z.boolean().optional() }).strict();
  app.post('/orders/:id/refund', zValidator('json', refundInput, onInvalid), (c) =>
    attempt(c, () => c.json({ order: orderSummary(changes.refundOrder(id(c, 'Order'), c.req.valid('json'))) })),
  );
  const checkoutInput = z
    .object({ customerId: z.union([z.number().int(), z.string()]).optional(), email: z.string().email().optional() })
    .strict();
  app.post('/abandoned-checkouts', zValidator('json', checkoutInput, onInvalid), (c) =>
    attempt(c, () => {
      const { customerId, email } = c.req.valid('json');
      const customer = customerId === undefined ? undefined : idOf(String(customerId), 'Customer');
      if (customer === null) throw new SandboxChangeError(`No customer ${customerId}`);
      return c.json(
        {
          checkout: checkoutSummary(
            changes.abandonCheckout({ ...(customer !== undefined && { customerId: customer }), ...(email && { email }) }),
          ),
        },
        201,
      );
    }),
  );
  const checkoutChange = z.object({ addProduct: z.string().optional(), recovered: z.boolean().optional() }).strict();
  app.patch('/abandoned-checkouts/:id', zValidator('json', checkoutChange, onInvalid), (c) =>
    attempt(c, () => c.json({ checkout: checkoutSummary(changes.updateCheckout(id(c, 'AbandonedCheckout'), c.req.valid('json'))) })),
  );
  return app;
}
