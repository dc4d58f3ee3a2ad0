import { screen } from '@testing-library/react';
import { cardScenarios } from '../../mocks/api/scenarios';
import { server } from '../../mocks/api/server';
import { renderWithProviders } from '../test/render';
import { CardApp } from './card-app';

const token = 'header.payload.signature';

describe('No customer found', () => {
  it('says which phone number was tried', async () => {
    server.use(...cardScenarios.notFound());
    renderWithProviders(<CardApp context={{ channel: 'VIBER', customer: { phone: '+447700900999' } }} token={token} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'No customer found' })).toBeInTheDocument();
    expect(screen.getByText('No Shopify customer has the phone +447700900999.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('No customer found');
  });

  it('says which email address was tried', async () => {
    renderWithProviders(<CardApp context={{ channel: 'EMAIL', customer: { email: 'new.shopper@example.com' } }} token={token} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'No customer found' })).toBeInTheDocument();
    expect(screen.getByText('No Shopify customer has the email new.shopper@example.com.')).toBeInTheDocument();
  });
});
