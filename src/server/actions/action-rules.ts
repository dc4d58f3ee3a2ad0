import {
  cancelReasonLabels,
  type ActionKind,
  type ActionOrder,
  type ActionSettings,
  type CancelRequest,
  type TagsRequest,
} from '../../shared/actions';
import type { Viewer } from '../auth/tokens';
import { AppError } from '../http/problem';
import type { ActionOrderNode, SuggestedRefundNode, UserErrorNode } from '../shopify/action-operations';

/**
 * The rules every action passes before Shopify's mutation, whatever the browser sent: the action switched on
 * for agents (admins may do all), the order in a state Shopify would accept, the refund under the agents' limit.
 */

type Money = { amount: string; currencyCode: string };

export const formatMoney = (money: Money) => `${money.amount} ${money.currencyCode}`;

export function allowedFor(viewer: Viewer, settings: ActionSettings): ActionKind[] {
  const kinds = Object.keys(settings.enabled) as ActionKind[];
  return viewer.role === 'admin' ? kinds : kinds.filter((kind) => settings.enabled[kind]);
}

export function requireEnabled(viewer: Viewer, settings: ActionSettings, action: ActionKind, name: string): void {
  if (viewer.role === 'admin' || settings.enabled[action]) return;
  throw new AppError(
    'ACTION_DISABLED',
    `${name} is switched off for agents. An admin can switch it on under Actions on the configuration page.`,
  );
}

const unpaid = new Set(['PENDING', 'AUTHORIZED', 'EXPIRED']);

/** Why nothing can be refunded on this order, or undefined when something can. */
export function refundRefusal(order: ActionOrderNode): string | undefined {
  if (order.refundable) return undefined;
  const status = order.displayFinancialStatus ?? '';
  if (status === 'REFUNDED') return `${order.name} is refunded in full already: nothing is left to refund.`;
  if (status === 'VOIDED') return `${order.name}'s payment was voided: there is nothing to refund.`;
  if (unpaid.has(status)) return `${order.name} is not paid yet: there is nothing to refund.`;
  return `${order.name} has nothing left to refund.`;
}

const fulfilled = new Set(['FULFILLED', 'PARTIALLY_FULFILLED']);

/** Why Shopify would not cancel this order, or undefined when it would. */
export function cancelRefusal(order: ActionOrderNode): string | undefined {
  if (order.cancelledAt) return `${order.name} was cancelled already, on ${order.cancelledAt.slice(0, 10)}.`;
  if (fulfilled.has(order.displayFulfillmentStatus ?? '')) {
    return `${order.name} has fulfilled items: Shopify cancels only orders with nothing fulfilled. Cancel its fulfillments in Shopify first.`;
  }
  return undefined;
}

/** The agents' limit, in the shop's currency, checked against Shopify's own figure for the refund. */
export function limitRefusal(viewer: Viewer, settings: ActionSettings, refund: Money): string | null {
  if (viewer.role === 'admin') return null;
  const limit = settings.refundLimit;
  if (!limit) return 'Refunds by agents have no limit set yet: an admin sets one under Actions on the configuration page.';
  if (limit.currencyCode !== refund.currencyCode) {
    return `The refund limit for agents is in ${limit.currencyCode}, but the shop's currency is ${refund.currencyCode}: an admin must set it again.`;
  }
  if (Number(refund.amount) > Number(limit.amount)) {
    return `Refunds by agents are limited to ${formatMoney(limit)} each; this one is ${formatMoney(refund)}. An admin can refund it, or raise the limit.`;
  }
  return null;
}

/** The order as the dialogs need it, with why refunding or cancelling it is not possible now. */
export function actionOrderView(order: ActionOrderNode): ActionOrder {
  const currencyCode = order.presentmentCurrencyCode;
  const shippingLeft =
    Number(order.totalShippingPriceSet.presentmentMoney.amount) - Number(order.totalRefundedShippingSet.presentmentMoney.amount);
  const refund = refundRefusal(order);
  const cancel = cancelRefusal(order);
  return {
    id: order.id,
    name: order.name,
    currencyCode,
    financialStatus: order.displayFinancialStatus,
    fulfillmentStatus: order.displayFulfillmentStatus,
    cancelledAt: order.cancelledAt,
    note: order.note,
    tags: order.tags,
    customer: order.customer,
    lines: order.lineItems.nodes.map((line) => ({
      id: line.id,
      title: line.title,
      quantity: line.quantity,
      refundableQuantity: line.refundableQuantity,
      unitPrice: line.originalUnitPriceSet.presentmentMoney,
    })),
    shippingLeft: { amount: Math.max(0, shippingLeft).toFixed(2), currencyCode },
    notAllowed: { ...(refund ? { refund } : {}), ...(cancel ? { cancel } : {}) },
  };
}

/** "2 × Linen shirt, 1 × Scarf, shipping, restock": what a refund returns, in words. */
export function refundSummary(suggestion: SuggestedRefundNode, options: { shipping: boolean; restock: boolean }): string {
  const parts = suggestion.refundLineItems.filter((line) => line.quantity > 0).map((line) => `${line.quantity} × ${line.lineItem.title}`);
  if (options.shipping && Number(suggestion.shipping.amountSet.presentmentMoney.amount) > 0) parts.push('shipping');
  if (options.restock && parts.length > 0) parts.push('restock');
  return parts.join(', ') || 'nothing';
}

export function cancelSummary(request: CancelRequest): string {
  return [
    `reason: ${cancelReasonLabels[request.reason]}`,
    request.restock ? 'restock' : null,
    request.refund ? 'refund the payment' : null,
    request.notify ? 'notify the customer' : null,
  ]
    .filter(Boolean)
    .join(', ');
}

export function tagsSummary(request: TagsRequest): string {
  const on = request.target.kind === 'order' ? 'order' : 'customer';
  return `${on}: ${[...request.add.map((tag) => `+${tag}`), ...request.remove.map((tag) => `−${tag}`)].join(' ')}`;
}

/** Shopify's userErrors as the agent reads them: Shopify's own sentences, and the fields they concern. */
export function userErrorProblem(what: string, errors: UserErrorNode[]): AppError {
  const words = errors.map((error) => error.message.replace(/\.?$/, '.')).join(' ');
  return new AppError(
    'SHOPIFY_USER_ERROR',
    `Shopify did not ${what}: ${words}`,
    errors.map((error) => ({ path: error.field?.join('.') ?? '(input)', message: error.message })),
  );
}
