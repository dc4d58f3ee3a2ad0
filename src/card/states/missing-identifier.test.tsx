import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import { CardApp } from '../card-app';

// These views are lazy-loaded: compile them once up front so that no test's timing includes it.
beforeAll(() => import('./state-views'));

describe('when the conversation has nothing to look up', () => {
  it('says a WhatsApp conversation came without a phone number, even if an email is known', async () => {
    renderWithProviders(<CardApp context={{ channel: 'WHATSAPP', customer: { email: 'amelie.dubois@example.fr' } }} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'No phone number to look up' })).toBeInTheDocument();
    expect(
      screen.getByText('This WhatsApp conversation did not come with a phone number, so the card cannot find the Shopify customer.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Loading orders…')).not.toBeInTheDocument();
  });

  it('says an email conversation came without an email address', async () => {
    renderWithProviders(<CardApp context={{ channel: 'EMAIL', customer: { phone: '+33612345678' } }} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'No email address to look up' })).toBeInTheDocument();
  });

  it('says when a Messenger conversation has neither email nor phone', async () => {
    renderWithProviders(<CardApp context={{ channel: 'MESSENGER', customer: { name: 'Amélie' } }} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Nothing to look up' })).toBeInTheDocument();
    expect(
      screen.getByText(
        'This Messenger conversation did not come with an email address or a phone number, so the card cannot find the Shopify customer.',
      ),
    ).toBeInTheDocument();
  });
});
