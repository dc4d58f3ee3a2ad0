import type { FieldKey, FieldValue } from '../../shared/fields';
import { problemFlags } from '../../shared/order-flags';
import type { OrderFlag, OrderSummary } from '../../shared/wire';
import type { StatusTone } from '../../ui/system';

/** How loud each problem is: the words are always there too. */
export const flagTones: Record<OrderFlag, StatusTone> = {
  cancelled: 'critical',
  fulfillmentDeclined: 'critical',
  paymentFailed: 'critical',
  chargedMoreThanOnce: 'critical',
  disputed: 'critical',
  onHold: 'attention',
  unfulfilledLong: 'attention',
  paymentPending: 'attention',
  authorizedNotCaptured: 'attention',
  partiallyPaid: 'attention',
  paymentVoided: 'attention',
  partiallyRefunded: 'info',
};

/**
 * The status field a flag explains: where the order shows that status, the flag is said in its place,
 * so "Pending" and "Payment pending" never stand side by side.
 */
export const flagExplains: Partial<Record<OrderFlag, FieldKey>> = {
  onHold: 'order.displayFulfillmentStatus',
  fulfillmentDeclined: 'order.displayFulfillmentStatus',
  unfulfilledLong: 'order.displayFulfillmentStatus',
  partiallyRefunded: 'order.displayFinancialStatus',
  paymentPending: 'order.displayFinancialStatus',
  authorizedNotCaptured: 'order.displayFinancialStatus',
  partiallyPaid: 'order.displayFinancialStatus',
  paymentVoided: 'order.displayFinancialStatus',
};

type Fields = Partial<Record<FieldKey, FieldValue | null>>;

const text = (fields: Fields, key: FieldKey): string | null => {
  const value = fields[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

/**
 * What the order's own fields show, for a BFF that sends no flags: only the statuses the admin put on
 * the order card can be read, so an order may have a problem this cannot see.
 */
function flagsFromFields(fields: Fields, createdAt: string | undefined, now: number): OrderFlag[] {
  return problemFlags(
    {
      createdAt: createdAt ?? text(fields, 'order.createdAt'),
      cancelledAt: text(fields, 'order.cancelledAt'),
      displayFinancialStatus: text(fields, 'order.displayFinancialStatus'),
      displayFulfillmentStatus: text(fields, 'order.displayFulfillmentStatus'),
    },
    now,
  );
}

/** The order's problems, most serious first: the BFF's flags, else what the shown fields tell. */
export function orderFlagsOf(order: Pick<OrderSummary, 'fields' | 'flags' | 'createdAt'>, now: number): OrderFlag[] {
  const flags = order.flags ?? flagsFromFields(order.fields, order.createdAt, now);
  const rank = (flag: OrderFlag) => (flagTones[flag] === 'critical' ? 0 : flagTones[flag] === 'attention' ? 1 : 2);
  return [...new Set(flags)].sort((a, b) => rank(a) - rank(b));
}
