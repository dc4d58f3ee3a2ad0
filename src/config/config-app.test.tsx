import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { configuredOverview, emptyOverview } from '../../mocks/api/config-handlers';
import { problem } from '../../mocks/api/problems';
import { server } from '../../mocks/api/server';
import { renderWithProviders } from '../test/render';
import { configSystem } from '../ui/config-system';
import { ConfigApp } from './config-app';
import { openIntegrations, pickers, renderConfig } from '../test/render-config';

describe('the configuration page', () => {
  it('lists the credentials with their secret masked, which one is active, and when it was verified', async () => {
    await renderConfig(configuredOverview());
    const row = screen.getByRole('row', { name: /Linden & Loom \(sandbox store\)/ });
    expect(row).toHaveTextContent('••••loom');
    expect(row).toHaveTextContent('OAuth (client credentials grant)');
    expect(row).toHaveTextContent('linden-and-loom.myshopify.com');
    expect(row).toHaveTextContent(/Verified/);
    expect(within(row).getByText('Active')).toBeVisible();
    expect(row).not.toHaveTextContent('sandbox-client-secret');
  });

  it('tells an agent that the page is for admins only', async () => {
    server.use(http.get('/api/config', () => problem('FORBIDDEN', 'Not allowed for this role', 'Admins only.')));
    renderWithProviders(<ConfigApp />, { system: configSystem });
    expect(await screen.findByRole('heading', { name: 'Admins only' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent(/ask an admin/i);
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
  });

  it('asks for a session when the page was opened without a token', () => {
    renderWithProviders(<ConfigApp />, { token: null, system: configSystem });
    expect(screen.getByRole('alert')).toHaveTextContent(/session is missing/i);
  });

  it('asks for a new session when the token has expired, saying how to get one, and forgets the kept one', async () => {
    server.use(http.get('/api/config', () => problem('TOKEN_EXPIRED', 'The session has expired')));
    const refused = vi.fn();
    renderWithProviders(<ConfigApp onSessionRefused={refused} />, { system: configSystem });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/expired/i);
    expect(alert).toHaveTextContent(
      /open the configuration again from your inbox: its admin link, or Open the card configuration on the card/i,
    );
    expect(refused).toHaveBeenCalled();
  });

  it('says a reload will sign the admin out where the browser refuses the page its storage', async () => {
    renderWithProviders(<ConfigApp keptOnReload={false} />, { system: configSystem });
    expect(await screen.findByText(/does not let the page keep your session here/)).toBeVisible();
  });

  it('says how to get back after a reload lost the session', () => {
    renderWithProviders(<ConfigApp keptOnReload={false} />, { token: null, system: configSystem });
    expect(screen.getByRole('alert')).toHaveTextContent(
      /session is missing.*after a reload, open the configuration again from your inbox/i,
    );
  });

  it('starts a new admin on Add Credentials, with nothing configured', async () => {
    await renderConfig(emptyOverview());
    expect(screen.getByText(/No Shopify credentials yet/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Add Credentials' })).toBeVisible();
  });
});

describe('leaving unsaved card fields', { timeout: 30_000 }, () => {
  it('asks in the page before switching away, and keeps the changes when the admin stays', async () => {
    const { user } = await renderConfig();
    await openIntegrations(user);
    await user.click(screen.getByRole('button', { name: /Remove field 2 \(Total\) from Order card information/ }));
    expect(pickers('Order card information')).toHaveLength(1);

    await user.click(screen.getByRole('tab', { name: 'Credentials' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    // The server keeps the draft: the dialog must not say the changes are lost.
    expect(dialog).not.toHaveTextContent(/lost/i);
    expect(dialog).toHaveTextContent('Agents see them only once you select Save.');
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByRole('tab', { name: 'Integrations' })).toHaveAttribute('aria-selected', 'true');
    expect(pickers('Order card information')).toHaveLength(1);

    await user.click(screen.getByRole('tab', { name: 'Credentials' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByRole('tab', { name: 'Credentials' })).toHaveAttribute('aria-selected', 'true');
    await openIntegrations(user);
    expect(pickers('Order card information')).toHaveLength(2);
  });

  it('switches without asking when nothing changed', async () => {
    const { user } = await renderConfig();
    await openIntegrations(user);
    await user.click(screen.getByRole('tab', { name: 'Credentials' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Credentials' })).toHaveAttribute('aria-selected', 'true');
  });

  it('has the browser warn before the page is closed while changes are unsaved', async () => {
    const { user } = await renderConfig();
    await openIntegrations(user);
    const before = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(false);

    await user.click(screen.getByRole('button', { name: /Remove field 2 \(Total\)/ }));
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(true);
  });
});
