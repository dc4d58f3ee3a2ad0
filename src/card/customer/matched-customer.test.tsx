import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { amelie, matchedCard } from '../../../mocks/api/fixtures';
import { cardScenarios } from '../../../mocks/api/scenarios';
import { server } from '../../../mocks/api/server';
import { defaultFieldMapping, type FieldMapping } from '../../shared/mapping';
import { renderWithProviders, stubMediaQuery } from '../../test/render';
import { WIDE_QUERY } from '../use-wide';
import { CardApp } from '../card-app';
import type { ConversationContext } from '../context';

const whatsapp: ConversationContext = { channel: 'WHATSAPP', customer: { phone: amelie.phone }, locale: 'en-GB' };

function orderNames(list = 'Orders') {
  return within(screen.getByRole('list', { name: list }))
    .getAllByRole('article')
    .map((order) => order.getAttribute('aria-label'));
}

async function openCustomerDetails(user: { click: (element: Element) => Promise<void> }) {
  await user.click(await screen.findByRole('button', { name: 'Customer details' }));
  return screen.getByRole('region', { name: 'Customer details' });
}

function fieldRows(scope: HTMLElement) {
  return within(scope)
    .getAllByRole('term')
    .map((term) => [term.textContent, term.nextElementSibling?.textContent]);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('the matched card', () => {
  it("shows the customer's name, how the card found them and how many orders they have", async () => {
    renderWithProviders(<CardApp context={whatsapp} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Amélie Dubois' })).toBeInTheDocument();
    expect(screen.getByText('12 orders · €2,310.40 spent')).toBeInTheDocument();
    expect(screen.getByText('matched by phone +33612345678')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '12 orders' })).toBeInTheDocument();
    expect(screen.getByText('Showing 10 of 12, newest first.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Amélie Dubois, 12 orders');
  });

  it('names the phone the way the BFF grouped it, and says when it matched on an address', async () => {
    server.use(
      http.post('/api/card', () =>
        HttpResponse.json(matchedCard(amelie, { kind: 'phone', value: '+447700900123', display: '+44 7700 900123', via: 'address' })),
      ),
    );
    renderWithProviders(<CardApp context={whatsapp} />);

    expect(await screen.findByText('matched by phone +44 7700 900123 on an address')).toBeInTheDocument();
  });

  it('keeps the customer-detail fields the admin chose behind a button, the name being the title', async () => {
    const { user } = renderWithProviders(<CardApp context={whatsapp} />);
    const toggle = await screen.findByRole('button', { name: 'Customer details' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: 'Customer details' })).not.toBeInTheDocument();

    const details = await openCustomerDetails(user);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    expect(fieldRows(details)).toEqual([
      ['Email', 'amelie.dubois@example.fr'],
      ['Phone', '+33612345678'],
      ['Orders count', '12'],
      ['Amount spent', '€2,310.40'],
    ]);
  });

  it('lists the orders newest first, each a card named after the order, problem orders pinned at the top', async () => {
    renderWithProviders(<CardApp context={whatsapp} />);
    await screen.findByRole('heading', { name: 'Amélie Dubois' });

    expect(screen.getByRole('heading', { level: 3, name: 'Needs attention' })).toBeInTheDocument();
    expect(orderNames('Needs attention')).toEqual(['#1037', '#1031', '#1024']);
    // The group has an end: the other orders come under a heading of their own.
    expect(screen.getByRole('heading', { level: 3, name: 'Other orders' })).toBeInTheDocument();
    expect(orderNames('Other orders')).toEqual(['#1042', '#1019', '#1018', '#1017', '#1016', '#1015', '#1014']);
  });

  it('heads each order with its number and date, then the order-card fields the admin chose', async () => {
    renderWithProviders(<CardApp context={whatsapp} />);
    const order = await screen.findByRole('article', { name: '#1042' });

    expect(within(order).getByRole('heading', { level: 3 })).toHaveAccessibleName('Show details of order #1042');
    expect(within(order).getByRole('button')).toHaveAccessibleName('Show details of order #1042');
    expect(order).toHaveTextContent('Placed 18 Nov 2026 · 2 days ago');
    expect(fieldRows(order)).toEqual([
      ['Total', '€89.90'],
      ['Payment status', 'Paid'],
      ['Fulfillment status', 'Fulfilled'],
    ]);
  });

  it('says why a pinned order needs attention once, in the place of the status it explains', async () => {
    renderWithProviders(<CardApp context={whatsapp} />);
    const order = await screen.findByRole('article', { name: '#1037' });

    expect(fieldRows(order)).toEqual([
      ['Total', '€1,249.00'],
      ['Payment status', 'Partially refunded'],
      ['Fulfillment status', 'Partially fulfilled'],
    ]);
    expect(within(order).getAllByText('Partially refunded')).toHaveLength(1);
  });

  it('follows a different choice of fields: money in its own currency, a status in words', async () => {
    const mapping: FieldMapping = {
      ...defaultFieldMapping,
      orderCard: ['order.totalPrice', 'order.displayFinancialStatus', 'order.shippingAddress'],
    };
    server.use(http.post('/api/card', () => HttpResponse.json(matchedCard(amelie, undefined, mapping))));
    renderWithProviders(<CardApp context={whatsapp} />);
    const order = await screen.findByRole('article', { name: '#1037' });

    expect(within(order).getByText('Total')).toBeInTheDocument();
    expect(within(order).getByText('€1,249.00')).toBeInTheDocument();
    expect(within(order).getByText('Partially refunded', { selector: 'dd *' })).toBeInTheDocument();
    expect(within(order).queryByText('Order number')).not.toBeInTheDocument();
    expect(within(order).getByText('Shipping address:')).toBeInTheDocument();
    expect(within(order).getByText('69003 Lyon')).toBeInTheDocument();
  });

  it('says so when the customer has no orders yet', async () => {
    const card = matchedCard();
    card.customer.numberOfOrders = 0;
    card.orders = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
    server.use(http.post('/api/card', () => HttpResponse.json(card)));
    renderWithProviders(<CardApp context={whatsapp} />);

    expect(await screen.findByRole('heading', { level: 2, name: '0 orders' })).toBeInTheDocument();
    expect(screen.getByText('No orders yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Orders' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more orders' })).not.toBeInTheDocument();
  });

  it('matches by email on an email conversation', async () => {
    renderWithProviders(<CardApp context={{ channel: 'EMAIL', customer: { email: 'hanako.yamada@example.jp' }, locale: 'en-GB' }} />);

    expect(await screen.findByRole('heading', { level: 1, name: '山田 花子' })).toBeInTheDocument();
    expect(screen.getByText('matched by email hanako.yamada@example.jp')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '2 orders' })).toBeInTheDocument();
    expect(screen.getByText('All 2 orders are shown.')).toBeInTheDocument();
  });

  it("writes numbers, money and dates the agent's way", async () => {
    const { user } = renderWithProviders(<CardApp context={{ ...whatsapp, locale: 'de-DE' }} />);
    const details = await openCustomerDetails(user);

    expect(within(details).getByText('2.310,40 €')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: '#1037' })).getByText('29.10.2026')).toBeInTheDocument();
  });
});

describe('in a wide panel (a Chatwoot tab)', () => {
  beforeEach(() => {
    // The card's frame is 1,000 px wide: only the wide query matches.
    stubMediaQuery(WIDE_QUERY);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the list and the customer details side by side, then the open order beside the list', async () => {
    const { user } = renderWithProviders(<CardApp context={whatsapp} />);
    await screen.findByRole('heading', { level: 1, name: 'Amélie Dubois' });

    // Room enough: the details are shown, not behind a button.
    expect(screen.getByRole('region', { name: 'Customer details' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Customer details' })).not.toBeInTheDocument();

    const open = screen.getByRole('button', { name: 'Show details of order #1042' });
    await user.click(open);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Order #1042' });
    expect(heading).toHaveFocus();
    // The list stays in sight, the open order marked in it.
    expect(screen.getByRole('heading', { level: 1, name: 'Amélie Dubois' })).toBeVisible();
    expect(open).toHaveAttribute('aria-current', 'true');
    expect(screen.queryByRole('region', { name: 'Customer details' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Close order/ }));
    expect(open).toHaveFocus();
    expect(open).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('region', { name: 'Customer details' })).toBeVisible();
  });
});

describe('problem orders', () => {
  it('marks cancelled, partially refunded and long-unfulfilled orders in words, from the flags the BFF sends', async () => {
    renderWithProviders(<CardApp context={whatsapp} />);

    expect(within(await screen.findByRole('article', { name: '#1037' })).getByText('Partially refunded')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: '#1031' })).getByText('Unfulfilled for over a week')).toBeInTheDocument();
    const pinned = screen.getByRole('list', { name: 'Needs attention' });
    expect(within(within(pinned).getByRole('article', { name: '#1024' })).getByText('Cancelled')).toBeInTheDocument();
    expect(within(pinned).queryByRole('article', { name: '#1042' })).not.toBeInTheDocument();
  });

  it('reads what it can from the shown statuses when the BFF sends no flags, and invents nothing', async () => {
    const card = matchedCard();
    for (const order of card.orders.nodes) delete order.flags;
    server.use(http.post('/api/card', () => HttpResponse.json(card)));
    renderWithProviders(<CardApp context={whatsapp} />);

    // The order card shows the statuses and every order its date: an order unfulfilled for weeks shows, and a refund.
    expect(within(await screen.findByRole('article', { name: '#1031' })).getByText('Unfulfilled for over a week')).toBeInTheDocument();
    expect(orderNames('Needs attention')).toEqual(['#1037', '#1031']);
    // The cancellation is not among the shown fields, so it cannot be told.
    expect(orderNames('Other orders')).toContain('#1024');
  });
});

describe('what the card says about its data', () => {
  it('says the data is old when Shopify is not answering, and Refresh asks again', async () => {
    server.use(...cardScenarios.stale());
    const { user } = renderWithProviders(<CardApp context={whatsapp} />);

    expect(await screen.findByText('Shopify is not answering; showing data from 5 minutes ago.')).toBeInTheDocument();

    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    await vi.waitFor(() => expect(screen.queryByText(/Shopify is not answering/)).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 1, name: 'Amélie Dubois' })).toBeInTheDocument();
  });

  it('shows the last good card at once while Shopify is slow, then the fresh one when it comes', async () => {
    let asked = 0;
    server.use(
      http.post('/api/card', () => {
        asked += 1;
      }),
      ...cardScenarios.slowToAnswer(),
    );
    renderWithProviders(<CardApp context={whatsapp} />);

    expect(
      await screen.findByText('Shopify is slow to answer; showing data from 5 minutes ago until the fresh data comes.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Amélie Dubois' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refreshing…' })).toHaveAttribute('aria-disabled', 'true');

    await vi.waitFor(() => expect(screen.queryByText(/slow to answer/)).not.toBeInTheDocument(), { timeout: 3_000 });
    expect(screen.getByRole('heading', { level: 1, name: 'Amélie Dubois' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeInTheDocument();
    expect(asked).toBe(2);
  });

  it('says when only the last 60 days of orders are visible', async () => {
    server.use(...cardScenarios.recentOrdersOnly());
    renderWithProviders(<CardApp context={whatsapp} />);

    expect(await screen.findByText(/Only orders from the last 60 days are visible/)).toBeInTheDocument();
  });

  it('says nothing of the kind when the whole history is visible', async () => {
    renderWithProviders(<CardApp context={whatsapp} />);
    await screen.findByRole('heading', { level: 1, name: 'Amélie Dubois' });

    expect(screen.queryByText(/last 60 days/)).not.toBeInTheDocument();
    expect(screen.queryByText(/not answering/)).not.toBeInTheDocument();
  });
});

describe('Shopify data is shown as text', () => {
  it('never turns HTML in notes or tags into markup', async () => {
    const mapping: FieldMapping = { ...defaultFieldMapping, orderCard: ['order.note', 'order.tags'] };
    server.use(http.post('/api/card', () => HttpResponse.json(matchedCard(amelie, undefined, mapping))));
    renderWithProviders(<CardApp context={whatsapp} />);

    const order = await screen.findByRole('article', { name: '#1031' });
    expect(order).toHaveTextContent('<img src=x onerror=alert(1)>Deliver after 6 pm');
    expect(within(order).getByText('<b>vip</b>')).toBeInTheDocument();
    expect(order.querySelector('img, b')).toBeNull();
  });
});
