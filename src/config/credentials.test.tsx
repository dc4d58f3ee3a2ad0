import { screen, waitFor, within } from '@testing-library/react';
import { configuredOverview, emptyOverview, mockShop, sandboxCredential } from '../../mocks/api/config-handlers';
import { renderConfig } from '../test/render-config';

type User = Awaited<ReturnType<typeof renderConfig>>['user'];

async function openForm(user: User) {
  await user.click(screen.getByRole('button', { name: 'Add Credentials' }));
  return screen.findByRole('form', { name: 'Add Credentials' });
}

/** The Verify Credentials result, once it is there. */
async function verifyResult(form: HTMLElement): Promise<HTMLElement> {
  const title = await within(form).findByText(/^Connected to/);
  const region = title.closest<HTMLElement>('[role="status"]');
  if (!region) throw new Error('the verify result is not announced as a status');
  return region;
}

async function fillOAuth(user: User, form: HTMLElement, change: Partial<Record<'shop' | 'clientId' | 'clientSecret', string>> = {}) {
  const values = { shop: 'linden-and-loom', clientId: mockShop.clientId, clientSecret: mockShop.clientSecret, ...change };
  await user.type(within(form).getByLabelText('Shop domain'), values.shop);
  await user.type(within(form).getByLabelText('Client ID'), values.clientId);
  await user.type(within(form).getByLabelText('Client Secret'), values.clientSecret);
}

describe('Add Credentials', { timeout: 60_000 }, () => {
  it('offers OAuth (client credentials grant) first, and the Admin API Access Token marked deprecated', async () => {
    const { user } = await renderConfig(emptyOverview());
    const form = await openForm(user);
    expect(within(form).getByRole('radio', { name: /OAuth \(client credentials grant\)/ })).toBeChecked();
    expect(within(form).getByLabelText('Shop domain')).toBeVisible();
    expect(within(form).getByLabelText('Client ID')).toBeVisible();
    expect(within(form).getByLabelText('Client Secret')).toHaveAttribute('type', 'password');

    await user.click(within(form).getByRole('radio', { name: /Admin API Access Token/ }));
    expect(within(form).getByText('Deprecated')).toBeVisible();
    expect(within(form).getByLabelText('Shop name')).toBeVisible();
    expect(within(form).getByLabelText('API Key')).toBeVisible();
    expect(within(form).getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(within(form).queryByLabelText('Client Secret')).not.toBeInTheDocument();
  });

  it('checks each field when it is left, naming what is wrong', async () => {
    const { user } = await renderConfig(emptyOverview());
    const form = await openForm(user);
    const shop = within(form).getByLabelText('Shop domain');
    await user.type(shop, 'https://evil.example.com');
    await user.tab();
    expect(shop).toHaveAccessibleDescription(/acme\.myshopify\.com/);
    expect(shop).toHaveAttribute('aria-invalid', 'true');

    await user.click(within(form).getByLabelText('Client ID'));
    await user.tab();
    expect(within(form).getByLabelText('Client ID')).toHaveAccessibleDescription('Required');
    // A field the admin has not reached yet is not blamed.
    expect(within(form).getByLabelText('Client Secret')).not.toHaveAttribute('aria-invalid');
  });

  it('checks every field before Verify or Submit sends anything, and moves focus to the first fault', async () => {
    const { user, api } = await renderConfig(emptyOverview());
    const form = await openForm(user);
    await user.click(within(form).getByRole('button', { name: 'Submit' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Correct the fields marked below.');
    expect(within(form).getByLabelText('Shop domain')).toHaveFocus();
    expect(within(form).getByLabelText('Client Secret')).toHaveAttribute('aria-invalid', 'true');
    expect(api.state.credentials).toHaveLength(0);
  });

  it('verifies: shows the shop name and the granted scopes', async () => {
    const { user } = await renderConfig(emptyOverview());
    const form = await openForm(user);
    await fillOAuth(user, form);
    await user.click(within(form).getByRole('button', { name: 'Verify Credentials' }));
    const result = await verifyResult(form);
    expect(result).toHaveTextContent('Connected to Linden & Loom (linden-and-loom.myshopify.com).');
    expect(result).toHaveTextContent('Every scope the card needs is granted.');
    expect(within(result).getByRole('list', { name: 'Granted scopes' })).toHaveTextContent('read_orders');
  });

  it('names the missing scopes and the 60-day limit', async () => {
    const { user } = await renderConfig(emptyOverview(), { grantedScopes: ['read_customers', 'read_orders'] });
    const form = await openForm(user);
    await fillOAuth(user, form);
    await user.click(within(form).getByRole('button', { name: 'Verify Credentials' }));
    const result = await verifyResult(form);
    expect(result).toHaveTextContent(
      /Missing scopes: write_customers, read_draft_orders, write_draft_orders, write_orders, read_products, write_products/,
    );
    expect(result).toHaveTextContent(/only the last 60 days of orders/);
  });

  it('keeps what was typed when Verify fails, with Shopify’s reason', async () => {
    const { user } = await renderConfig(emptyOverview());
    const form = await openForm(user);
    await fillOAuth(user, form, { clientSecret: 'a-wrong-secret' });
    await user.click(within(form).getByRole('button', { name: 'Verify Credentials' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('Verification failed');
    expect(alert).toHaveTextContent(/refused the client ID or secret/);
    expect(within(form).getByLabelText('Shop domain')).toHaveValue('linden-and-loom');
    expect(within(form).getByLabelText('Client ID')).toHaveValue(mockShop.clientId);
    expect(within(form).getByLabelText('Client Secret')).toHaveValue('a-wrong-secret');
  });

  it('submits: the credential joins the list, named after the verified shop, and the next step is offered', async () => {
    const { user } = await renderConfig(emptyOverview());
    const form = await openForm(user);
    await fillOAuth(user, form);
    await user.click(within(form).getByRole('button', { name: 'Verify Credentials' }));
    await within(form).findByText(/Connected to Linden & Loom/);
    await user.click(within(form).getByRole('button', { name: 'Submit' }));

    expect(await screen.findByText('Credential "Linden & Loom" added.')).toBeVisible();
    expect(screen.queryByRole('form', { name: 'Add Credentials' })).not.toBeInTheDocument();
    const row = await screen.findByRole('row', { name: /Linden & Loom/ });
    expect(row).toHaveTextContent('••••loom');
    expect(row).toHaveTextContent('Not active');
    expect(screen.getByRole('button', { name: 'Go to Integrations' })).toBeVisible();
  });

  it('submits a legacy access token with Shop name, API Key and Password', async () => {
    const { user, api } = await renderConfig(emptyOverview());
    const form = await openForm(user);
    await user.click(within(form).getByRole('radio', { name: /Admin API Access Token/ }));
    await user.type(within(form).getByLabelText('Name (optional)'), 'Old custom app');
    await user.type(within(form).getByLabelText('Shop name'), 'linden-and-loom.myshopify.com');
    await user.type(within(form).getByLabelText('API Key'), mockShop.apiKey);
    await user.type(within(form).getByLabelText('Password'), mockShop.accessToken);
    await user.click(within(form).getByRole('button', { name: 'Submit' }));

    const row = await screen.findByRole('row', { name: /Old custom app/ });
    expect(row).toHaveTextContent('Admin API Access Token');
    expect(row).toHaveTextContent('Deprecated');
    expect(api.state.credentials[0]?.view).toMatchObject({ kind: 'access_token', clientId: mockShop.apiKey, shopDomain: mockShop.domain });
  });
});

describe('a stored credential', { timeout: 60_000 }, () => {
  it('is removed after confirmation', async () => {
    const spare = sandboxCredential({ id: 'cred-spare', name: 'Spare store', source: 'ui' });
    const { user } = await renderConfig({ ...configuredOverview(), credentials: [sandboxCredential(), spare] });
    await user.click(screen.getByRole('button', { name: 'Remove Spare store' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Spare store?' });
    expect(dialog).toHaveTextContent(/cannot be undone/);
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Credential "Spare store" removed.')).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('row', { name: /Spare store/ })).not.toBeInTheDocument());
  });

  it('stays when the admin cancels the removal', async () => {
    const spare = sandboxCredential({ id: 'cred-spare', name: 'Spare store', source: 'ui' });
    const { user, api } = await renderConfig({ ...configuredOverview(), credentials: [sandboxCredential(), spare] });
    await user.click(screen.getByRole('button', { name: 'Remove Spare store' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('row', { name: /Spare store/ })).toBeVisible();
    expect(api.state.credentials).toHaveLength(2);
  });

  it('cannot be removed while the card uses it, and the dialog says how to free it', async () => {
    const { user, api } = await renderConfig(configuredOverview());
    await user.click(screen.getByRole('button', { name: 'Remove Linden & Loom (sandbox store)' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent(/Deactivate the card, or activate another credential/);
    expect(within(dialog).queryByRole('button', { name: 'Remove' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(api.state.credentials).toHaveLength(1);
  });

  it('from the sandbox or the environment: removal warns that it comes back at the next start', async () => {
    const { user } = await renderConfig({ ...configuredOverview(), activation: null });
    expect(screen.getByRole('row', { name: /sandbox store/ })).toHaveTextContent('Sandbox store');
    await user.click(screen.getByRole('button', { name: 'Remove Linden & Loom (sandbox store)' }));
    expect(await screen.findByRole('alertdialog')).toHaveTextContent(/comes back at the next restart/);
  });

  it('gets a new secret without retyping the rest, and is then unverified', async () => {
    const { user, api } = await renderConfig(configuredOverview());
    await user.click(screen.getByRole('button', { name: 'Edit Linden & Loom (sandbox store)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Linden & Loom (sandbox store)' });
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Linden & Loom (sandbox store)');
    await user.type(within(dialog).getByLabelText('New Client Secret'), 'rotated-secret-0042');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText(/Select Verify to check the new secret/)).toBeVisible();
    const row = await screen.findByRole('row', { name: /sandbox store/ });
    await waitFor(() => expect(row).toHaveTextContent('••••0042'));
    expect(row).toHaveTextContent('Not verified');
    expect(api.state.credentials[0]).toMatchObject({
      secret: 'rotated-secret-0042',
      view: { shopDomain: mockShop.domain, clientId: mockShop.clientId },
    });
  });

  it('is verified again from the list, and marked refused when Shopify no longer accepts it', async () => {
    const { user, api } = await renderConfig(configuredOverview());
    await user.click(screen.getByRole('button', { name: 'Verify Linden & Loom (sandbox store)' }));
    expect(await screen.findByText(/works: connected to Linden & Loom/)).toBeVisible();

    const stored = api.state.credentials[0];
    if (stored) stored.secret = 'revoked';
    await user.click(screen.getByRole('button', { name: 'Verify Linden & Loom (sandbox store)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Shopify refused "Linden & Loom \(sandbox store\)"/);
    await waitFor(() => expect(screen.getByRole('row', { name: /sandbox store/ })).toHaveTextContent('Refused by Shopify'));
  });
});
