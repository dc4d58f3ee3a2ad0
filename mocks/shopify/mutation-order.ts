import { gid, isOrderVisible, parseGid, requireScope, type GraphContext } from './graph-context';
import {
  addTags,
  applyCancel,
  cancelProblem,
  orderActionMessages as messages,
  parseTags,
  removeTags,
  tagProblems,
  touch,
  touchOrder,
  type UserError,
} from './order-actions';
import { draftOrderFrom } from './store-changes';
import type { CancelReason, OrderRecord } from './seed-model';

/**
 * `orderCancel`, `orderUpdate`, `tagsAdd`/`tagsRemove` and `draftOrderCreateFromOrder`, with
 * Shopify's userErrors for bad input. Each needs its write scope.
 */

export type OrderLinks = {
  order: (id: number, context: GraphContext) => unknown;
  customer: (id: number, context: GraphContext) => unknown;
  draftOrder: (id: number, context: GraphContext) => unknown;
};

function visibleOrder(context: GraphContext, value: string): OrderRecord | null {
  const { type, id } = parseGid(value);
  const order = type === 'Order' ? context.index.ordersById.get(id) : undefined;
  return order && isOrderVisible(order, context) ? order : null;
}

type CancelArgs = {
  orderId: string;
  reason: CancelReason;
  restock: boolean;
  refund?: boolean | null;
  refundMethod?: { originalPaymentMethodsRefund?: boolean | null; storeCreditRefund?: { expiresAt?: string | null } | null } | null;
  notifyCustomer?: boolean;
  staffNote?: string | null;
};

type CancelError = UserError & { code: string };

/** Cancellation runs as a job on Shopify; the sandbox does the work at once and reports the job as queued. */
export function orderCancel(args: CancelArgs, context: GraphContext) {
  requireScope(context, 'write_orders', 'orderCancel');
  const refused = (error: CancelError) => ({
    job: null,
    orderCancelUserErrors: [error],
    userErrors: [{ field: error.field, message: error.message }],
  });
  const order = visibleOrder(context, args.orderId);
  if (!order) return refused({ field: ['orderId'], message: messages.orderMissing, code: 'NOT_FOUND' });
  if (args.refund != null && args.refundMethod != null) {
    return refused({ field: ['refundMethod'], message: 'Only one of refund or refundMethod can be given.', code: 'INVALID' });
  }
  if (args.refundMethod?.storeCreditRefund) {
    // Refunding to store credit needs the store credit scopes, which the card's app does not ask for.
    return refused({
      field: ['refundMethod', 'storeCreditRefund'],
      message: 'The app does not have permission to refund to store credit.',
      code: 'NO_REFUND_TO_STORE_CREDIT_PERMISSION',
    });
  }
  const problem = cancelProblem(order);
  if (problem) return refused({ field: ['orderId'], message: problem, code: 'INVALID' });
  const refund = args.refundMethod ? args.refundMethod.originalPaymentMethodsRefund === true : (args.refund ?? false);
  applyCancel(context.index, order, { reason: args.reason, restock: args.restock, refund, staffNote: args.staffNote ?? null });
  return {
    job: { __typename: 'Job', id: gid('Job', context.index.nextId()), done: false, query: null },
    orderCancelUserErrors: [],
    userErrors: [],
  };
}

type OrderInput = {
  id: string;
  note?: string | null;
  tags?: string[] | null;
  email?: string | null;
  phone?: string | null;
  poNumber?: string | null;
  shippingAddress?: unknown;
  customAttributes?: unknown;
  metafields?: unknown;
  localizationExtensions?: unknown;
  localizedFields?: unknown;
};

const unmodelledOrderInput = [
  'shippingAddress',
  'customAttributes',
  'metafields',
  'localizationExtensions',
  'localizedFields',
  'poNumber',
] as const;

export function orderUpdate(args: { input: OrderInput }, context: GraphContext, links: OrderLinks) {
  requireScope(context, 'write_orders', 'orderUpdate');
  const { input } = args;
  const order = visibleOrder(context, input.id);
  if (!order) return { order: null, userErrors: [{ field: ['id'], message: messages.orderMissing }] };
  const unmodelled = unmodelledOrderInput.filter((name) => input[name] != null);
  if (unmodelled.length > 0) {
    const userErrors = unmodelled.map((name) => ({ field: [name], message: `The sandbox store does not update ${name}.` }));
    return { order: links.order(order.id, context), userErrors };
  }
  const tags = input.tags == null ? null : parseTags(input.tags);
  const userErrors = tags ? tagProblems(tags) : [];
  if (input.email != null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
    userErrors.push({ field: ['email'], message: 'Email is invalid' });
  if (userErrors.length > 0) return { order: links.order(order.id, context), userErrors };
  if (input.note !== undefined) order.note = input.note;
  if (tags) order.tags = addTags([], tags);
  if (input.email != null) order.email = input.email;
  if (input.phone !== undefined) order.phone = input.phone;
  touchOrder(context.index, order);
  return { order: links.order(order.id, context), userErrors: [] };
}

/** `tagsAdd` / `tagsRemove` on an order, a customer or a draft order; any other id is a resource not found. */
export function changeTags(kind: 'add' | 'remove', args: { id: string; tags: string[] }, context: GraphContext, links: OrderLinks) {
  const field = kind === 'add' ? 'tagsAdd' : 'tagsRemove';
  const notFound = { node: null, userErrors: [{ field: ['id'], message: `Resource not found: ${args.id}` }] };
  const { type, id } = parseGid(args.id);
  const tags = parseTags(args.tags);
  const problems = tagProblems(tags);
  const apply = (record: { tags: string[]; updatedAt: number }) => {
    record.tags = kind === 'add' ? addTags(record.tags, tags) : removeTags(record.tags, tags);
  };
  if (type === 'Order') {
    requireScope(context, 'write_orders', field);
    const order = visibleOrder(context, args.id);
    if (!order) return notFound;
    if (problems.length > 0) return { node: links.order(order.id, context), userErrors: problems };
    apply(order);
    touchOrder(context.index, order);
    return { node: links.order(order.id, context), userErrors: [] };
  }
  if (type === 'Customer') {
    requireScope(context, 'write_customers', field);
    const customer = context.index.customersById.get(id);
    if (!customer) return notFound;
    if (problems.length > 0) return { node: links.customer(customer.id, context), userErrors: problems };
    apply(customer);
    touch(context.index, customer);
    return { node: links.customer(customer.id, context), userErrors: [] };
  }
  if (type === 'DraftOrder') {
    requireScope(context, 'write_draft_orders', field);
    const draft = context.index.draftOrdersById.get(id);
    if (!draft) return notFound;
    if (problems.length > 0) return { node: links.draftOrder(draft.id, context), userErrors: problems };
    apply(draft);
    touch(context.index, draft);
    return { node: links.draftOrder(draft.id, context), userErrors: [] };
  }
  return notFound;
}

export function draftOrderCreateFromOrder(args: { orderId: string }, context: GraphContext, links: OrderLinks) {
  requireScope(context, 'write_draft_orders', 'draftOrderCreateFromOrder');
  const order = visibleOrder(context, args.orderId);
  if (!order) return { draftOrder: null, userErrors: [{ field: ['orderId'], message: messages.orderMissing }] };
  const draft = draftOrderFrom(context.index, order);
  return { draftOrder: links.draftOrder(draft.id, context), userErrors: [] };
}
