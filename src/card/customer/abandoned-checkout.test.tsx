import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { amelie, matchedCard } from '../../../mocks/api/fixtures';
import { server } from '../../../mocks/api/server';
import { renderWithProviders } from '../../test/render';
import { CardApp } from '../card-app';
import type { ConversationContext } from '../context';

const whatsapp: ConversationContext = { channel: 'WHATSAPP', customer: { phone: amelie.phone }, locale: 'en-GB' };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('a shopper found through People', () => {
  it('says the match came through the People directory', async () => {
    server.use(
      http.post('/api/card', () =>
        HttpResponse.json(matchedCard(amelie, { kind: 'phone', value: '+33612345678', display: '+33 6 12 34 56 78', via: 'people' })),
      ),
    );
    renderWithProviders(<CardApp context={whatsapp} />);

    expect(await screen.findByText('matched by phone +33 6 12 34 56 78 in the People directory')).toBeInTheDocument();
  });

  it('shows their latest abandoned checkout, and copies its recovery link', async () => {
    const card = matchedCard();
    const recoveryUrl = 'https://linden-and-loom.myshopify.com/checkouts/recover/abc123';
    server.use(
      http.post('/api/card', () =>
        HttpResponse.json({
          ...card,
          abandonedCheckout: {
            id: 'gid://shopify/AbandonedCheckout/1',
            abandonedAt: '2026-11-19T09:00:00Z',
            total: { amount: '64.00', currencyCode: 'EUR' },
            items: ['2 × Linen shirt'],
            recoveryUrl,
          },
        }),
      ),
    );
    const { user } = renderWithProviders(<CardApp context={whatsapp} />);

    const checkout = await screen.findByRole('region', { name: 'Abandoned checkout' });
    expect(within(checkout).getByText('Left yesterday: €64.00')).toBeInTheDocument();
    expect(within(checkout).getByText('2 × Linen shirt')).toBeInTheDocument();
    await user.click(within(checkout).getByRole('button', { name: 'Copy recovery link' }));
    expect(await navigator.clipboard.readText()).toBe(recoveryUrl);
    expect(screen.getByRole('status')).toHaveTextContent('Copied the recovery link');
  });

  it('shows no checkout when there is none', async () => {
    renderWithProviders(<CardApp context={whatsapp} />);
    await screen.findByRole('heading', { level: 1, name: 'Amélie Dubois' });
    expect(screen.queryByRole('region', { name: 'Abandoned checkout' })).not.toBeInTheDocument();
  });
});
