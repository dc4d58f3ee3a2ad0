import { screen, within } from '@testing-library/react';
import { amelie } from '../../../mocks/api/fixtures';
import { renderWithProviders } from '../../test/render';
import { CardApp } from '../card-app';
import type { ConversationContext } from '../context';

// The search and these views are lazy-loaded: compile them once up front so that no test's timing includes it.
beforeAll(() => Promise.all([import('./customer-search'), import('../states/state-views')]));
const whatsapp: ConversationContext = { channel: 'WHATSAPP', customer: { phone: amelie.phone }, locale: 'en-GB' };

describe('searching from a matched card (the wrong person was found)', () => {
  it('opens from the toolbar, puts the keyboard in the field, and Escape puts it away', async () => {
    const { user } = renderWithProviders(<CardApp context={whatsapp} />);
    const toggle = await screen.findByRole('button', { name: 'Search', expanded: false });

    await user.click(toggle);

    expect(await screen.findByRole('textbox', { name: 'Order number' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Close search', expanded: true })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Search', expanded: false })).toHaveFocus();
  });

  it('finds another customer by email, with the way back to the conversation’s own', async () => {
    const { user } = renderWithProviders(<CardApp context={whatsapp} />);
    await user.click(await screen.findByRole('button', { name: 'Search' }));
    const search = await screen.findByRole('search', { name: 'Search Shopify' });

    await user.click(within(search).getByRole('radio', { name: 'Email' }));
    await user.type(within(search).getByRole('textbox', { name: 'Email address' }), 'margaret.obrien@example.ie{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: "Margaret O'Brien" })).toHaveFocus();
    expect(screen.getByRole('heading', { level: 2, name: '60 orders' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Amélie Dubois' })).toHaveFocus();
  });

  it('says what to type when the value cannot be what was chosen', async () => {
    const { user } = renderWithProviders(<CardApp context={whatsapp} />);
    await user.click(await screen.findByRole('button', { name: 'Search' }));
    const search = await screen.findByRole('search');

    await user.click(within(search).getByRole('radio', { name: 'Phone' }));
    const field = within(search).getByRole('textbox', { name: 'Phone number' });
    await user.type(field, 'call me{Enter}');

    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Type a phone number with its country code, such as +44 7700 900123.');
    expect(screen.getByRole('heading', { level: 1, name: 'Amélie Dubois' })).toBeInTheDocument();
  });

  it('searches an email typed under "Order number" as the email it plainly is', async () => {
    const { user } = renderWithProviders(<CardApp context={whatsapp} />);
    await user.click(await screen.findByRole('button', { name: 'Search' }));

    await user.type(await screen.findByRole('textbox', { name: 'Order number' }), 'hanako.yamada@example.jp{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: '山田 花子' })).toBeInTheDocument();
  });

  it('finds a shopper by name, and lists those who share it for the agent to pick', async () => {
    const { user } = renderWithProviders(<CardApp context={whatsapp} />);
    await user.click(await screen.findByRole('button', { name: 'Search' }));
    const search = await screen.findByRole('search', { name: 'Search Shopify' });

    // Under the first choice, words are plainly a name.
    await user.type(within(search).getByRole('textbox', { name: 'Order number' }), 'smith{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Several customers match' })).toHaveFocus();
    expect(screen.getByText(/More than one Shopify customer has the name smith/)).toBeInTheDocument();
    await user.click(within(screen.getByRole('list', { name: 'Matching customers' })).getByRole('button', { name: /Olivia Smith/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Olivia Smith' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Search' }));
    const again = await screen.findByRole('search', { name: 'Search Shopify' });
    await user.click(within(again).getByRole('radio', { name: 'Name' }));
    await user.type(within(again).getByRole('textbox', { name: 'Customer name' }), "margaret o'brien{Enter}");
    expect(await screen.findByRole('heading', { level: 1, name: "Margaret O'Brien" })).toHaveFocus();
    expect(screen.getByText("matched by name margaret o'brien")).toBeInTheDocument();
  });

  it('says so when the order number belongs to nobody', async () => {
    const { user } = renderWithProviders(<CardApp context={whatsapp} />);
    await user.click(await screen.findByRole('button', { name: 'Search' }));

    await user.type(await screen.findByRole('textbox', { name: 'Order number' }), '#9999{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'No customer found' })).toHaveFocus();
    expect(screen.getByText('No Shopify customer has the order number #9999.')).toBeInTheDocument();
  });
});
