import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { configuredOverview } from '../../mocks/api/config-handlers';
import { http } from 'msw';
import { problem } from '../../mocks/api/problems';
import { server } from '../../mocks/api/server';
import { adminToken, openIntegrations, pickers, renderConfig, section } from '../test/render-config';

type User = ReturnType<typeof userEvent.setup>;

const ORDER_CARD = 'Order card information';
const ORDER_DETAILS = 'Order details information';
const CUSTOMER_DETAILS = 'Customer details information';

async function choose(user: User, picker: HTMLElement, option: RegExp) {
  await user.click(picker);
  await user.click(await screen.findByRole('option', { name: option }));
}

/**
 * Types into a field picker a key at a time, each once the input shows the keys before it: the
 * picker's input follows each key a frame late, and later still on a busy machine, where a key typed
 * too soon is lost.
 */

const preview = (part: string) => screen.getByRole('region', { name: `Preview: ${part}` });

describe('Order information', { timeout: 30_000 }, () => {
  it('shows the saved fields and who saved them last', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    expect(screen.getByRole('tab', { name: 'Order information' })).toHaveAttribute('aria-selected', 'true');
    expect(pickers(ORDER_CARD).map((p) => (p as HTMLInputElement).value)).toEqual(['Order number', 'Total']);
    expect(pickers(ORDER_DETAILS).map((p) => (p as HTMLInputElement).value)).toEqual(['Line items', 'Tracking', 'Shipping address']);
    expect(screen.getByText(/Last saved by ana@example.com at/)).toBeVisible();
  });

  it('takes at most three order-card fields: the fourth is refused with the reason', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    await user.click(within(section(ORDER_CARD)).getByRole('button', { name: 'Add Field' }));
    expect(pickers(ORDER_CARD)).toHaveLength(3);
    await choose(user, pickers(ORDER_CARD)[2] as HTMLElement, /^Fulfillment status/);

    const add = within(section(ORDER_CARD)).getByRole('button', { name: 'Add Field' });
    expect(add).toHaveAttribute('aria-disabled', 'true');
    await user.click(add);
    expect(pickers(ORDER_CARD)).toHaveLength(3);
    expect(section(ORDER_CARD)).toHaveTextContent('Order card information takes at most 3 fields: remove one before adding another.');
  });

  it('adds detail rows with Add Field, removes them with X, and never goes below three', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    const details = () => section(ORDER_DETAILS);
    await user.click(within(details()).getByRole('button', { name: 'Add Field' }));
    expect(pickers(ORDER_DETAILS)).toHaveLength(4);
    await user.click(within(details()).getByRole('button', { name: 'Remove field 4 from Order details information' }));
    expect(pickers(ORDER_DETAILS)).toHaveLength(3);

    const x = within(details()).getByRole('button', { name: 'Remove field 2 (Tracking) from Order details information' });
    expect(x).toHaveAttribute('aria-disabled', 'true');
    await user.click(x);
    expect(pickers(ORDER_DETAILS)).toHaveLength(3);
    expect(details()).toHaveTextContent('Order details information needs at least 3 fields: add another before removing this one.');
  });

  it('lists the catalogue grouped, with a description of each field, and finds fields by what they mean', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    await user.click(within(section(ORDER_DETAILS)).getByRole('button', { name: 'Add Field' }));
    const picker = pickers(ORDER_DETAILS)[3] as HTMLElement;
    await user.click(picker);
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('group')
        .map((g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent),
    ).toEqual(['Order', 'Status', 'Amounts', 'Items and delivery', 'Notes and tags']);
    expect(within(listbox).getByRole('option', { name: /^Subtotal/ })).toHaveTextContent(
      'The total of the line items before shipping and taxes.',
    );
    // Fields of another entity are not offered.
    expect(within(listbox).queryByRole('option', { name: /^Email/ })).not.toBeInTheDocument();

    // Pasted in one go: on a loaded machine, keys typed one by one can outrun the picker and get lost.
    await user.paste('refund');
    await waitFor(() =>
      expect(
        within(screen.getByRole('listbox'))
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual([
        expect.stringMatching(/^Payment status/),
        expect.stringMatching(/^Current total/),
        expect.stringMatching(/^Refunded/),
        expect.stringMatching(/^Refunds/),
      ]),
    );
  });

  it('never offers a field twice in one list', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    await user.click(pickers(ORDER_CARD)[1] as HTMLElement);
    const taken = await screen.findByRole('option', { name: /^Order number/ });
    expect(taken).toHaveAttribute('aria-disabled', 'true');
    expect(taken).toHaveTextContent('(already chosen)');
    await user.click(taken);
    expect((pickers(ORDER_CARD)[1] as HTMLInputElement).value).not.toBe('Order number');
  });

  it('refuses to save an empty row, saying what to do, and sends nothing', async () => {
    const { user, api } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    await user.click(within(section(ORDER_DETAILS)).getByRole('button', { name: 'Add Field' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Fix the fields marked below before saving.');
    const empty = pickers(ORDER_DETAILS)[3] as HTMLElement;
    expect(empty).toHaveAccessibleDescription('Choose a field, or remove this row with X.');
    expect(empty).toHaveAttribute('aria-invalid', 'true');
    expect(api.state.mapping?.version).toBe(3);
  });

  it('updates the preview as the admin edits, with sample values', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    const card = () => preview(ORDER_CARD);
    // The card's own order card: the number is its title, not a row.
    expect(within(card()).getByRole('article', { name: '#1042' })).toBeVisible();
    expect(card()).not.toHaveTextContent('Order number');
    expect(card()).toHaveTextContent('Total');
    expect(card()).not.toHaveTextContent('Payment status');

    await user.click(within(section(ORDER_CARD)).getByRole('button', { name: 'Add Field' }));
    await choose(user, pickers(ORDER_CARD)[2] as HTMLElement, /^Payment status/);
    expect(card()).toHaveTextContent('Payment status');
    expect(card()).toHaveTextContent('Paid');

    await user.click(within(section(ORDER_CARD)).getByRole('button', { name: /Remove field 2 \(Total\)/ }));
    expect(card()).not.toHaveTextContent('Total');
  });
});

describe('Customer information', { timeout: 30_000 }, () => {
  it('has the same rules: Add Field, X, never below three', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    await user.click(screen.getByRole('tab', { name: 'Customer information' }));
    const details = () => section(CUSTOMER_DETAILS);
    expect(pickers(CUSTOMER_DETAILS).map((p) => (p as HTMLInputElement).value)).toEqual(['Email', 'Phone', 'Amount spent']);
    await user.click(within(details()).getByRole('button', { name: /Remove field 1 \(Email\)/ }));
    expect(details()).toHaveTextContent('needs at least 3 fields');
    await user.click(within(details()).getByRole('button', { name: 'Add Field' }));
    await choose(user, pickers(CUSTOMER_DETAILS)[3] as HTMLElement, /^Customer tags/);
    expect(preview(CUSTOMER_DETAILS)).toHaveTextContent('Customer tags');
    await user.click(within(details()).getByRole('button', { name: /Remove field 1 \(Email\)/ }));
    expect(pickers(CUSTOMER_DETAILS).map((p) => (p as HTMLInputElement).value)).toEqual(['Phone', 'Amount spent', 'Customer tags']);
  });

  it('shows where the problems are when they are on the other tab', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    await user.click(screen.getByRole('tab', { name: 'Customer information' }));
    await user.click(within(section(CUSTOMER_DETAILS)).getByRole('button', { name: 'Add Field' }));
    await user.click(screen.getByRole('tab', { name: 'Order information' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const tab = await screen.findByRole('tab', { name: /Customer information \(1 to fix\)/ });
    expect(tab).toHaveAttribute('aria-selected', 'true');
  });
});

describe('Save', { timeout: 30_000 }, () => {
  it('saves both tabs in one version, says who saved and when, and that only later card opens change', async () => {
    const { user, api } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    await user.click(within(section(ORDER_CARD)).getByRole('button', { name: /Remove field 2 \(Total\)/ }));
    await user.click(screen.getByRole('tab', { name: 'Customer information' }));
    await user.click(within(section(CUSTOMER_DETAILS)).getByRole('button', { name: 'Add Field' }));
    await choose(user, pickers(CUSTOMER_DETAILS)[3] as HTMLElement, /^Name/);
    expect(screen.getByText('You have unsaved changes.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Saved\. Cards opened from now on show these fields\. Last saved by admin-1 at/)).toBeVisible();
    expect(api.state.mapping).toMatchObject({
      version: 4,
      savedBy: 'admin-1',
      mapping: {
        orderCard: ['order.name'],
        orderDetails: ['order.lineItems', 'order.tracking', 'order.shippingAddress'],
        customerDetails: ['customer.email', 'customer.phone', 'customer.amountSpent', 'customer.displayName'],
      },
    });
    expect(screen.queryByText('You have unsaved changes.')).not.toBeInTheDocument();
  });

  it('saves the suggested fields as the first mapping when none was saved', async () => {
    const { user, api } = await renderConfig({ ...configuredOverview(), mapping: null });
    await openIntegrations(user);
    expect(screen.getByText(/Not saved yet: these are suggested fields/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.state.mapping?.version).toBe(1));
  });

  it('meets another admin’s save with a conflict and a way to reload, never overwriting it', async () => {
    const { user, api } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    await user.click(within(section(ORDER_CARD)).getByRole('button', { name: /Remove field 2 \(Total\)/ }));

    // Meanwhile another admin saves version 4.
    const theirs = {
      version: 4,
      savedBy: 'bob@example.com',
      savedAt: '2026-11-20T11:00:00.000Z',
      mapping: {
        orderCard: ['order.name', 'order.createdAt', 'order.totalPrice'],
        orderDetails: ['order.note', 'order.tags', 'order.lineItems'],
        customerDetails: ['customer.displayName', 'customer.email', 'customer.phone'],
      },
    } as const;
    api.state.mapping = structuredClone({
      ...theirs,
      mapping: {
        orderCard: [...theirs.mapping.orderCard],
        orderDetails: [...theirs.mapping.orderDetails],
        customerDetails: [...theirs.mapping.customerDetails],
      },
    });

    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Another admin saved first');
    expect(alert).toHaveTextContent(/Reload to see their fields/);
    // "Reload" once in the message (the BFF's detail says it too), besides the button.
    const said = (alert.textContent ?? '').replace(within(alert).getByRole('button', { name: 'Reload' }).textContent ?? '', '');
    expect(said.match(/reload/gi)).toHaveLength(1);
    expect(api.state.mapping?.savedBy).toBe('bob@example.com');

    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() =>
      expect(pickers(ORDER_CARD).map((p) => (p as HTMLInputElement).value)).toEqual(['Order number', 'Order date', 'Total']),
    );
    expect(screen.getByText(/Last saved by bob@example.com/)).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.state.mapping?.version).toBe(5));
  });
});

describe('unsaved changes, kept for the admin', { timeout: 30_000 }, () => {
  const orderCard = () => pickers(ORDER_CARD).map((p) => (p as HTMLInputElement).value);

  /** The admin removes Total from the order card; the page goes away without a save. What the server kept: */
  async function editAndLeave() {
    const first = await renderConfig(configuredOverview());
    await openIntegrations(first.user);
    await first.user.click(within(section(ORDER_CARD)).getByRole('button', { name: /Remove field 2 \(Total\)/ }));
    expect(orderCard()).toEqual(['Order number']);
    await waitFor(() => expect(first.api.state.drafts.get('admin-1')).toMatchObject({ version: 3, lists: { orderCard: ['order.name'] } }));
    first.unmount();
    return { ...configuredOverview(), draft: first.api.state.drafts.get('admin-1') ?? null };
  }

  it('come back when the admin opens the page again, where they were, until saved', async () => {
    const again = await renderConfig(await editAndLeave());
    expect(screen.getByRole('tab', { name: 'Integrations' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('Your unsaved changes are back')).toBeVisible();
    expect(orderCard()).toEqual(['Order number']);
    expect(screen.getByText('You have unsaved changes.')).toBeVisible();

    await again.user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(again.api.state.mapping?.mapping.orderCard).toEqual(['order.name']));
    expect(screen.queryByText('Your unsaved changes are back')).not.toBeInTheDocument();
    expect(again.api.state.drafts.size).toBe(0);
  });

  it('go when the admin discards them, and the saved fields show again', async () => {
    const again = await renderConfig(await editAndLeave());
    await again.user.click(await screen.findByRole('button', { name: 'Discard them' }));
    expect(orderCard()).toEqual(['Order number', 'Total']);
    expect(screen.queryByText('You have unsaved changes.')).not.toBeInTheDocument();
    await waitFor(() => expect(again.api.state.drafts.size).toBe(0));
  });

  it('are offered to the admin who made them, not to another', async () => {
    const bob = await renderConfig(await editAndLeave(), { token: adminToken('bob@example.com') });
    expect(screen.getByRole('tab', { name: 'Credentials' })).toHaveAttribute('aria-selected', 'true');
    await openIntegrations(bob.user);
    expect(orderCard()).toEqual(['Order number', 'Total']);
    expect(screen.queryByText('Your unsaved changes are back')).not.toBeInTheDocument();
  });

  it('meet another admin’s save with the conflict, never overwriting it', async () => {
    const left = await editAndLeave();
    const theirs = { ...left, mapping: left.mapping && { ...left.mapping, version: left.mapping.version + 1, savedBy: 'bob@example.com' } };
    const again = await renderConfig(theirs);
    expect(await screen.findByText('Your unsaved changes are back')).toBeVisible();
    await again.user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Another admin saved first');
    expect(again.api.state.mapping?.savedBy).toBe('bob@example.com');
  });

  it('are sent at once, to outlive the page, when the page goes away mid-edit', async () => {
    const { user, api } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    const keptAlive: boolean[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT' && new URL(request.url).pathname === '/api/config/draft') keptAlive.push(request.keepalive);
    });
    await user.click(within(section(ORDER_CARD)).getByRole('button', { name: /Remove field 2 \(Total\)/ }));
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(() => expect(api.state.drafts.get('admin-1')?.lists.orderCard).toEqual(['order.name']));
    server.events.removeAllListeners();
    expect(keptAlive).toEqual([true]);
  });

  it('are said to be kept when the session expires at Save', async () => {
    const { user, api } = await renderConfig(configuredOverview());
    await openIntegrations(user);
    await user.click(within(section(ORDER_CARD)).getByRole('button', { name: /Remove field 2 \(Total\)/ }));
    await waitFor(() => expect(api.state.drafts.get('admin-1')?.lists.orderCard).toEqual(['order.name']));
    server.use(http.put('/api/config/mapping', () => problem('TOKEN_EXPIRED', 'The session has expired')));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your session has expired. Changes you made before it expired are kept: open the configuration again from your inbox, and save them there.',
    );
  });
});
