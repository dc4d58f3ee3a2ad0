import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { configuredOverview } from '../../../mocks/api/config-handlers';
import { neverRunState, savedBasicMapping, upToDateState } from '../../../mocks/api/people-fixtures';
import { peopleScenarios } from '../../../mocks/api/people-scenarios';
import { server } from '../../../mocks/api/server';
import { basicPeopleMapping } from '../../shared/people';
import { openIntegrations, renderConfig } from '../../test/render-config';

type User = Awaited<ReturnType<typeof renderConfig>>['user'];

async function openMapping(user: User) {
  await openIntegrations(user);
  const block = screen.getByRole('region', { name: 'Shopify customers to people' });
  await user.click(within(block).getByRole('button', { name: 'Actions for Shopify customers to people' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Configure' }));
  return screen.findByRole('heading', { name: 'Shopify customers to people: mapping' }, { timeout: 10_000 });
}

const rows = () => within(screen.getByRole('list', { name: 'Mapped fields' })).getAllByRole('listitem');
const source = (n: number) => screen.getByRole('combobox', { name: `Row ${n}: Shopify customer field` });
const target = (n: number) => screen.getByRole('combobox', { name: `Row ${n}: People field` });
const selected = (select: HTMLElement) => (select as HTMLSelectElement).selectedOptions[0]?.textContent;

describe('the People mapping page', { timeout: 30_000 }, () => {
  it('opens with the basic initial mapping when none is saved, and says that nothing is re-synced', async () => {
    const { user } = await renderConfig(configuredOverview(), { people: { state: neverRunState() } });
    expect(await openMapping(user)).toHaveFocus();
    expect(rows()).toHaveLength(basicPeopleMapping.rows.length);
    expect(selected(source(1))).toBe('First name (text)');
    expect(selected(target(1))).toBe('First name (text)');
    expect(selected(source(5))).toBe('Address phones (phone number)');
    expect(selected(target(5))).toBe('Phones (phone number)');
    expect(selected(target(11))).toBe('shopifyOrdersCount (whole number)');
    expect(screen.getByText('Not saved yet: this is the basic initial mapping. Select Save to keep it.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Save' })).toHaveAccessibleDescription(
      'The mapping applies to every run from the next one on; nothing already synced is synced again.',
    );
  });

  it('tells an active sync’s admin that a saved mapping applies from then on, and nothing is re-synced', async () => {
    const { user } = await renderConfig(configuredOverview(), { people: { state: upToDateState() } });
    await openMapping(user);
    expect(screen.getByText(/^Version 1, last saved by demo at/)).toBeVisible();
    expect(
      screen.getByText(
        'A mapping saved while the sync is active applies to data synced from then on: nothing already synced is synced again.',
      ),
    ).toBeVisible();
  });

  it('shows each broken rule at its row as the admin edits, in the shared rules’ words', async () => {
    const { user } = await renderConfig(configuredOverview(), { people: { state: upToDateState() } });
    await openMapping(user);
    // Display name into First name, which First name already fills.
    await user.selectOptions(source(3), 'displayName');
    await user.selectOptions(target(3), 'standard:firstName');
    expect(target(3)).toHaveAccessibleDescription(
      'First name and Display name both go into First name: a People field takes one Shopify field',
    );
    expect(target(3)).toHaveAttribute('aria-invalid', 'true');
    // A number into a date: refused with both types named.
    await user.selectOptions(target(3), 'standard:birthDate');
    expect(target(3)).toHaveAccessibleDescription('Display name is a text and cannot go into Birth date, a date');
    await user.selectOptions(target(3), 'standard:lastName');
    expect(target(3)).toHaveAccessibleDescription(
      'Last name and Display name both go into Last name: a People field takes one Shopify field',
    );
    await user.click(screen.getByRole('button', { name: 'Remove row 2 (Last name)' }));
    expect(target(2)).not.toHaveAttribute('aria-invalid');
  });

  it('adds a row, refuses to save it unfinished, and saves once it is chosen', async () => {
    const { user, peopleApi } = await renderConfig(configuredOverview(), { people: { state: upToDateState() } });
    await openMapping(user);
    const before = rows().length;
    await user.click(screen.getByRole('button', { name: 'Add row' }));
    expect(rows()).toHaveLength(before + 1);
    const added = before + 1;
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Fix the rows marked below before saving.');
    expect(source(added)).toHaveAccessibleDescription('Choose a Shopify customer field, or remove this row with X.');
    expect(peopleApi.state.sync.mapping?.version).toBe(1);

    await user.selectOptions(source(added), 'note');
    expect(target(added)).toHaveAccessibleDescription('Choose a People field, or remove this row with X.');
    expect(source(added)).toHaveAccessibleDescription('The staff note on the customer. Choose a People field, or remove this row with X.');
    await user.selectOptions(target(added), 'standard:externalId');
    // Customer ID already fills External ID: the rule says so before any save.
    expect(target(added)).toHaveAccessibleDescription(/both go into External ID/);
    await user.click(
      screen.getByRole('button', {
        name: `Remove row ${basicPeopleMapping.rows.findIndex((r) => r.source === 'customerId') + 1} (Customer ID)`,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved as version 2. Runs from now on use it.')).toBeVisible();
    expect(peopleApi.state.sync.mapping?.mapping.rows.at(-1)).toEqual({
      source: 'note',
      target: { kind: 'standard', field: 'externalId' },
    });
  });

  it('creates a custom attribute with a name and a type, and maps a field into it', async () => {
    const { user, peopleApi } = await renderConfig(configuredOverview(), { people: { state: upToDateState() } });
    await openMapping(user);
    const form = screen.getByRole('form', { name: 'Create attribute' });
    await user.type(within(form).getByLabelText('Attribute name'), '9lives');
    await user.click(within(form).getByRole('button', { name: 'Create attribute' }));
    expect(within(form).getByLabelText('Attribute name')).toHaveAccessibleDescription(/starts with a letter/);
    await user.clear(within(form).getByLabelText('Attribute name'));
    await user.type(within(form).getByLabelText('Attribute name'), 'shopifyOrdersCount');
    await user.click(within(form).getByRole('button', { name: 'Create attribute' }));
    expect(within(form).getByLabelText('Attribute name')).toHaveAccessibleDescription(
      'There is already a People field or custom attribute named shopifyOrdersCount.',
    );
    await user.clear(within(form).getByLabelText('Attribute name'));
    await user.type(within(form).getByLabelText('Attribute name'), 'verifiedEmail');
    await user.selectOptions(within(form).getByLabelText('Type'), 'boolean');
    await user.click(within(form).getByRole('button', { name: 'Create attribute' }));
    expect(screen.getByText('Custom attribute verifiedEmail created: choose it in a row’s People field.')).toBeVisible();
    expect(within(screen.getByRole('list', { name: 'Custom attributes' })).getByText('verifiedEmail')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Add row' }));
    const added = rows().length;
    await user.selectOptions(source(added), 'verifiedEmail');
    await user.selectOptions(target(added), 'attribute:verifiedEmail');
    expect(target(added)).not.toHaveAttribute('aria-invalid');
    // In use: it cannot be removed until its row goes.
    await user.click(screen.getByRole('button', { name: 'Remove custom attribute verifiedEmail' }));
    expect(screen.getByText('verifiedEmail is used by a row: change or remove that row first.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved as version 2. Runs from now on use it.')).toBeVisible();
    const saved = peopleApi.state.sync.mapping?.mapping;
    expect(saved?.attributes).toContainEqual({ key: 'verifiedEmail', type: 'boolean' });
    expect(saved?.rows.at(-1)).toEqual({ source: 'verifiedEmail', target: { kind: 'attribute', key: 'verifiedEmail' } });
  });

  it('shows the server’s refusals at their rows', async () => {
    const { user } = await renderConfig(configuredOverview(), { people: { state: upToDateState() } });
    server.use(
      http.put('/api/people/mapping', () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'The request is not valid',
            status: 400,
            code: 'BAD_REQUEST',
            detail: 'Unknown People field: nickname',
            errors: [{ path: 'rows.2.target', message: 'Unknown People field: nickname' }],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    await openMapping(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server refused the mapping: fix the rows marked below.');
    expect(target(3)).toHaveAccessibleDescription('Unknown People field: nickname');
    // The next edit clears what the server said; the page's own checks take over.
    await user.selectOptions(target(3), 'standard:emails');
    expect(target(3)).not.toHaveAttribute('aria-invalid');
  });

  it('meets a save by another admin with the conflict, and Reload brings their mapping', async () => {
    const { user, peopleApi } = await renderConfig(configuredOverview(), { people: { state: upToDateState() } });
    await openMapping(user);
    await user.click(screen.getByRole('button', { name: 'Remove row 1 (First name)' }));
    // Another admin saves version 2 meanwhile, with one row only.
    peopleApi.state.sync.mapping = savedBasicMapping({
      version: 2,
      savedBy: 'ana@example.com',
      mapping: { rows: [{ source: 'email', target: { kind: 'standard', field: 'emails' } }], attributes: [] },
    });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Another admin saved first');
    expect(alert).toHaveTextContent('Reload to see their mapping');
    const said = (alert.textContent ?? '').replace(within(alert).getByRole('button', { name: 'Reload' }).textContent ?? '', '');
    expect(said.match(/reload/gi)).toHaveLength(1);
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByText(/^Version 2, last saved by ana@example.com at/)).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks before going back with unsaved changes, and goes back to the blocks', async () => {
    const { user } = await renderConfig(configuredOverview(), { people: { state: upToDateState() } });
    await openMapping(user);
    await user.click(screen.getByRole('button', { name: 'Remove row 1 (First name)' }));
    await user.click(screen.getByRole('button', { name: 'Back to Integrations' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You changed the mapping and did not save it.');
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(rows()).toHaveLength(basicPeopleMapping.rows.length - 1);
    await user.click(screen.getByRole('button', { name: 'Back to Integrations' }));
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(await screen.findByRole('region', { name: 'Shopify customers to people' })).toBeVisible();
  });

  it('keeps the admin’s rows when the save meets a conflict, until they choose Reload', async () => {
    const { user, peopleApi } = await renderConfig(configuredOverview(), { people: { state: upToDateState() } });
    server.use(...peopleScenarios.peopleMappingConflict());
    await openMapping(user);
    await user.click(screen.getByRole('button', { name: 'Remove row 1 (First name)' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The People mapping was saved by someone else while you were editing.');
    expect(rows()).toHaveLength(basicPeopleMapping.rows.length - 1);
    expect(peopleApi.state.sync.mapping?.version).toBe(1);
  });
});
