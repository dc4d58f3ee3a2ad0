import * as z from 'zod/mini';

/**
 * Order actions: the contract between the BFF, the card, the configuration page and the tests. Which actions
 * exist, who may use them (each switched on for agents by an admin, refunds under a limit), what each request
 * carries (always an idempotency key made once per confirmed action), and what the audit log keeps.
 */

export const actionKinds = ['refund', 'cancel', 'orderTags', 'customerTags', 'orderNote', 'draftOrder'] as const;
export type ActionKind = (typeof actionKinds)[number];

export const actionLabels: Record<ActionKind, { name: string; description: string }> = {
  refund: { name: 'Refund', description: 'Refund a whole order or chosen items, with or without shipping.' },
  cancel: { name: 'Cancel order', description: 'Cancel an order that is not fulfilled yet, with a reason; restock and refund optional.' },
  orderTags: { name: 'Order tags', description: 'Add or remove tags on an order.' },
  customerTags: { name: 'Customer tags', description: 'Add or remove tags on the customer.' },
  orderNote: { name: 'Edit note', description: "Replace the order's note." },
  draftOrder: { name: 'Create draft order', description: 'Copy the order into a draft order with an invoice link to send.' },
};

/** The Shopify access scope each action needs (Verify Credentials says which the credential allows). */
export const actionScopes: Record<ActionKind, string> = {
  refund: 'write_orders',
  cancel: 'write_orders',
  orderTags: 'write_orders',
  customerTags: 'write_customers',
  orderNote: 'write_orders',
  draftOrder: 'write_draft_orders',
};

const decimal = z.string().check(z.regex(/^\d{1,12}(\.\d{1,4})?$/, 'An amount like 50 or 49.90'));
const moneySchema = z.object({ amount: decimal, currencyCode: z.string().check(z.regex(/^[A-Z]{3}$/, 'A currency code like EUR')) });

/** What admins choose on the Actions tab: all off for agents until switched on; admins are never limited. */
export const actionSettingsSchema = z
  .object({
    enabled: z.object({
      refund: z.boolean(),
      cancel: z.boolean(),
      orderTags: z.boolean(),
      customerTags: z.boolean(),
      orderNote: z.boolean(),
      draftOrder: z.boolean(),
    }),
    /** The most an agent may refund in one refund, in the shop's currency; needed before Refund is switched on. */
    refundLimit: z.nullable(moneySchema),
  })
  .check(
    z.refine((settings) => !settings.enabled.refund || settings.refundLimit !== null, {
      message: 'Set the refund limit for agents before switching Refund on',
      path: ['refundLimit'],
    }),
  );
export type ActionSettings = z.infer<typeof actionSettingsSchema>;

export const defaultActionSettings: ActionSettings = {
  enabled: { refund: false, cancel: false, orderTags: false, customerTags: false, orderNote: false, draftOrder: false },
  refundLimit: null,
};

export const savedActionSettingsSchema = z.object({
  version: z.number(),
  settings: actionSettingsSchema,
  savedBy: z.nullable(z.string()),
  savedAt: z.nullable(z.string()),
});
export type SavedActionSettings = z.infer<typeof savedActionSettingsSchema>;

/** `PUT /api/config/actions`: the settings and the version they were edited from (0 for none). */
export const actionSettingsSaveSchema = z.object({ settings: actionSettingsSchema, version: z.number().check(z.int(), z.gte(0)) });

/** One key per confirmed action, made by the browser: the same key again returns the first outcome. */
const idempotencyKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'An idempotency key of 16 to 64 letters, digits, - or _'));
const orderId = z.string().check(z.regex(/^gid:\/\/shopify\/Order\/\d+$/, 'A Shopify order id'));
const customerId = z.string().check(z.regex(/^gid:\/\/shopify\/Customer\/\d+$/, 'A Shopify customer id'));

/** Where the agent acted from, for the audit log. */
const actionContext = z.object({
  conversationId: z.optional(z.string().check(z.maxLength(200))),
  host: z.optional(z.string().check(z.maxLength(40))),
});

const refundLine = z.object({
  lineItemId: z.string().check(z.regex(/^gid:\/\/shopify\/LineItem\/\d+$/, 'A Shopify line item id')),
  quantity: z.number().check(z.int(), z.gte(1), z.lte(10_000)),
});

/** What to refund: the whole order, or chosen lines; shipping included or not. */
export const refundSelectionSchema = z.object({
  orderId,
  /** Empty with `wholeOrder`: every line still refundable. */
  lines: z.array(refundLine).check(z.maxLength(250)),
  wholeOrder: z.boolean(),
  shipping: z.boolean(),
});
export type RefundSelection = z.infer<typeof refundSelectionSchema>;

export const refundRequestSchema = z.object({
  ...refundSelectionSchema.shape,
  key: idempotencyKey,
  restock: z.boolean(),
  notify: z.boolean(),
  note: z.optional(z.string().check(z.maxLength(500))),
  context: z.optional(actionContext),
});
export type RefundRequest = z.infer<typeof refundRequestSchema>;

export const cancelReasons = ['CUSTOMER', 'DECLINED', 'FRAUD', 'INVENTORY', 'STAFF', 'OTHER'] as const;
export const cancelReasonLabels: Record<(typeof cancelReasons)[number], string> = {
  CUSTOMER: 'The customer changed or cancelled the order',
  DECLINED: 'The payment was declined',
  FRAUD: 'The order was fraudulent',
  INVENTORY: 'Items were unavailable',
  STAFF: 'Staff error',
  OTHER: 'Other',
};

export const cancelRequestSchema = z.object({
  orderId,
  key: idempotencyKey,
  reason: z.enum(cancelReasons),
  restock: z.boolean(),
  /** Refund the payment to where it came from. */
  refund: z.boolean(),
  notify: z.boolean(),
  staffNote: z.optional(z.string().check(z.maxLength(255))),
  context: z.optional(actionContext),
});
export type CancelRequest = z.infer<typeof cancelRequestSchema>;

const tag = z.string().check(z.trim(), z.minLength(1), z.maxLength(40), z.regex(/^[^,]+$/, 'A tag cannot contain a comma'));

export const tagsRequestSchema = z.object({
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('order'), id: orderId }),
    z.object({ kind: z.literal('customer'), id: customerId }),
  ]),
  /** The order the agent acted from (for the audit log), also when the tags go on the customer. */
  orderId,
  key: idempotencyKey,
  add: z.array(tag).check(z.maxLength(20)),
  remove: z.array(tag).check(z.maxLength(20)),
  context: z.optional(actionContext),
});
export type TagsRequest = z.infer<typeof tagsRequestSchema>;

export const noteRequestSchema = z.object({
  orderId,
  key: idempotencyKey,
  note: z.string().check(z.maxLength(5_000)),
  context: z.optional(actionContext),
});
export type NoteRequest = z.infer<typeof noteRequestSchema>;

export const draftOrderRequestSchema = z.object({ orderId, key: idempotencyKey, context: z.optional(actionContext) });
export type DraftOrderRequest = z.infer<typeof draftOrderRequestSchema>;

/** Shopify's suggested refund for a selection, before the agent confirms it. */
export const refundPreviewSchema = z.object({
  orderId: z.string(),
  orderName: z.string(),
  amount: z.object({ amount: z.string(), currencyCode: z.string() }),
  shipping: z.object({ amount: z.string(), currencyCode: z.string() }),
  lines: z.array(
    z.object({
      lineItemId: z.string(),
      title: z.string(),
      quantity: z.number(),
      amount: z.object({ amount: z.string(), currencyCode: z.string() }),
    }),
  ),
  /** Whether this viewer may confirm it (an agent over the limit may not), and why not. */
  allowed: z.boolean(),
  refusal: z.nullable(z.string()),
});
export type RefundPreview = z.infer<typeof refundPreviewSchema>;

/** What an action did, in words for the card and the data it refetches. */
export const actionOutcomeSchema = z.object({
  action: z.enum(actionKinds),
  orderId: z.string(),
  message: z.string(),
  /** Create draft order: the invoice link to send the shopper. */
  invoiceUrl: z.optional(z.string()),
  draftOrderName: z.optional(z.string()),
  /** True when this key was seen before: the first outcome, nothing done again. */
  replayed: z.boolean(),
});
export type ActionOutcome = z.infer<typeof actionOutcomeSchema>;

export const auditResults = ['succeeded', 'refused', 'failed'] as const;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  role: z.enum(['agent', 'admin']),
  action: z.enum(actionKinds),
  orderId: z.nullable(z.string()),
  orderName: z.nullable(z.string()),
  amount: z.nullable(z.object({ amount: z.string(), currencyCode: z.string() })),
  /** What was asked, in words: "2 × Linen shirt, shipping, restock", "reason: Customer", "+vip −new". */
  summary: z.string(),
  conversationId: z.nullable(z.string()),
  host: z.nullable(z.string()),
  result: z.enum(auditResults),
  /** The problem code and words when refused or failed. */
  errorCode: z.nullable(z.string()),
  error: z.nullable(z.string()),
  idempotencyKey: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), nextCursor: z.nullable(z.string()) });
export type AuditPage = z.infer<typeof auditPageSchema>;

/** `GET /api/actions/allowed`: the actions this viewer may use (every one for admins), and the agents' refund limit. */
export const allowedActionsSchema = z.object({
  role: z.enum(['agent', 'admin']),
  allowed: z.array(z.enum(actionKinds)),
  refundLimit: z.nullable(z.object({ amount: z.string(), currencyCode: z.string() })),
});
export type AllowedActions = z.infer<typeof allowedActionsSchema>;

/** `GET /api/actions/settings`: the saved settings and the shop's currency, which the refund limit is in. */
export const actionSettingsViewSchema = z.object({ ...savedActionSettingsSchema.shape, shopCurrency: z.nullable(z.string()) });
export type ActionSettingsView = z.infer<typeof actionSettingsViewSchema>;

const money = z.object({ amount: z.string(), currencyCode: z.string() });

/** `POST /api/actions/order`: what the action dialogs show and choose from, read from Shopify when a dialog opens. */
export const actionOrderSchema = z.object({
  id: z.string(),
  name: z.string(),
  currencyCode: z.string(),
  financialStatus: z.nullable(z.string()),
  fulfillmentStatus: z.nullable(z.string()),
  cancelledAt: z.nullable(z.string()),
  note: z.nullable(z.string()),
  tags: z.array(z.string()),
  customer: z.nullable(z.object({ id: z.string(), displayName: z.string(), tags: z.array(z.string()) })),
  lines: z.array(z.object({ id: z.string(), title: z.string(), quantity: z.number(), refundableQuantity: z.number(), unitPrice: money })),
  shippingLeft: money,
  /** Why each action cannot be done on this order now, in words; absent when it can. */
  notAllowed: z.object({ refund: z.optional(z.string()), cancel: z.optional(z.string()) }),
});
export type ActionOrder = z.infer<typeof actionOrderSchema>;
