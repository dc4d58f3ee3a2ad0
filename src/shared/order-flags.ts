/** What makes an order one to look at first, whatever fields the admin chose to show. */
export const orderFlags = [
  'cancelled',
  'onHold',
  'partiallyRefunded',
  'unfulfilledLong',
  'fulfillmentDeclined',
  'paymentPending',
  'authorizedNotCaptured',
  'partiallyPaid',
  'paymentVoided',
  'paymentFailed',
  'chargedMoreThanOnce',
  'disputed',
] as const;
export type OrderFlag = (typeof orderFlags)[number];

/** An order unfulfilled this long is one the shopper is probably writing about. */
export const UNFULFILLED_LONG_DAYS = 7;

/** A payment's kind and status, as Shopify's `OrderTransaction` gives them. */
export type FlagTransaction = { kind: string | null; status: string | null };

/** What an order's flags are read from: four values Shopify gives as strings (or null), and its payments when asked. */
export type OrderFlagInputs = {
  createdAt: string | null;
  cancelledAt: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  /** The order's payment transactions, when known. */
  transactions?: readonly FlagTransaction[] | undefined;
  /** The statuses of the order's disputes (chargebacks and inquiries), when known. */
  disputeStatuses?: readonly string[] | undefined;
};

/** A dispute that is over: won, lost or accepted. Any other status is still open. */
const closedDisputes = new Set(['WON', 'LOST', 'ACCEPTED', 'CHARGE_REFUNDED']);

const paymentFlags: Record<string, OrderFlag> = {
  PENDING: 'paymentPending',
  AUTHORIZED: 'authorizedNotCaptured',
  PARTIALLY_PAID: 'partiallyPaid',
};

const successfulCharge = (t: FlagTransaction) => t.status === 'SUCCESS' && (t.kind === 'SALE' || t.kind === 'CAPTURE');

/** The one rule for problem orders: the BFF applies it to every order, the card to shown fields. */
export function problemFlags(order: OrderFlagInputs, now: number): OrderFlag[] {
  const flags: OrderFlag[] = [];
  const fulfillment = order.displayFulfillmentStatus;
  const financial = order.displayFinancialStatus ?? '';
  const cancelled = Boolean(order.cancelledAt);
  const transactions = order.transactions ?? [];
  if (cancelled) flags.push('cancelled');
  if (fulfillment === 'ON_HOLD') flags.push('onHold');
  if (fulfillment === 'REQUEST_DECLINED') flags.push('fulfillmentDeclined');
  if (financial === 'PARTIALLY_REFUNDED') flags.push('partiallyRefunded');
  if (!cancelled) {
    const payment = paymentFlags[financial];
    if (payment) flags.push(payment);
    // A voided payment on a cancelled order is the cancellation itself, not a second problem.
    if (financial === 'VOIDED') flags.push('paymentVoided');
    const paid = financial === 'PAID' || financial.endsWith('REFUNDED');
    if (!paid && transactions.some((t) => t.status === 'FAILURE' || t.status === 'ERROR')) flags.push('paymentFailed');
  }
  if (transactions.filter(successfulCharge).length > 1) flags.push('chargedMoreThanOnce');
  if ((order.disputeStatuses ?? []).some((status) => !closedDisputes.has(status))) flags.push('disputed');
  const placed = Date.parse(order.createdAt ?? '');
  const waiting = fulfillment === 'UNFULFILLED' || fulfillment === 'PARTIALLY_FULFILLED';
  if (waiting && !cancelled && now - placed > UNFULFILLED_LONG_DAYS * 86_400_000) flags.push('unfulfilledLong');
  return flags;
}
