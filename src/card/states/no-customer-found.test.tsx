import { screen, within } from '@testing-library/react';
import { cardScenarios } from '../../../mocks/api/scenarios';
import { server } from '../../../mocks/api/server';
import { renderWithProviders } from '../../test/render';
import { CardApp } from '../card-app';

// The search and these views are lazy-loaded: compile them once up front so that no test's timing includes it.
beforeAll(() => Promise.all([import('../search/customer-search'), import('./state-views')]));

describe('No customer found', () => {
  it('says which phone number was tried, grouped the way the BFF sent it', async () => {
    server.use(...cardScenarios.notFound());
    renderWithProviders(<CardApp context={{ channel: 'VIBER', customer: { phone: '+447700900999' } }} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'No customer found' })).toBeInTheDocument();
    expect(screen.getByText('No Shopify customer has the phone +44 7700 900999.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('No customer found');
  });

  it('says which email address was tried', async () => {
    renderWithProviders(<CardApp context={{ channel: 'EMAIL', customer: { email: 'new.shopper@example.com' } }} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'No customer found' })).toBeInTheDocument();
    expect(screen.getByText('No Shopify customer has the email new.shopper@example.com.')).toBeInTheDocument();
  });

  it('offers the search at once, without taking the focus from the agent', async () => {
    renderWithProviders(<CardApp context={{ channel: 'EMAIL', customer: { email: 'new.shopper@example.com' } }} />);

    const search = await screen.findByRole('search', { name: 'Search Shopify' });
    expect(within(search).getByRole('radio', { name: 'Order number' })).toBeChecked();
    expect(within(search).getByRole('textbox', { name: 'Order number' })).not.toHaveFocus();
  });

  it("opens the order a caller reads out, then its shopper's orders, and the search can be cleared", async () => {
    const { user } = renderWithProviders(<CardApp context={{ channel: 'VOICE', customer: { phone: '+447700900999' } }} />);
    const search = await screen.findByRole('search', { name: 'Search Shopify' });

    await user.type(within(search).getByRole('textbox', { name: 'Order number' }), '1037');
    await user.click(within(search).getByRole('button', { name: 'Search' }));

    // That order opens, whoever's it is and wherever it stands in their history.
    expect(await screen.findByRole('heading', { level: 1, name: 'Order #1037' })).toHaveFocus();
    expect(screen.getByText(/Amélie Dubois's order/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Back to orders/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Amélie Dubois' })).toBeInTheDocument();
    expect(screen.getByText('matched by order number #1037')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'No customer found' })).toHaveFocus();
  });

  it("opens an order far down a long history, and Back shows the shopper's newest orders", async () => {
    const { user } = renderWithProviders(<CardApp context={{ channel: 'VOICE', customer: { phone: '+447700900999' } }} />);
    const search = await screen.findByRole('search', { name: 'Search Shopify' });

    await user.type(within(search).getByRole('textbox', { name: 'Order number' }), '# 20 03{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'Order #2003' })).toHaveFocus();
    expect(screen.getByText(/Margaret O'Brien's order/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('heading', { level: 1, name: "Margaret O'Brien" })).toHaveFocus();
    expect(screen.getByRole('button', { name: /#2060/ })).toBeInTheDocument();
  });
});

describe('when the conversation has nothing to look up', () => {
  it('still lets the agent search, by email', async () => {
    const { user } = renderWithProviders(<CardApp context={{ channel: 'VOICE', customer: {} }} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'No phone number to look up' })).toBeInTheDocument();
    const search = await screen.findByRole('search', { name: 'Search Shopify' });
    await user.click(within(search).getByRole('radio', { name: 'Email' }));
    await user.type(within(search).getByRole('textbox', { name: 'Email address' }), 'hanako.yamada@example.jp{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: '山田 花子' })).toHaveFocus();
    expect(screen.getByText('matched by email hanako.yamada@example.jp')).toBeInTheDocument();
  });

  it('offers no search without a session to search with', async () => {
    renderWithProviders(<CardApp context={{ channel: 'VOICE', customer: {} }} />, { token: null });

    expect(await screen.findByRole('heading', { level: 1, name: 'No phone number to look up' })).toBeInTheDocument();
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
  });
});
