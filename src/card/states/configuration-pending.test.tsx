import { fireEvent, screen, waitFor } from '@testing-library/react';
import { cardScenarios } from '../../../mocks/api/scenarios';
import { server } from '../../../mocks/api/server';
import { renderWithProviders, testToken } from '../../test/render';
import { CardApp } from '../card-app';

// These views are lazy-loaded: compile them once up front so that no test's timing includes it.
beforeAll(() => import('./state-views'));
const context = { channel: 'WHATSAPP', customer: { phone: '+33612345678' } } as const;

describe('Configuration Pending', () => {
  it('tells an agent what is missing and to ask an admin, with no link they cannot use', async () => {
    server.use(...cardScenarios.configurationPending('agent', ['credential', 'mapping']));
    renderWithProviders(<CardApp context={context} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Configuration Pending' })).toBeInTheDocument();
    const missing = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(missing).toEqual([
      'An active Shopify connection (credential)',
      'A saved field mapping (which order and customer fields to show)',
    ]);
    expect(screen.getByText('Ask an admin to finish setting up the Shopify card.')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('gives an admin a link to the configuration page, naming only what is missing', async () => {
    server.use(...cardScenarios.configurationPending('admin', ['mapping']));
    renderWithProviders(<CardApp context={context} />);

    await screen.findByRole('heading', { level: 1, name: 'Configuration Pending' });
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'A saved field mapping (which order and customer fields to show)',
    ]);
    const link = screen.getByRole('link', { name: /open the card configuration/i });
    expect(link).toHaveAttribute('href', '/config');
    expect(link).toHaveAccessibleName('Open the card configuration (opens in a new tab)');
    expect(screen.queryByText('Ask an admin to finish setting up the Shopify card.')).not.toBeInTheDocument();
  });

  it('hands the admin’s session to the configuration page in the fragment as the link is followed, and takes it back', async () => {
    server.use(...cardScenarios.configurationPending('admin', ['credential']));
    renderWithProviders(<CardApp context={context} />, { colorMode: 'dark' });
    const link = await screen.findByRole('link', { name: /open the card configuration/i });
    // Not left in the page for hover or copy: only as the link is followed.
    expect(link.getAttribute('href')).not.toContain(testToken);

    fireEvent.pointerDown(link, { button: 0 });
    expect(link).toHaveAttribute('href', `/config?theme=dark#token=${testToken}`);
    fireEvent.click(link);
    await waitFor(() => expect(link).toHaveAttribute('href', '/config'));
  });

  it('leaves the link as it is for the context menu', async () => {
    server.use(...cardScenarios.configurationPending('admin', ['credential']));
    renderWithProviders(<CardApp context={context} />);
    const link = await screen.findByRole('link', { name: /open the card configuration/i });
    fireEvent.pointerDown(link, { button: 2 });
    expect(link).toHaveAttribute('href', '/config');
  });
});
