import { screen, within } from '@testing-library/react';
import { configuredOverview, emptyOverview, sandboxCredential } from '../../mocks/api/config-handlers';
import { openIntegrations, renderConfig } from '../test/render-config';

const block = () => screen.getByRole('region', { name: 'Shopify Conversations Block' });

describe('the Shopify Conversations Block', { timeout: 60_000 }, () => {
  it('is activated with the chosen credential, recording who did it', async () => {
    const spare = sandboxCredential({ id: 'cred-spare', name: 'Spare store', source: 'ui', status: 'unverified', verifiedAt: null });
    const { user, api } = await renderConfig({ ...configuredOverview(), credentials: [sandboxCredential(), spare], activation: null });
    await openIntegrations(user);
    expect(block()).toHaveTextContent('Not active: agents see Configuration Pending.');

    await user.selectOptions(within(block()).getByLabelText('Credentials'), 'cred-spare');
    await user.click(within(block()).getByRole('button', { name: 'Activate' }));

    expect(await within(block()).findByText('The card is active with Spare store.')).toBeVisible();
    expect(await within(block()).findByText('Active with Spare store.')).toBeVisible();
    expect(api.state.activation).toMatchObject({ credentialId: 'cred-spare', changedBy: 'admin-1' });
  });

  it('is deactivated, and says agents then see Configuration Pending', async () => {
    const { user, api } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    expect(block()).toHaveTextContent('Active with Linden & Loom (sandbox store).');
    await user.click(within(block()).getByRole('button', { name: 'Deactivate' }));
    expect(await within(block()).findByText('The card is deactivated: agents see Configuration Pending.')).toBeVisible();
    expect(api.state.activation?.credentialId).toBeNull();
  });

  it('says that agents see Configuration Pending while no fields are saved', async () => {
    const { user } = await renderConfig({ ...configuredOverview(), mapping: null });
    await openIntegrations(user);
    expect(block()).toHaveTextContent(/No card fields are saved yet: agents see Configuration Pending/);
  });

  it('sends an admin without credentials to the Credentials tab', async () => {
    const { user } = await renderConfig(emptyOverview());
    await openIntegrations(user);
    expect(within(block()).queryByRole('button', { name: 'Activate' })).not.toBeInTheDocument();
    await user.click(within(block()).getByRole('button', { name: 'Go to Credentials' }));
    expect(screen.getByRole('button', { name: 'Add Credentials' })).toBeVisible();
  });
});
