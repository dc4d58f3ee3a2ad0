import { screen, within } from '@testing-library/react';
import { amelie, margaret } from '../../../mocks/api/fixtures';
import { cardScenarios } from '../../../mocks/api/scenarios';
import { server } from '../../../mocks/api/server';
import { renderWithProviders } from '../../test/render';
import { CardApp } from '../card-app';
import type { ConversationContext } from '../context';

const whatsapp: ConversationContext = { channel: 'WHATSAPP', customer: { phone: amelie.phone }, locale: 'en-GB' };

// Order details are lazy-loaded: compile them once up front so that no test's timing includes it.
beforeAll(() => Promise.all([import('./order-details-view'), import('./order-items'), import('../actions/order-action-buttons')]));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());

async function openOrder(name: string, context: ConversationContext = whatsapp, actions?: { insertText?: (text: string) => void }) {
  const view = renderWithProviders(<CardApp context={context} {...(actions ? { actions } : {})} />);
  await view.user.click(await screen.findByRole('button', { name: `Show details of order ${name}` }));
  const heading = await screen.findByRole('heading', { level: 1, name: `Order ${name}` }, { timeout: 5000 });
  return { ...view, heading };
}

const details = () => screen.getByRole('article', { name: /^Order / });

describe('the details of an order', () => {
  it('show the order-detail fields the admin chose, each with its formatter', async () => {
    const { heading } = await openOrder('#1042');

    expect(heading).toHaveFocus();
    expect(await within(details()).findByText('Payment status')).toBeInTheDocument();
    const order = details();
    expect(within(order).getByText('Paid')).toBeInTheDocument();
    // The total (the payments, once they are in, show the amount too).
    expect(within(order).getByText('€89.90', { selector: 'dd' })).toBeInTheDocument();
    expect(await within(order).findByText('Pull en laine mérinos')).toBeInTheDocument();
    expect(within(order).getByText('Bleu nuit / M')).toBeInTheDocument();
    expect(within(order).getByText('1 × €59.90')).toBeInTheDocument();
    expect(within(order).getByText('SKU PULL-MER-BN-M')).toBeInTheDocument();
    expect(within(order).getByRole('link', { name: '6A12345678901 (opens in a new tab)' })).toHaveAttribute(
      'href',
      'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    );
    expect(within(order).getByText('12 rue des Lilas')).toBeInTheDocument();
    // The order's date stays in sight, with how long ago it was, and the order-card fields the details lack.
    expect(within(order).getByText(/^Placed/)).toHaveTextContent('Placed 18 Nov 2026 · 2 days ago');
    expect(within(order).getByText('Fulfilled', { selector: 'dd *' })).toBeInTheDocument();
  });

  it('load only https product images, described by the title beside them', async () => {
    await openOrder('#1042');
    await within(details()).findByText('Pull en laine mérinos');

    const images = details().querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]).toHaveAttribute('src', 'https://cdn.shopify.com/s/files/1/0000/0001/products/pull-merinos.jpg');
    expect(images[0]).toHaveAttribute('alt', '');
  });

  it('link to the order in the Shopify admin, in a new tab', async () => {
    await openOrder('#1042');

    const link = await within(details()).findByRole('link', { name: 'Open in Shopify admin (opens in a new tab)' });
    expect(link).toHaveAttribute('href', 'https://admin.shopify.com/store/linden-and-loom/orders/5101');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('show markup from Shopify as text, and load no image that is not https', async () => {
    await openOrder('#1031');
    expect(await within(details()).findByText('Bougie parfumée <b>Figuier</b>')).toBeInTheDocument();
    expect(details().querySelector('b, img')).toBeNull();
  });

  it('never link a tracking URL that is not https, and still show its number', async () => {
    const { user } = await openOrder('#1024');
    expect(await within(details()).findByText('XZ998877')).toBeInTheDocument();
    expect(within(details()).queryByRole('link', { name: /XZ998877/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to orders' }));
    await user.click(screen.getByRole('button', { name: 'Show details of order #1037' }));
    expect(await within(details()).findByText('1234567890')).toBeInTheDocument();
    expect(within(details()).queryByRole('link', { name: /1234567890/ })).not.toBeInTheDocument();
  });

  it('say what is wrong with the order', async () => {
    await openOrder('#1031');
    expect(details()).toHaveTextContent('Needs attention: Payment pendingUnfulfilled for over a week');
    // Each said once: the statuses they explain are not repeated beside them.
    expect(within(details()).queryByText('Unfulfilled', { selector: 'dd *' })).not.toBeInTheDocument();
  });

  it('say "Loading order …" once while they load, with the skeleton hidden from screen readers', async () => {
    server.use(...cardScenarios.orderLoading());
    await openOrder('#1042');

    expect(screen.getByRole('status')).toHaveTextContent('Loading order #1042…');
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(within(details()).queryByRole('list', { name: 'Order actions' })).not.toBeInTheDocument();
  });

  it('say the data is old when Shopify is not answering, with Refresh', async () => {
    server.use(...cardScenarios.orderStale());
    await openOrder('#1042');

    expect(await within(details()).findByText('Shopify is not answering; showing data from 5 minutes ago.')).toBeInTheDocument();
    expect(within(details()).getByRole('button', { name: 'Refresh' })).toBeInTheDocument();
  });

  it('say when the order cannot be found, without a Retry that cannot help', async () => {
    server.use(...cardScenarios.orderNotFound());
    await openOrder('#1042');

    expect(await within(details()).findByRole('heading', { level: 2, name: 'This order could not be found' })).toBeInTheDocument();
    expect(within(details()).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('This order could not be found');
  });

  it('offer Retry when Shopify could not be reached', async () => {
    server.use(...cardScenarios.orderUnreachable());
    const { user } = await openOrder('#1042');

    await user.click(await within(details()).findByRole('button', { name: 'Retry' }));
    server.resetHandlers();
    await user.click(await within(details()).findByRole('button', { name: 'Retry' }));
    expect(await within(details()).findByText('Payment status')).toBeInTheDocument();
  });
});

describe('going back to the list', () => {
  it('returns to the order the agent opened, with the pages loaded still there', async () => {
    const { user } = renderWithProviders(<CardApp context={{ channel: 'EMAIL', customer: { email: margaret.email }, locale: 'en-GB' }} />);
    await user.click(await screen.findByRole('button', { name: 'Load more orders' }));
    await screen.findByText('Showing 35 of 60, newest first.');

    await user.click(screen.getByRole('button', { name: 'Show details of order #2030' }));
    await screen.findByRole('heading', { level: 1, name: 'Order #2030' });
    expect(screen.queryByRole('list', { name: 'Orders' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to orders' }));

    expect(screen.getByRole('button', { name: 'Show details of order #2030' })).toHaveFocus();
    expect(screen.getByText('Showing 35 of 60, newest first.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Order #2030' })).not.toBeInTheDocument();
  });

  it('happens with Escape too', async () => {
    const { user } = await openOrder('#1037');

    await user.keyboard('{Escape}');

    expect(screen.getByRole('button', { name: 'Show details of order #1037' })).toHaveFocus();
  });
});

describe('what the agent can do with an order', () => {
  it('copies the order number and the tracking link, and says "Copied"', async () => {
    // user-event gives each test a clipboard of its own.
    const { user } = await openOrder('#1042');

    await user.click(await within(details()).findByRole('button', { name: 'Copy order number' }));
    expect(await navigator.clipboard.readText()).toBe('#1042');
    expect(screen.getByRole('status')).toHaveTextContent('Copied the order number');

    await user.click(within(details()).getByRole('button', { name: 'Copy tracking link' }));
    expect(await navigator.clipboard.readText()).toBe('https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901');
    expect(screen.getByRole('status')).toHaveTextContent('Copied the tracking link');
  });

  it('offers the tracking number, not an unsafe link, when the carrier link is not https', async () => {
    const { user } = await openOrder('#1037');

    await user.click(await within(details()).findByRole('button', { name: 'Copy tracking number' }));
    expect(await navigator.clipboard.readText()).toBe('1234567890');
    expect(within(details()).queryByRole('button', { name: 'Copy tracking link' })).not.toBeInTheDocument();
  });

  it('says when the copy failed', async () => {
    const { user } = await openOrder('#1042');
    // A frame without clipboard permission, in a browser without the older copy command.
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));

    await user.click(await within(details()).findByRole('button', { name: 'Copy order number' }));
    expect(screen.getByRole('status')).toHaveTextContent('Could not copy. Select the order number and copy it by hand.');
  });

  it('inserts a short summary into the reply, with the WhatsApp order number in bold', async () => {
    const insertText = vi.fn();
    const { user } = await openOrder('#1042', whatsapp, { insertText });

    await user.click(await within(details()).findByRole('button', { name: 'Insert into reply' }));

    expect(insertText).toHaveBeenCalledWith(
      '*Order #1042*, placed 18 Nov 2026\nFulfilled · Paid\nTotal: €89.90\nShipment: In transit, expected 21 Nov 2026\nTracking: Colissimo 6A12345678901 https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Summary of order #1042 inserted into the reply');
  });

  it('offers Copy summary instead of insert where the host cannot take text: the same summary', async () => {
    const { user } = await openOrder('#1042');
    await user.click(await within(details()).findByRole('button', { name: 'Copy summary' }));
    expect(within(details()).queryByRole('button', { name: 'Insert into reply' })).not.toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(
      '*Order #1042*, placed 18 Nov 2026\nFulfilled · Paid\nTotal: €89.90\nShipment: In transit, expected 21 Nov 2026\nTracking: Colissimo 6A12345678901 https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Copied the order summary');
  });
});
