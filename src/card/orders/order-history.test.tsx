import { screen, within } from '@testing-library/react';
import { margaret } from '../../../mocks/api/fixtures';
import { cardScenarios } from '../../../mocks/api/scenarios';
import { server } from '../../../mocks/api/server';
import { renderWithProviders } from '../../test/render';
import { CardApp } from '../card-app';
import type { ConversationContext } from '../context';

const email: ConversationContext = { channel: 'EMAIL', customer: { email: margaret.email }, locale: 'en-GB' };

const orders = () => within(screen.getByRole('list', { name: 'Orders' })).getAllByRole('article');

// Sixty order cards render in jsdom: seconds of work on a busy machine, beyond the default 5 s.
describe('the order history', { timeout: 45_000 }, () => {
  it('shows the first page the card open brought, with the total, and loads the rest page by page to the end', async () => {
    const { user } = renderWithProviders(<CardApp context={email} />);

    expect(await screen.findByRole('heading', { level: 2, name: '60 orders' })).toBeInTheDocument();
    expect(orders()).toHaveLength(10);
    expect(screen.getByText('Showing 10 of 60, newest first.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more orders' }));
    expect(await screen.findByText('Showing 35 of 60, newest first.')).toBeInTheDocument();
    expect(orders()).toHaveLength(35);
    expect(screen.getByRole('status')).toHaveTextContent('25 more orders loaded; 35 of 60 shown.');
    // Focus stays on the button, ready for the next page.
    expect(screen.getByRole('button', { name: 'Load more orders' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Load more orders' }));
    expect(await screen.findByText('All 60 orders are shown.')).toBeInTheDocument();
    expect(orders()).toHaveLength(60);
    expect(orders().at(-1)).toHaveAccessibleName('#2001');
    expect(screen.queryByRole('button', { name: 'Load more orders' })).not.toBeInTheDocument();
    // The button is gone: the keyboard lands on the first order the last page added.
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Show details of order #2025' })).toHaveFocus());
  });

  it('keeps the keyboard on "Load more" while a page loads, and ignores a second press', async () => {
    server.use(...cardScenarios.ordersSlow(200));
    const { user } = renderWithProviders(<CardApp context={email} />);
    const button = await screen.findByRole('button', { name: 'Load more orders' });

    await user.click(button);
    expect(screen.getByRole('button', { name: 'Loading more orders…' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Loading more orders…' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Loading more orders…' }));

    expect(await screen.findByText('Showing 35 of 60, newest first.')).toBeInTheDocument();
  });

  it('says what went wrong when a page cannot load, and keeps what is shown', async () => {
    server.use(...cardScenarios.ordersThrottled());
    const { user } = renderWithProviders(<CardApp context={email} />);

    await user.click(await screen.findByRole('button', { name: 'Load more orders' }));

    expect(await screen.findByText('Shopify is busy. Retry with “Load more orders”.', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Shopify is busy. Retry with “Load more orders”.');
    expect(orders()).toHaveLength(10);

    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Load more orders' }));
    expect(await screen.findByText('Showing 35 of 60, newest first.')).toBeInTheDocument();
    expect(screen.queryByText(/Shopify is busy/, { selector: 'p' })).not.toBeInTheDocument();
  });

  it('starts again from the first page when the agent refreshes the card', async () => {
    const { user } = renderWithProviders(<CardApp context={email} />);
    await user.click(await screen.findByRole('button', { name: 'Load more orders' }));
    await screen.findByText('Showing 35 of 60, newest first.');

    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(await screen.findByText('Showing 10 of 60, newest first.')).toBeInTheDocument();
    expect(orders()).toHaveLength(10);
  });
});
