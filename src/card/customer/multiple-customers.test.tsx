import { screen, within } from '@testing-library/react';
import { sharedPhone } from '../../../mocks/api/fixtures';
import { renderWithProviders } from '../../test/render';
import { CardApp } from '../card-app';

// These views are lazy-loaded: compile them once up front so that no test's timing includes it.
beforeAll(() => import('../states/state-views'));
const context = { channel: 'SMS', customer: { phone: sharedPhone }, locale: 'en-GB' } as const;

describe('several matching customers', () => {
  it('lists each candidate as a button with what tells them apart', async () => {
    renderWithProviders(<CardApp context={context} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Several customers match' })).toBeInTheDocument();
    expect(
      screen.getByText('More than one Shopify customer has the phone +44 7700 900123. Pick the one you are talking to.'),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Matching customers' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons).toHaveLength(2);
    const [oliver, olivia] = buttons as [HTMLElement, HTMLElement];
    expect(oliver).toHaveAccessibleName(/^Oliver Smith/);
    expect(within(oliver).getByText('oliver.smith@example.co.uk')).toBeInTheDocument();
    expect(within(oliver).getByText('+447700900123')).toBeInTheDocument();
    expect(within(oliver).getByText('3 orders')).toBeInTheDocument();
    expect(olivia).toHaveAccessibleName(/^Olivia Smith/);
    expect(within(olivia).getByText('1 order')).toBeInTheDocument();
  });

  it('shows the card of the customer the agent picks, and leads back to the list', async () => {
    const { user } = renderWithProviders(<CardApp context={context} />);

    await user.click(await screen.findByRole('button', { name: /Olivia Smith/ }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Olivia Smith' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('picked from several matching customers')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: '#1040' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to the matching customers' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Several customers match' })).toHaveFocus();
  });

  it('can be worked with the keyboard alone', async () => {
    const { user } = renderWithProviders(<CardApp context={context} />);
    await screen.findByRole('heading', { name: 'Several customers match' });

    // The toolbar's Search comes first, then the candidates.
    await user.tab();
    expect(screen.getByRole('button', { name: 'Search' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: /Oliver Smith/ })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'Oliver Smith' })).toHaveFocus();
    expect(screen.getByRole('heading', { level: 2, name: '3 orders' })).toBeInTheDocument();
    expect(screen.getByText('Showing 1 of 3, newest first.')).toBeInTheDocument();
  });
});
