import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { configuredOverview } from '../../../mocks/api/config-handlers';
import { amelieDubois, directory, graceOkafor } from '../../../mocks/api/people-fixtures';
import { problem } from '../../../mocks/api/problems';
import { peopleScenarios } from '../../../mocks/api/people-scenarios';
import { server } from '../../../mocks/api/server';
import { renderConfig } from '../../test/render-config';

type User = Awaited<ReturnType<typeof renderConfig>>['user'];

async function openPeople(user: User) {
  await user.click(screen.getByRole('tab', { name: 'People' }));
  await screen.findByRole('heading', { name: 'People', level: 2 }, { timeout: 10_000 });
}

const list = () => screen.getByRole('list', { name: 'People' });
const names = () =>
  within(list())
    .getAllByRole('button')
    .map((b) => b.textContent);

async function openPerson(user: User, name: string) {
  await user.click(await within(await screen.findByRole('list', { name: 'People' })).findByRole('button', { name }));
  return screen.findByRole('heading', { name, level: 2 }, { timeout: 10_000 });
}

describe('the People tab', { timeout: 30_000 }, () => {
  it('lists people in name order, 25 a page, and shows more on demand', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openPeople(user);
    expect(await screen.findByText('Showing 25 people; more below.')).toBeVisible();
    expect(names().slice(0, 3)).toEqual(['Amélie Dubois', 'Grace Okafor', 'Shopper 01 Zimmermann']);
    const amelie = within(list()).getAllByRole('listitem')[0] as HTMLElement;
    expect(amelie).toHaveTextContent('amelie.dubois@example.fr');
    expect(amelie).toHaveTextContent('+33 6 12 34 56 78');
    expect(amelie).toHaveTextContent('Lyon, France');

    await user.click(screen.getByRole('button', { name: 'Show more people' }));
    expect(await screen.findByText('Showing 33 people.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Show more people' })).not.toBeInTheDocument();
  });

  it('searches by name, email or phone', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openPeople(user);
    const search = await screen.findByRole('searchbox', { name: 'Search people' });
    await user.type(search, 'grace{Enter}');
    await waitFor(() => expect(names()).toEqual(['Grace Okafor']));
    await user.clear(search);
    await user.type(search, 'hiroshi.tanaka@example.jp{Enter}');
    await waitFor(() => expect(names()).toEqual(['浩 田中']));
    await user.clear(search);
    await user.type(search, '+44 7700 900456{Enter}');
    await waitFor(() => expect(names()).toEqual(['Grace Okafor']));
    await user.clear(search);
    await user.type(search, 'nobody at all{Enter}');
    expect(await screen.findByText('No one in People matches “nobody at all”.')).toBeVisible();
  });

  it('says when there are no people yet, and what starts the sync', async () => {
    const { user } = await renderConfig(configuredOverview(), { people: { people: [] } });
    await openPeople(user);
    expect(await screen.findByText(/No people yet: activate Shopify customers to people on the Integrations tab/)).toBeVisible();
  });

  it('shows a person: contacts, fields with the mapping version that wrote each, and the customer in Shopify', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openPeople(user);
    expect(await openPerson(user, 'Amélie Dubois')).toHaveFocus();

    const contact = screen.getByRole('region', { name: 'Contact information' });
    expect(contact).toHaveTextContent('amelie.dubois@example.fr');
    expect(contact).toHaveTextContent('+33 6 12 34 56 78');
    expect(contact).toHaveTextContent('+33 4 78 00 00 01');

    const table = screen.getByRole('table', { name: /Fields and attributes/ });
    const row = (label: string) => within(table).getByRole('row', { name: new RegExp(`^${label} `) });
    expect(row('City')).toHaveTextContent('LyonMapping version 1');
    expect(row('Country')).toHaveTextContent('France (FR)');
    expect(row('Tags')).toHaveTextContent('vip, newsletter');
    expect(row('Birth date')).toHaveTextContent('Not set');
    expect(row('shopifyAmountSpent')).toHaveTextContent('1,289.4Mapping version 2');
    expect(row('shopifyEmailMarketingConsent')).toHaveTextContent('Yes');

    const shopify = screen.getByRole('region', { name: 'From Shopify' });
    const link = within(shopify).getByRole('link', { name: /Open in the Shopify admin/ });
    expect(link).toHaveAttribute('href', 'https://admin.shopify.com/store/linden-and-loom/customers/7346120000001');
    expect(link).toHaveAttribute('target', '_blank');
    expect(shopify).toHaveTextContent(/Last synced .*2026/);
  });

  it('lists events newest first, with an abandoned checkout’s items, total and recovery link to copy', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openPeople(user);
    await openPerson(user, 'Amélie Dubois');
    const events = screen.getByRole('list', { name: 'Events' });
    expect(
      within(events)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['Checkout abandoned', 'Order refunded: #1038', 'Order fulfilled: #1042', 'Order cancelled: #1040', 'Order placed: #1042']);
    const [checkout, refund, , cancelled] = within(events).getAllByRole('listitem') as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(checkout).toHaveTextContent('Total: €134.00');
    expect(checkout).toHaveTextContent('Items: 2 × Linen tea towel, 1 × Stoneware mug');
    expect(refund).toHaveTextContent('Note: Arrived torn');
    expect(cancelled).toHaveTextContent('Reason: The customer changed or cancelled the order');

    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(within(checkout).getByRole('button', { name: 'Copy recovery link' }));
    expect(await within(checkout).findByText('Recovery link copied.')).toBeVisible();
    expect(writeText).toHaveBeenCalledWith(amelieDubois().events[0]?.recoveryUrl);
  });

  it('deletes a person after a confirm step that says it is final until Shopify changes the customer', async () => {
    const { user, peopleApi } = await renderConfig(configuredOverview());
    await openPeople(user);
    await openPerson(user, 'Grace Okafor');
    await user.click(screen.getByRole('button', { name: 'Delete person' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Grace Okafor?' });
    expect(dialog).toHaveTextContent('This is final until Shopify changes this customer');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(peopleApi.state.people.some((p) => p.id === graceOkafor().id)).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Delete person' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete person' }));
    expect(await screen.findByText('Grace Okafor was deleted from People.')).toBeVisible();
    expect(peopleApi.state.people.some((p) => p.id === graceOkafor().id)).toBe(false);
    await waitFor(() => expect(names()).not.toContain('Grace Okafor'));
    expect(names()).toHaveLength(25);
  });

  it('goes back to the list with focus on the person it came from', async () => {
    const { user } = await renderConfig(configuredOverview());
    await openPeople(user);
    await openPerson(user, 'Grace Okafor');
    await user.click(screen.getByRole('button', { name: 'Back to people' }));
    await waitFor(() => expect(within(list()).getByRole('button', { name: 'Grace Okafor' })).toHaveFocus());
  });

  it('says when a person is gone, and when the list cannot be loaded', async () => {
    const { user } = await renderConfig(configuredOverview());
    server.use(http.get('/api/people/:id', () => problem('NOT_FOUND', 'Not found', 'There is no such person.'), { once: true }));
    await openPeople(user);
    await user.click(await within(await screen.findByRole('list', { name: 'People' })).findByRole('button', { name: 'Grace Okafor' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This person is no longer in People');

    server.use(http.get('/api/people', () => problem('INTERNAL', 'Internal error'), { once: true }));
    await user.click(screen.getByRole('button', { name: 'Back to people' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search people' }), 'zimmer{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Internal error');
    expect(screen.getByText('People could not be loaded.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Showing 25 people; more below.')).toBeVisible();
    expect(directory()).toHaveLength(33);
  });

  it('says so when the BFF cannot answer for People', async () => {
    const { user } = await renderConfig(configuredOverview());
    server.use(...peopleScenarios.peopleUnavailable());
    await openPeople(user);
    expect(await screen.findByText('People could not be loaded.')).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong on our side');
  });
});
