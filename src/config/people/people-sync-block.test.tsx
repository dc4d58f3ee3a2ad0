import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { configuredOverview, sandboxCredential } from '../../../mocks/api/config-handlers';
import { failedRunState, firstRunState, neverRunState, savedBasicMapping, upToDateState } from '../../../mocks/api/people-fixtures';
import { problem } from '../../../mocks/api/problems';
import { server } from '../../../mocks/api/server';
import { syncRefetchInterval, SYNC_POLL_MS } from '../../api/people';
import { openIntegrations, renderConfig } from '../../test/render-config';

const block = () => screen.getByRole('region', { name: 'Shopify customers to people' });
const menuButton = () => within(block()).getByRole('button', { name: 'Actions for Shopify customers to people' });

/** The Integrations tab, once the block has its state (the first answer may be slow on a busy machine). */
async function openBlock(user: Awaited<ReturnType<typeof renderConfig>>['user']) {
  await openIntegrations(user);
  await waitFor(() => expect(within(block()).queryByText('Loading the sync’s state…')).not.toBeInTheDocument(), { timeout: 10_000 });
}

async function choose(user: Awaited<ReturnType<typeof renderConfig>>['user'], item: string) {
  await user.click(menuButton());
  await user.click(await screen.findByRole('menuitem', { name: item }));
}

describe('the Shopify customers to people block', { timeout: 30_000 }, () => {
  it('says what a new admin must do: never run, no credential, no mapping', async () => {
    const { user } = await renderConfig(configuredOverview(), { people: { state: neverRunState() } });
    await openBlock(user);
    expect(await within(block()).findByText('Never run. Activate starts the first run, which syncs every customer.')).toBeVisible();
    expect(block()).toHaveTextContent('Credentials: not set yet. Select Set Credentials in the menu.');
    expect(block()).toHaveTextContent('Mapping: not saved yet. Select Configure in the menu');
    expect(block()).toHaveTextContent('Not active');
    expect(block()).toHaveTextContent('Not active: no run is scheduled.');
  });

  it('shows the first run’s progress in figures and as a progress bar', async () => {
    const { user } = await renderConfig(configuredOverview(), { people: { state: firstRunState(), options: { runReads: 0 } } });
    await openBlock(user);
    expect(await within(block()).findByText(/First run under way: 2,340 of 10,000 customers\./)).toBeVisible();
    const bar = within(block()).getByRole('progressbar', { name: 'First run: 23% done' });
    expect(bar).toHaveAttribute('aria-valuenow', '2340');
    expect(bar).toHaveAttribute('aria-valuemax', '10000');
  });

  it('shows the last run, the next run and the counts when up to date', async () => {
    const { user } = await renderConfig(configuredOverview(), { people: { state: upToDateState() } });
    await openBlock(user);
    expect(await within(block()).findByText('Up to date.')).toBeVisible();
    expect(block()).toHaveTextContent('Credentials: Linden & Loom (sandbox store) (linden-and-loom.myshopify.com).');
    expect(block()).toHaveTextContent(/Mapping: version 1, saved by demo at/);
    expect(block()).toHaveTextContent(/Last run \(changes\) finished .*: 1 created, 3 updated, 7 events, 0 errors\./);
    expect(block()).toHaveTextContent(/Next run in 3 minutes \(.*\); then every 3 minutes\./);
    expect(block()).toHaveTextContent('In People: 33 people and 5 events.');
  });

  it('says why the last run stopped, in words', async () => {
    const { user } = await renderConfig(configuredOverview(), { people: { state: failedRunState() } });
    await openBlock(user);
    expect(await within(block()).findByText('The last run stopped short; the next run resumes it.')).toBeVisible();
    expect(block()).toHaveTextContent('1 error.');
    expect(block()).toHaveTextContent('It stopped: Shopify refused the request: the app lacks the read_orders scope.');
  });

  it('sets the credential from the stored ones, warning when one lacks the scopes the sync needs', async () => {
    const narrow = sandboxCredential({ id: 'cred-narrow', name: 'Storefront only', source: 'ui', grantedScopes: ['read_products'] });
    const { user, peopleApi } = await renderConfig(
      { ...configuredOverview(), credentials: [sandboxCredential(), narrow] },
      { people: { state: neverRunState() } },
    );
    await openBlock(user);
    await choose(user, 'Set Credentials');
    const dialog = await screen.findByRole('dialog', { name: 'Set Credentials' });
    await user.click(within(dialog).getByRole('radio', { name: /Storefront only/ }));
    expect(dialog).toHaveTextContent('This credential lacks read_customers, read_orders');
    await user.click(within(dialog).getByRole('radio', { name: /Linden & Loom \(sandbox store\)/ }));
    expect(dialog).not.toHaveTextContent('This credential lacks');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await within(block()).findByText('The sync reads Shopify with Linden & Loom (sandbox store).')).toBeVisible();
    expect(block()).toHaveTextContent('Credentials: Linden & Loom (sandbox store) (linden-and-loom.myshopify.com).');
    expect(peopleApi.state.sync.credentialId).toBe('cred-sandbox');
  });

  it('refuses to activate without a mapping, naming what is missing', async () => {
    const { user, peopleApi } = await renderConfig(configuredOverview(), {
      people: { state: { ...neverRunState(), credentialId: 'cred-sandbox' } },
    });
    await openBlock(user);
    await choose(user, 'Activate');
    expect(await within(block()).findByRole('alert')).toHaveTextContent('Before activating, choose a saved mapping (Configure).');
    expect(peopleApi.state.sync.active).toBe(false);
  });

  it('activates, and follows the first run by itself until it is up to date', async () => {
    const { user, peopleApi } = await renderConfig(configuredOverview(), {
      people: { state: { ...neverRunState(), credentialId: 'cred-sandbox', mapping: savedBasicMapping() }, options: { runReads: 2 } },
    });
    await openBlock(user);
    await choose(user, 'Activate');
    expect(await within(block()).findByText('The sync is active: the first run has started.')).toBeVisible();
    expect(peopleApi.state.sync.active).toBe(true);
    // No click: the block asks again while the run is under way, and shows it done.
    expect(await within(block()).findByText('Up to date.', {}, { timeout: SYNC_POLL_MS * 4 })).toBeVisible();
    expect(block()).toHaveTextContent(/Last run \(the first run\) finished .*: 33 created/);
    expect(within(block()).getByText('Active')).toBeVisible();
  });

  it('runs now and deactivates from the menu; Run now is offered only while active', async () => {
    const { user, peopleApi } = await renderConfig(configuredOverview(), { people: { state: upToDateState() } });
    await openBlock(user);
    await within(block()).findByText('Up to date.');
    await choose(user, 'Run now');
    expect(await within(block()).findByText('A run has started.')).toBeVisible();
    await waitFor(() => expect(peopleApi.state.sync.lastRun?.updated).toBe(1));

    await choose(user, 'Deactivate');
    expect(await within(block()).findByText('The sync is deactivated: no more runs. People keep the data synced so far.')).toBeVisible();
    expect(peopleApi.state.sync.active).toBe(false);
    await user.click(menuButton());
    expect(await screen.findByRole('menuitem', { name: 'Activate' })).toBeVisible();
    expect(screen.queryByRole('menuitem', { name: 'Run now' })).not.toBeInTheDocument();
  });

  it('says when the state cannot be loaded, and tries again', async () => {
    const { user, peopleApi } = await renderConfig(configuredOverview());
    server.use(http.get('/api/people/sync', () => problem('INTERNAL', 'Internal error'), { once: true }));
    await openBlock(user);
    expect(await within(block()).findByRole('alert')).toHaveTextContent('The sync’s state could not be loaded.');
    await user.click(within(block()).getByRole('button', { name: 'Try again' }));
    expect(await within(block()).findByText('Up to date.')).toBeVisible();
    expect(peopleApi.state.sync.phase).toBe('up_to_date');
  });
});

describe('when the block asks for the state again', () => {
  const now = Date.parse('2026-11-20T10:00:00Z');
  it('polls while a run is under way or due, waits for the next run when idle, and not at all when inactive', () => {
    expect(syncRefetchInterval(firstRunState(), now)).toBe(SYNC_POLL_MS);
    expect(syncRefetchInterval({ ...upToDateState(), nextRunAt: '2026-11-20T10:00:00Z' }, now)).toBe(SYNC_POLL_MS);
    expect(syncRefetchInterval({ ...upToDateState(), nextRunAt: '2026-11-20T10:02:00Z' }, now)).toBe(120_000 + SYNC_POLL_MS);
    expect(syncRefetchInterval({ ...upToDateState(), nextRunAt: '2026-11-20T09:50:00Z' }, now)).toBe(false);
    expect(syncRefetchInterval({ ...upToDateState(), active: false }, now)).toBe(false);
    expect(syncRefetchInterval(neverRunState(), now)).toBe(false);
  });
});
