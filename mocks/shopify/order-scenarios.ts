import type { Prng } from './prng';
import type { CancelReason, FinancialStatus, FulfillmentDisplayStatus } from './seed-model';

/**
 * The life stories an order can have. Each keeps its financial status, fulfillment status,
 * cancellation, shipments and refunds coherent with one another, the way Shopify would show them.
 */
export type Scenario = {
  financial: FinancialStatus;
  fulfillment: FulfillmentDisplayStatus;
  /** How much the shopper paid: all of it, a deposit, or nothing yet. */
  paid: 'full' | 'half' | 'none';
  cancelReason?: CancelReason;
  shipment?: 'delivered' | 'inTransit' | 'partial';
  refund?: 'full' | 'partial';
};

export const scenarios = {
  delivered: { financial: 'PAID', fulfillment: 'FULFILLED', paid: 'full', shipment: 'delivered' },
  inTransit: { financial: 'PAID', fulfillment: 'FULFILLED', paid: 'full', shipment: 'inTransit' },
  partiallyFulfilled: { financial: 'PAID', fulfillment: 'PARTIALLY_FULFILLED', paid: 'full', shipment: 'partial' },
  unfulfilled: { financial: 'PAID', fulfillment: 'UNFULFILLED', paid: 'full' },
  authorized: { financial: 'AUTHORIZED', fulfillment: 'UNFULFILLED', paid: 'none' },
  pendingPayment: { financial: 'PENDING', fulfillment: 'UNFULFILLED', paid: 'none' },
  partiallyPaid: { financial: 'PARTIALLY_PAID', fulfillment: 'UNFULFILLED', paid: 'half' },
  partiallyRefunded: { financial: 'PARTIALLY_REFUNDED', fulfillment: 'FULFILLED', paid: 'full', shipment: 'delivered', refund: 'partial' },
  returnedRefunded: { financial: 'REFUNDED', fulfillment: 'FULFILLED', paid: 'full', shipment: 'delivered', refund: 'full' },
  cancelledRestocked: { financial: 'REFUNDED', fulfillment: 'RESTOCKED', paid: 'full', cancelReason: 'CUSTOMER', refund: 'full' },
  cancelledOutOfStock: { financial: 'REFUNDED', fulfillment: 'RESTOCKED', paid: 'full', cancelReason: 'INVENTORY', refund: 'full' },
  cancelledVoided: { financial: 'VOIDED', fulfillment: 'UNFULFILLED', paid: 'none', cancelReason: 'FRAUD' },
  expired: { financial: 'EXPIRED', fulfillment: 'UNFULFILLED', paid: 'none' },
  pendingFulfillment: { financial: 'PAID', fulfillment: 'PENDING_FULFILLMENT', paid: 'full' },
  openAtWarehouse: { financial: 'PAID', fulfillment: 'OPEN', paid: 'full' },
  inProgress: { financial: 'PAID', fulfillment: 'IN_PROGRESS', paid: 'full' },
  onHold: { financial: 'PAID', fulfillment: 'ON_HOLD', paid: 'full' },
  scheduled: { financial: 'PAID', fulfillment: 'SCHEDULED', paid: 'full' },
  requestDeclined: { financial: 'PAID', fulfillment: 'REQUEST_DECLINED', paid: 'full' },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof scenarios;

export function scenario(name: ScenarioName): Scenario {
  return scenarios[name];
}

/** A plausible story for an order of a given age: new orders are still moving, old ones settled. */
export function scenarioForAge(ageDays: number, prng: Prng): ScenarioName {
  if (ageDays < 4) {
    return prng.weighted<ScenarioName>([
      ['unfulfilled', 4],
      ['inTransit', 2],
      ['authorized', 1],
      ['pendingFulfillment', 1],
      ['inProgress', 1],
      ['openAtWarehouse', 1],
      ['onHold', 0.5],
      ['pendingPayment', 0.5],
    ]);
  }
  if (ageDays < 14) {
    return prng.weighted<ScenarioName>([
      ['inTransit', 4],
      ['delivered', 4],
      ['partiallyFulfilled', 1],
      ['scheduled', 0.5],
      ['cancelledRestocked', 0.5],
      ['partiallyPaid', 0.5],
    ]);
  }
  return prng.weighted<ScenarioName>([
    ['delivered', 80],
    ['partiallyRefunded', 6],
    ['returnedRefunded', 4],
    ['cancelledRestocked', 3],
    ['cancelledOutOfStock', 1],
    ['cancelledVoided', 2],
    ['expired', 1],
  ]);
}
