import { screen } from '@testing-library/react';
import { http } from 'msw';
import { cardScenarios, type CardScenario } from '../../../mocks/api/scenarios';
import { createQueryClient } from '../../api/query-client';
import { server } from '../../../mocks/api/server';
import { renderWithProviders } from '../../test/render';
import { CardApp } from '../card-app';

const context = { channel: 'WHATSAPP', customer: { phone: '+33612345678' }, locale: 'en-GB' } as const;

function renderScenario(scenario: CardScenario) {
  server.use(...cardScenarios[scenario]());
  return renderWithProviders(<CardApp context={context} />);
}

describe('when the card cannot load', () => {
  it('says Shopify is busy, and Retry loads the card once Shopify answers', async () => {
    const { user } = renderScenario('throttled');

    expect(await screen.findByRole('heading', { level: 1, name: 'Shopify is busy' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Shopify is busy');

    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Amélie Dubois' })).toHaveFocus();
  });

  it.each([
    ['unreachable', 'Shopify is not answering'],
    ['shopifyError', 'Shopify answered with an error'],
  ] as const)('says what happened when Shopify fails (%s), with Retry', async (scenario, title) => {
    renderScenario(scenario);

    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('says Shopify is not answering after one request, since the BFF already retried, and Retry asks again', async () => {
    let asked = 0;
    server.use(
      http.post('/api/card', () => {
        asked += 1;
      }),
      ...cardScenarios.unreachable(),
    );
    // The card's own client, with its retry policy: the test client never retries.
    const { user } = renderWithProviders(<CardApp context={context} />, { queryClient: createQueryClient() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Shopify is not answering' })).toBeInTheDocument();
    expect(asked).toBe(1);

    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Amélie Dubois' })).toHaveFocus();
  });

  it.each([
    ['shopNotFound', 'Shopify does not know this shop', /Ask an admin to check the Shopify connection/],
    ['shopNotPermitted', 'The card may not read this shop', /not installed on this shop/],
    ['paymentRequired', 'The Shopify store is frozen', /store owner must settle it with Shopify/],
    ['scopeMissing', 'The card lacks a Shopify permission', /Ask an admin to grant it/],
    ['locked', 'The Shopify store is locked', /contact Shopify support/],
    ['credentialUnreadable', 'The Shopify connection needs attention', /Ask an admin to enter the credential’s secret again/],
  ] as const)('names the shop fault (%s) and who can fix it, without a Retry that cannot help', async (scenario, title, next) => {
    renderScenario(scenario);

    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(screen.getByText(next)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(title);
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('asks for an admin when the Shopify connection needs attention, without a Retry that cannot help', async () => {
    renderScenario('credentialsInvalid');

    expect(await screen.findByRole('heading', { level: 1, name: 'The Shopify connection needs attention' })).toBeInTheDocument();
    expect(screen.getByText(/Ask an admin to check the Shopify connection/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it.each(['sessionExpired', 'unauthenticated'] as const)(
    'asks to reopen the conversation when the session is over (%s)',
    async (scenario) => {
      renderScenario(scenario);

      expect(await screen.findByRole('heading', { level: 1, name: 'Your session has expired' })).toBeInTheDocument();
      expect(screen.getByText('Reopen the conversation to load the card again.')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    },
  );

  it('asks to reopen the conversation when the host gave the card no token', () => {
    renderWithProviders(<CardApp context={context} />, { token: null });

    expect(screen.getByRole('heading', { level: 1, name: 'Your session has expired' })).toBeInTheDocument();
  });

  it('says the card is offline when its server cannot be reached', async () => {
    renderScenario('offline');

    expect(await screen.findByRole('heading', { level: 1, name: 'The card is offline' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('says something went wrong on an internal error, never a blank card', async () => {
    renderScenario('internal');

    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
