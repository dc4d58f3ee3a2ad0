import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { performedActions, resetActionMock } from '../../../mocks/api/action-handlers';
import { amelie } from '../../../mocks/api/fixtures';
import { problem } from '../../../mocks/api/problems';
import { server } from '../../../mocks/api/server';
import { renderWithProviders, stubMediaQuery } from '../../test/render';
import { NARROW_QUERY } from '../use-wide';
import { CardApp } from '../card-app';
import type { ConversationContext } from '../context';

const whatsapp: ConversationContext = {
  channel: 'WHATSAPP',
  customer: { phone: amelie.phone },
  locale: 'en-GB',
  conversationId: 'conv-42',
  host: 'postmessage',
};

beforeAll(() => Promise.all([import('../orders/order-details-view'), import('./order-action-buttons')]));
beforeEach(() => resetActionMock());

async function openOrder(name: string, actions?: { insertText?: (text: string) => void }) {
  const view = renderWithProviders(<CardApp context={whatsapp} {...(actions ? { actions } : {})} />);
  await view.user.click(await screen.findByRole('button', { name: `Show details of order ${name}` }));
  await screen.findByRole('heading', { level: 1, name: `Order ${name}` }, { timeout: 5_000 });
  return view;
}

async function openDialog(view: Awaited<ReturnType<typeof openOrder>>, button: string) {
  await view.user.click(await screen.findByRole('button', { name: button }, { timeout: 5_000 }));
  return screen.findByRole('dialog', { name: new RegExp(`^${button}`) });
}

describe('the order actions in a narrow card', () => {
  beforeEach(() => {
    stubMediaQuery(NARROW_QUERY);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("wait behind one button, so the order's fields are not pushed down; it opens them in place", async () => {
    const view = await openOrder('#1042');
    const group = await screen.findByRole('button', { name: /^Actions \(\d+\)/, expanded: false }, { timeout: 5_000 });
    expect(screen.queryByRole('list', { name: 'Actions on this order' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refund' })).not.toBeInTheDocument();

    await view.user.click(group);
    expect(group).toHaveAttribute('aria-expanded', 'true');
    const list = screen.getByRole('list', { name: 'Actions on this order' });
    await view.user.click(within(list).getByRole('button', { name: 'Refund' }));
    expect(await screen.findByRole('dialog', { name: /^Refund/ })).toBeInTheDocument();
  });
});

describe('the order actions', () => {
  it('shows each action the agent may use as a button named for it', async () => {
    await openOrder('#1042');
    const list = await screen.findByRole('list', { name: 'Actions on this order' }, { timeout: 5_000 });
    expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Refund', 'Cancel order', 'Add tag', 'Remove tag', 'Edit note', 'Create draft order']);
  });

  it('shows no action button when none is switched on for the agent', async () => {
    server.use(http.get('/api/actions/allowed', () => HttpResponse.json({ role: 'agent', allowed: [], refundLimit: null })));
    await openOrder('#1042');
    await screen.findAllByText('Payment status');
    expect(screen.queryByRole('button', { name: 'Refund' })).not.toBeInTheDocument();
  });
});

describe('the Refund dialog', () => {
  it('says what Shopify will refund, in the order’s currency, and refunds once however often it is clicked', async () => {
    const view = await openOrder('#1042');
    const dialog = await openDialog(view, 'Refund');
    const quantity = await within(dialog).findByLabelText('Quantity of Pull en laine mérinos to refund (1 refundable)');
    await view.user.clear(quantity);
    await view.user.type(quantity, '1');
    await view.user.click(within(dialog).getByRole('button', { name: 'Review' }));
    expect(await within(dialog).findByText('Shopify will refund €59.90 on #1042 to the original payment method.')).toBeInTheDocument();
    expect(within(dialog).getByText('1 × Pull en laine mérinos: €59.90')).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Refund €59.90 on #1042' });
    await view.user.dblClick(confirm);
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Refunded 59.90 EUR on #1042.');
    expect(performedActions).toEqual([{ action: 'refund', orderId: 'gid://shopify/Order/5101', key: expect.any(String) }]);
  });

  it('names the limit when the refund is over it, and offers no confirm', async () => {
    const view = await openOrder('#1042');
    const dialog = await openDialog(view, 'Refund');
    await view.user.click(await within(dialog).findByRole('checkbox', { name: 'The whole order' }));
    await view.user.click(within(dialog).getByRole('checkbox', { name: 'Refund the shipping (€4.90)' }));
    await view.user.click(within(dialog).getByRole('button', { name: 'Review' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Refunds by agents are limited to 80.00 EUR each; this one is 94.80 EUR.',
    );
    expect(within(dialog).queryByRole('button', { name: /^Refund €/ })).not.toBeInTheDocument();
    expect(performedActions).toEqual([]);
  });

  it('sends the same key again after the network dropped, and shows Shopify’s refusal in words', async () => {
    const keys: string[] = [];
    let calls = 0;
    server.use(
      http.post('/api/actions/refund', async ({ request }) => {
        keys.push(((await request.json()) as { key: string }).key);
        calls += 1;
        if (calls === 1) return HttpResponse.error();
        return problem(
          'SHOPIFY_USER_ERROR',
          'Shopify refused the action',
          'Shopify did not refund: Quantity cannot refund more items than were purchased (0 left to refund).',
        );
      }),
    );
    const view = await openOrder('#1042');
    const dialog = await openDialog(view, 'Refund');
    await view.user.type(await within(dialog).findByLabelText(/^Quantity of Chaussettes/), '{Backspace}1');
    await view.user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await view.user.click(await within(dialog).findByRole('button', { name: /^Refund €/ }));
    await view.user.click(await within(dialog).findByRole('button', { name: 'Try again' }));
    expect(await within(dialog).findByText(/Shopify did not refund: Quantity cannot refund more items/)).toBeInTheDocument();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });
});

describe('the other dialogs', () => {
  it('Cancel order says why an order with fulfilled items cannot be cancelled', async () => {
    const view = await openOrder('#1042');
    const dialog = await openDialog(view, 'Cancel order');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('#1042 has fulfilled items');
  });

  it('Cancel order confirms the reason, then cancels', async () => {
    const view = await openOrder('#1031');
    const dialog = await openDialog(view, 'Cancel order');
    await view.user.selectOptions(await within(dialog).findByLabelText('Reason'), 'Items were unavailable');
    await view.user.click(within(dialog).getByRole('checkbox', { name: 'Refund the payment' }));
    await view.user.click(within(dialog).getByRole('button', { name: 'Review' }));
    expect(await within(dialog).findByText('#1031 will be cancelled in Shopify, reason: items were unavailable.')).toBeInTheDocument();
    expect(within(dialog).getByText('The payment is not refunded.')).toBeInTheDocument();
    await view.user.click(within(dialog).getByRole('button', { name: 'Cancel #1031' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('#1031 is cancelled.');
  });

  it('Add tag adds a tag to the customer when chosen', async () => {
    const view = await openOrder('#1042');
    const dialog = await openDialog(view, 'Add tag');
    await view.user.click(await within(dialog).findByRole('radio', { name: 'The customer Amélie Dubois' }));
    await view.user.type(within(dialog).getByLabelText('Tag'), 'vip');
    await view.user.click(within(dialog).getByRole('button', { name: 'Review' }));
    expect(await within(dialog).findByText('The tag "vip" will be added to Amélie Dubois.')).toBeInTheDocument();
    await view.user.click(within(dialog).getByRole('button', { name: 'Add the tag vip' }));
    await within(dialog).findByRole('status');
    expect(performedActions.map((done) => done.action)).toEqual(['customerTags']);
  });

  it('Remove tag offers the order’s tags', async () => {
    const view = await openOrder('#1042');
    const dialog = await openDialog(view, 'Remove tag');
    expect(await within(dialog).findByLabelText('Tag to remove')).toHaveValue('newsletter');
    await view.user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await view.user.click(await within(dialog).findByRole('button', { name: 'Remove the tag newsletter' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Tag "newsletter" removed from #1042.');
  });

  it('Edit note shows the note that will replace the old one', async () => {
    const view = await openOrder('#1042');
    const dialog = await openDialog(view, 'Edit note');
    const note = await within(dialog).findByLabelText('Note on the order');
    expect(note).toHaveValue('Merci de laisser le colis chez la gardienne.');
    await view.user.clear(note);
    await view.user.type(note, 'Leave at the door');
    await view.user.click(within(dialog).getByRole('button', { name: 'Review' }));
    expect(await within(dialog).findByText('Leave at the door')).toBeInTheDocument();
    await view.user.click(within(dialog).getByRole('button', { name: 'Save the note' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('The note on #1042 is saved.');
  });

  it('Create draft order gives the invoice link to copy or insert into the reply', async () => {
    const insertText = vi.fn();
    const view = await openOrder('#1042', { insertText });
    const dialog = await openDialog(view, 'Create draft order');
    await view.user.click(await within(dialog).findByRole('button', { name: 'Review' }));
    await view.user.click(await within(dialog).findByRole('button', { name: 'Create the draft order' }));
    expect(await within(dialog).findByText('https://linden-and-loom.myshopify.com/12345/invoices/abc123')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    await view.user.click(within(dialog).getByRole('button', { name: 'Insert into reply' }));
    expect(insertText).toHaveBeenCalledWith('https://linden-and-loom.myshopify.com/12345/invoices/abc123');
  });

  it('closes on Escape and gives the focus back to its button, staying on the order', async () => {
    const view = await openOrder('#1042');
    await openDialog(view, 'Edit note');
    await view.user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Edit note' })).toHaveFocus();
    expect(screen.getByRole('heading', { level: 1, name: 'Order #1042' })).toBeInTheDocument();
  });
});

describe('the dialogs, to axe', { timeout: 20_000 }, () => {
  it('have nothing serious, in the form and the confirm step', async () => {
    const view = await openOrder('#1042');
    const dialog = await openDialog(view, 'Refund');
    const serious = async () =>
      (await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } })).violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => violation.id);
    await within(dialog).findByRole('checkbox', { name: 'The whole order' });
    expect(await serious()).toEqual([]);
    await view.user.click(within(dialog).getByRole('checkbox', { name: 'The whole order' }));
    await view.user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await within(dialog).findByText(/Shopify will refund/);
    expect(await serious()).toEqual([]);
  });
});
