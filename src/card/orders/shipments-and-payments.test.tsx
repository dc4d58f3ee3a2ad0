import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { amelie, orderDetails } from '../../../mocks/api/fixtures';
import { server } from '../../../mocks/api/server';
import { renderWithProviders } from '../../test/render';
import { CardApp } from '../card-app';
import type { ConversationContext } from '../context';

const whatsapp: ConversationContext = { channel: 'WHATSAPP', customer: { phone: amelie.phone }, locale: 'en-GB' };

beforeAll(() => Promise.all([import('./order-details-view'), import('./order-items'), import('./shipments-and-payments')]));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());

async function openOrder(name: string) {
  const view = renderWithProviders(<CardApp context={whatsapp} />);
  await view.user.click(await screen.findByRole('button', { name: `Show details of order ${name}` }));
  await screen.findByRole('heading', { level: 1, name: `Order ${name}` }, { timeout: 5000 });
  return screen.getByRole('article', { name: `Order ${name}` });
}

describe('shipments, payments and cancellations in the order details', () => {
  it('say where each shipment is, when it is expected, and what it holds', async () => {
    const order = await openOrder('#1042');

    expect(await within(order).findByText('In transit')).toBeInTheDocument();
    expect(within(order).getByText('expected 21 Nov 2026')).toBeInTheDocument();
    expect(within(order).getByText('1 × Pull en laine mérinos, 2 × Chaussettes rayées, lot de 3')).toBeInTheDocument();
    expect(within(order).getByRole('link', { name: '6A12345678901 (opens in a new tab)' })).toBeInTheDocument();
  });

  it('say which items a partial fulfillment delivered, and when', async () => {
    const order = await openOrder('#1037');

    expect(await within(order).findByText('Delivered')).toBeInTheDocument();
    expect(within(order).getByText('delivered 2 Nov 2026')).toBeInTheDocument();
    expect(within(order).getByText('2 × Coussin déhoussable')).toBeInTheDocument();
  });

  it('list the payments with kind, amount, status, gateway and time, and the refunds with their note', async () => {
    const order = await openOrder('#1037');
    const payments = (await within(order).findByText('Payments')).nextElementSibling as HTMLElement;

    const rows = await within(payments).findAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Authorization€1,249.00SuccessShopify Payments · 29 Oct 2026, 16:02',
      'Capture€1,249.00SuccessShopify Payments · 30 Oct 2026, 08:00',
      'Refund€50.00SuccessShopify Payments · 3 Nov 2026, 10:15',
    ]);
    expect(within(payments).queryByText(/Charged \d times/)).not.toBeInTheDocument();
    const refunds = within(order).getByText('Refunds').nextElementSibling as HTMLElement;
    expect(refunds).toHaveTextContent('€50.00 · 3 Nov 2026, 10:15“Coussins arrivés tachés”');
  });

  it('say when an order was charged more than once', async () => {
    const [first] = amelie.history();
    if (!first) throw new Error('no order');
    const sale = { kind: 'SALE', status: 'SUCCESS', gateway: 'shopify_payments', amount: { amount: '89.90', currencyCode: 'EUR' } };
    first.fields['order.transactions'] = [
      { ...sale, at: '2026-11-18T09:24:00Z' },
      { ...sale, at: '2026-11-18T09:24:35Z' },
    ];
    server.use(http.post('/api/card/order', () => HttpResponse.json(orderDetails(first))));
    const order = await openOrder('#1042');

    expect(await within(order).findByText('Charged 2 times')).toBeInTheDocument();
  });

  it('say when a cancelled order was cancelled and why, and leave the cancellation out of one that was not', async () => {
    const cancelled = await openOrder('#1024');
    const note = (await within(cancelled).findByText('Cancellation', {}, { timeout: 5000 })).nextElementSibling as HTMLElement;
    await vi.waitFor(() => expect(note).toHaveTextContent('Cancelled 15 Sept 2026, 08:00: the customer changed or cancelled the order'));
    expect(within(cancelled).getByText('Asked by WhatsApp to cancel')).toBeInTheDocument();
  });

  it('show no cancellation nor refunds for an order that has none', async () => {
    const order = await openOrder('#1042');
    await within(order).findByText('In transit');
    expect(within(order).queryByText('Cancellation')).not.toBeInTheDocument();
    expect(within(order).queryByText('Refunds')).not.toBeInTheDocument();
  });
});
