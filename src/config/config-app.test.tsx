import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/api/server';
import { problem } from '../../mocks/api/problems';
import type { ConfigOverview } from '../shared/config-wire';
import { renderWithProviders } from '../test/render';
import { ConfigApp } from './config-app';

const overview: ConfigOverview = {
  credentials: [
    {
      id: 'c1', name: 'Linden & Loom', kind: 'client_credentials', shopDomain: 'linden-and-loom.myshopify.com', clientId: 'cid',
      secretHint: '••••loom', source: 'sandbox', status: 'verified', verifiedAt: null, createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z',
    },
  ],
  activation: { credentialId: 'c1', changedBy: 'demo', changedAt: '2026-11-01T00:00:00Z' },
  mapping: {
    version: 3,
    savedBy: 'ana@example.com',
    savedAt: '2026-11-20T10:00:00Z',
    mapping: {
      orderCard: ['order.name', 'order.totalPrice'],
      orderDetails: ['order.lineItems', 'order.tracking', 'order.shippingAddress'],
      customerDetails: ['customer.email', 'customer.phone', 'customer.amountSpent'],
    },
  },
};

describe('the configuration page', () => {
  it('shows admins the active credential with its secret masked and the saved fields by label', async () => {
    server.use(http.get('/api/config', () => HttpResponse.json(overview)));
    renderWithProviders(<ConfigApp token="a.b.c" />);
    const row = await screen.findByRole('row', { name: /Linden & Loom/ });
    expect(row).toHaveTextContent('••••loom');
    expect(row).toHaveTextContent('Active');
    expect(row).not.toHaveTextContent('sandbox-client-secret');
    const orderCard = screen.getByRole('region', { name: 'Order card information' });
    expect(orderCard).toHaveTextContent('Order number');
    expect(orderCard).toHaveTextContent('Total');
    expect(screen.getByText(/Last saved by ana@example.com/)).toBeVisible();
  });

  it('tells an agent that the page is for admins only', async () => {
    server.use(http.get('/api/config', () => problem('FORBIDDEN', 'Not allowed for this role', 'Admins only.')));
    renderWithProviders(<ConfigApp token="a.b.c" />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/admins only/i);
  });

  it('asks for a session when the page was opened without a token', () => {
    renderWithProviders(<ConfigApp token={null} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/session is missing/i);
  });
});
