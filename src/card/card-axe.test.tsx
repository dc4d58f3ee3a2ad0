import { screen } from '@testing-library/react';
import axe from 'axe-core';
import type { RequestHandler } from 'msw';
import { amelie, margaret } from '../../mocks/api/fixtures';
import { cardScenarios } from '../../mocks/api/scenarios';
import { server } from '../../mocks/api/server';
import { renderWithProviders } from '../test/render';
import { CardApp } from './card-app';
import type { ConversationContext } from './context';

/**
 * axe over the states the demo inbox cannot show (loading, faults, stale data, the 60-day limit).
 * jsdom computes no colours, so contrast is left to the Playwright scans of the real card.
 */
const whatsapp: ConversationContext = { channel: 'WHATSAPP', customer: { phone: amelie.phone }, locale: 'en-GB' };

beforeAll(() =>
  Promise.all([
    import('./states/state-views'),
    import('./search/customer-search'),
    import('./orders/order-details-view'),
    import('./orders/order-items'),
    import('./actions/order-action-buttons'),
  ]),
);

async function expectNoSeriousViolations(): Promise<void> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

const states: [string, RequestHandler[], string][] = [
  ['loading', cardScenarios.loading(), 'Loading orders…'],
  ['Configuration Pending (admin)', cardScenarios.configurationPendingAdmin(), 'Configuration Pending'],
  ['no customer found', cardScenarios.notFound(), 'No customer found'],
  ['several customers', cardScenarios.multiple(), 'Several customers match'],
  ['stale data', cardScenarios.stale(), 'Amélie Dubois, 12 orders'],
  ['only the last 60 days visible', cardScenarios.recentOrdersOnly(), 'Amélie Dubois, 12 orders'],
  ['Shopify busy', cardScenarios.throttled(), 'Shopify is busy'],
  ['store frozen', cardScenarios.paymentRequired(), 'The Shopify store is frozen'],
  ['session expired', cardScenarios.sessionExpired(), 'Your session has expired'],
];

// axe walks the whole document in jsdom: slower than a user-event test on a busy machine.
describe('axe finds nothing serious', { timeout: 20_000 }, () => {
  it.each(states)('in the %s state', async (_state, handlers, status) => {
    server.use(...handlers);
    renderWithProviders(<CardApp context={whatsapp} />);
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(status));

    await expectNoSeriousViolations();
  });

  it('in the details of an order, stale, with its actions', async () => {
    server.use(...cardScenarios.orderStale());
    const { user } = renderWithProviders(<CardApp context={whatsapp} actions={{ insertText: () => {} }} />);
    await user.click(await screen.findByRole('button', { name: 'Show details of order #1042' }));
    await screen.findByText(/Shopify is not answering/);
    await screen.findByText('Pull en laine mérinos');

    await expectNoSeriousViolations();
  });

  it('with the search open and a wrong value in it', async () => {
    const { user } = renderWithProviders(<CardApp context={{ channel: 'EMAIL', customer: { email: margaret.email }, locale: 'en-GB' }} />);
    await user.click(await screen.findByRole('button', { name: 'Search' }));
    await user.type(await screen.findByRole('textbox', { name: 'Order number' }), '!!{Enter}');

    await expectNoSeriousViolations();
  });

  it('when the conversation has nothing to look up', async () => {
    renderWithProviders(<CardApp context={{ channel: 'VOICE', customer: {} }} />);
    await screen.findByRole('search');

    await expectNoSeriousViolations();
  });
});
