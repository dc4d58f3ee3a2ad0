import { screen, within } from '@testing-library/react';
import { configuredOverview, emptyOverview, mockShop, sandboxCredential } from '../../mocks/api/config-handlers';
import { openIntegrations, renderConfig } from '../test/render-config';

type User = Awaited<ReturnType<typeof renderConfig>>['user'];

/** Each use of the credential, as "name: verdict". */
const allows = (within_: HTMLElement) =>
  within(within(within_).getByRole('list', { name: 'What this credential allows' }))
    .getAllByRole('listitem')
    .map((item) => item.firstElementChild?.firstElementChild?.textContent);

async function verifyTyped(user: User) {
  await user.click(screen.getByRole('button', { name: 'Add Credentials' }));
  const form = await screen.findByRole('form', { name: 'Add Credentials' });
  await user.type(within(form).getByLabelText('Shop domain'), 'linden-and-loom');
  await user.type(within(form).getByLabelText('Client ID'), mockShop.clientId);
  await user.type(within(form).getByLabelText('Client Secret'), mockShop.clientSecret);
  await user.click(within(form).getByRole('button', { name: 'Verify Credentials' }));
  await within(form).findByText(/^Connected to/);
  return form;
}

describe('what a credential’s scopes allow', { timeout: 60_000 }, () => {
  it('says, from Verify Credentials, that every use is allowed with all the scopes', async () => {
    const { user } = await renderConfig(emptyOverview());
    const form = await verifyTyped(user);
    expect(allows(form)).toEqual([
      'The Shopify Context Card: Allowed',
      'Shopify customers to people (the People sync): Allowed',
      'Order action: Refund: Allowed',
      'Order action: Cancel order: Allowed',
      'Order action: Order tags: Allowed',
      'Order action: Customer tags: Allowed',
      'Order action: Edit note: Allowed',
      'Order action: Create draft order: Allowed',
    ]);
    expect(form).toHaveTextContent(/Abandoned checkouts are read with read_orders too, and only if the app’s staff account may manage/);
  });

  it('names the scope each use lacks, for a typed-in credential', async () => {
    const { user } = await renderConfig(emptyOverview(), { grantedScopes: ['read_customers', 'write_draft_orders'] });
    const form = await verifyTyped(user);
    expect(allows(form)).toEqual([
      'The Shopify Context Card: Needs read_orders',
      'Shopify customers to people (the People sync): Needs read_orders',
      'Order action: Refund: Needs write_orders',
      'Order action: Cancel order: Needs write_orders',
      'Order action: Order tags: Needs write_orders',
      'Order action: Customer tags: Needs write_customers',
      'Order action: Edit note: Needs write_orders',
      'Order action: Create draft order: Allowed',
    ]);
  });

  it('says the same when a stored credential is verified again from the list', async () => {
    const { user } = await renderConfig(configuredOverview(), { grantedScopes: ['read_customers', 'write_orders'] });
    await user.click(screen.getByRole('button', { name: 'Verify Linden & Loom (sandbox store)' }));
    const notice = (await screen.findByText(/works: connected to Linden & Loom/)).parentElement as HTMLElement;
    expect(await within(notice).findByRole('list', { name: 'What this credential allows' })).toBeVisible();
    expect(allows(notice).slice(0, 3)).toEqual([
      'The Shopify Context Card: Allowed',
      'Shopify customers to people (the People sync): Allowed',
      'Order action: Refund: Allowed',
    ]);
    expect(allows(notice)).toContain('Order action: Customer tags: Needs write_customers');
  });

  it('shows Missing scopes, not Verified, in the list for a credential without every required scope', async () => {
    const narrow = sandboxCredential({ grantedScopes: ['read_customers', 'write_orders', 'read_products'] });
    await renderConfig({ ...configuredOverview(), credentials: [narrow] });
    const row = screen.getByRole('row', { name: /Linden & Loom/ });
    expect(row).toHaveTextContent('Missing scopes: write_customers, read_draft_orders, write_draft_orders, write_products');
    expect(row).not.toHaveTextContent(/Verified/);
  });

  it('shows Missing scopes after a verification finds scopes gone, and Verified when they are back', async () => {
    const { user, api } = await renderConfig(configuredOverview(), { grantedScopes: ['read_customers', 'read_orders'] });
    const row = () => screen.getByRole('row', { name: /Linden & Loom/ });
    expect(row()).toHaveTextContent(/Verified/);
    await user.click(screen.getByRole('button', { name: 'Verify Linden & Loom (sandbox store)' }));
    expect(await within(row()).findByText(/^Missing scopes: write_customers/)).toBeVisible();
    expect(api.state.credentials[0]?.view.grantedScopes).toEqual(['read_customers', 'read_orders']);
  });

  it('warns when the card is activated with a credential that lacks required scopes, naming them', async () => {
    const narrow = sandboxCredential({
      id: 'cred-narrow',
      name: 'Narrow app',
      source: 'ui',
      grantedScopes: ['read_customers', 'read_orders'],
    });
    const { user } = await renderConfig({ ...configuredOverview(), credentials: [sandboxCredential(), narrow] });
    await openIntegrations(user);
    const block = screen.getByRole('region', { name: 'Shopify Conversations Block' });
    expect(within(block).queryByText(/lacks required scopes/)).not.toBeInTheDocument();
    await user.selectOptions(within(block).getByLabelText('Credentials'), 'cred-narrow');
    expect(within(block).getByRole('option', { name: /Narrow app/ })).toHaveTextContent('missing scopes: write_customers');
    expect(block).toHaveTextContent(
      'This credential lacks required scopes: write_customers, read_draft_orders, write_draft_orders, write_orders, read_products, write_products.',
    );
    await user.click(within(block).getByRole('button', { name: 'Activate' }));
    expect(await within(block).findByText('The card is active with Narrow app.')).toBeVisible();
    expect(block).toHaveTextContent('This credential lacks required scopes');
  });
});
