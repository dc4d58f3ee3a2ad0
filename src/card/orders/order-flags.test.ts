import { orderFlagsOf } from './order-flags';

const now = Date.parse('2026-11-20T09:00:00Z');

describe('the problems of an order', () => {
  it('are the BFF’s flags when it sends them, most serious first', () => {
    expect(orderFlagsOf({ fields: {}, flags: ['partiallyRefunded', 'onHold', 'cancelled'] }, now)).toEqual([
      'cancelled',
      'onHold',
      'partiallyRefunded',
    ]);
    expect(orderFlagsOf({ fields: { 'order.displayFulfillmentStatus': 'ON_HOLD' }, flags: [] }, now)).toEqual([]);
  });

  it('are read from the shown fields when the BFF sends none', () => {
    expect(orderFlagsOf({ fields: { 'order.displayFulfillmentStatus': 'ON_HOLD' } }, now)).toEqual(['onHold']);
    expect(orderFlagsOf({ fields: { 'order.displayFulfillmentStatus': 'REQUEST_DECLINED' } }, now)).toEqual(['fulfillmentDeclined']);
    expect(orderFlagsOf({ fields: { 'order.displayFinancialStatus': 'PARTIALLY_REFUNDED' } }, now)).toEqual(['partiallyRefunded']);
    expect(orderFlagsOf({ fields: { 'order.cancelledAt': '2026-11-01T00:00:00Z' } }, now)).toEqual(['cancelled']);
  });

  it('count an order unfulfilled for over a week only when its date is shown too', () => {
    const old = { 'order.displayFulfillmentStatus': 'UNFULFILLED', 'order.createdAt': '2026-11-01T00:00:00Z' };
    expect(orderFlagsOf({ fields: old }, now)).toEqual(['unfulfilledLong']);
    expect(orderFlagsOf({ fields: { ...old, 'order.createdAt': '2026-11-18T00:00:00Z' } }, now)).toEqual([]);
    expect(orderFlagsOf({ fields: { 'order.displayFulfillmentStatus': 'UNFULFILLED' } }, now)).toEqual([]);
  });
});
