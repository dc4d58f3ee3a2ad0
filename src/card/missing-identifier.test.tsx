import { screen } from '@testing-library/react';
import { renderWithProviders } from '../test/render';
import { CardApp } from './card-app';

const token = 'header.payload.signature';

describe('when the conversation has nothing to look up', () => {
  it('says a WhatsApp conversation came without a phone number, even if an email is known', () => {
    renderWithProviders(<CardApp context={{ channel: 'WHATSAPP', customer: { email: 'amelie.dubois@example.fr' } }} token={token} />);

    expect(screen.getByRole('heading', { level: 1, name: 'No phone number to look up' })).toBeInTheDocument();
    expect(
      screen.getByText('This WhatsApp conversation did not come with a phone number, so the card cannot find the Shopify customer.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Loading orders…')).not.toBeInTheDocument();
  });

  it('says an email conversation came without an email address', () => {
    renderWithProviders(<CardApp context={{ channel: 'EMAIL', customer: { phone: '+33612345678' } }} token={token} />);

    expect(screen.getByRole('heading', { level: 1, name: 'No email address to look up' })).toBeInTheDocument();
  });

  it('says when a Messenger conversation has neither email nor phone', () => {
    renderWithProviders(<CardApp context={{ channel: 'MESSENGER', customer: { name: 'Amélie' } }} token={token} />);

    expect(screen.getByRole('heading', { level: 1, name: 'Nothing to look up' })).toBeInTheDocument();
    expect(
      screen.getByText(
        'This Messenger conversation did not come with an email address or a phone number, so the card cannot find the Shopify customer.',
      ),
    ).toBeInTheDocument();
  });
});
