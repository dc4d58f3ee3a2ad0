import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { amelie, matchedCard } from '../../mocks/api/fixtures';
import { server } from '../../mocks/api/server';
import { defaultFieldMapping, type FieldMapping } from '../shared/mapping';
import { renderWithProviders } from '../test/render';
import { CardApp } from './card-app';
import type { ConversationContext } from './context';

const token = 'header.payload.signature';
const whatsapp: ConversationContext = { channel: 'WHATSAPP', customer: { phone: amelie.phone }, locale: 'en-GB' };

function orderNames() {
  return within(screen.getByRole('list', { name: 'Orders' }))
    .getAllByRole('article')
    .map((order) => order.getAttribute('aria-label'));
}

describe('the matched card', () => {
  it("shows the customer's name, how the card found them and how many orders they have", async () => {
    renderWithProviders(<CardApp context={whatsapp} token={token} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Amélie Dubois' })).toBeInTheDocument();
    expect(screen.getByText('matched by phone +33612345678')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '12 orders' })).toBeInTheDocument();
    expect(screen.getByText('Showing the 4 most recent.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Amélie Dubois, 12 orders');
  });

  it('lists the orders newest first, each a card named after the order', async () => {
    renderWithProviders(<CardApp context={whatsapp} token={token} />);
    await screen.findByRole('heading', { name: 'Amélie Dubois' });

    expect(orderNames()).toEqual(['#1042', '#1037', '#1031', '#1024']);
  });

  it('shows the order-card fields the admin chose, each under its catalogue label', async () => {
    renderWithProviders(<CardApp context={whatsapp} token={token} />);
    const order = await screen.findByRole('article', { name: '#1037' });

    const rows = within(order).getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent]);
    expect(rows).toEqual([
      ['Order number', '#1037'],
      ['Order date', '29 Oct 2026'],
      ['Fulfillment status', 'Partially fulfilled'],
    ]);
  });

  it('follows a different choice of fields: money in its own currency, a status in words', async () => {
    const mapping: FieldMapping = {
      ...defaultFieldMapping,
      orderCard: ['order.totalPrice', 'order.displayFinancialStatus', 'order.tracking'],
    };
    server.use(http.post('/api/card', () => HttpResponse.json(matchedCard(amelie, undefined, mapping))));
    renderWithProviders(<CardApp context={whatsapp} token={token} />);
    const order = await screen.findByRole('article', { name: '#1037' });

    expect(within(order).getByText('Total')).toBeInTheDocument();
    expect(within(order).getByText('€1,249.00')).toBeInTheDocument();
    expect(within(order).getByText('Partially refunded')).toBeInTheDocument();
    expect(within(order).queryByText('Order number')).not.toBeInTheDocument();
    // The carrier's link is http:, so the tracking number is shown without a link.
    expect(within(order).getByText('1234567890')).toBeInTheDocument();
    expect(within(order).queryByRole('link')).not.toBeInTheDocument();
  });

  it('says so when the customer has no orders yet', async () => {
    const card = matchedCard();
    card.customer.numberOfOrders = 0;
    card.orders = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
    server.use(http.post('/api/card', () => HttpResponse.json(card)));
    renderWithProviders(<CardApp context={whatsapp} token={token} />);

    expect(await screen.findByRole('heading', { level: 2, name: '0 orders' })).toBeInTheDocument();
    expect(screen.getByText('No orders yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Orders' })).not.toBeInTheDocument();
  });

  it('matches by email on an email conversation', async () => {
    renderWithProviders(
      <CardApp context={{ channel: 'EMAIL', customer: { email: 'hanako.yamada@example.jp' }, locale: 'en-GB' }} token={token} />,
    );

    expect(await screen.findByRole('heading', { level: 1, name: '山田 花子' })).toBeInTheDocument();
    expect(screen.getByText('matched by email hanako.yamada@example.jp')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '2 orders' })).toBeInTheDocument();
  });
});
