import { screen } from '@testing-library/react';
import { cardScenarios } from '../../../mocks/api/scenarios';
import { server } from '../../../mocks/api/server';
import { renderWithProviders } from '../../test/render';
import { CardApp } from '../card-app';

describe('while the card loads', () => {
  beforeEach(() => server.use(...cardScenarios.loading()));

  it('says "Loading orders…" in one polite live region', async () => {
    renderWithProviders(<CardApp context={{ channel: 'SMS', customer: { phone: '+33612345678' } }} />);

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Loading orders…');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });

  it('marks the order list busy and hides the skeletons from assistive technology', async () => {
    renderWithProviders(<CardApp context={{ channel: 'SMS', customer: { phone: '+33612345678' } }} />);

    const list = await screen.findByRole('list', { name: 'Orders', busy: true });
    expect(list).toBeInTheDocument();
    // Skeleton rows are aria-hidden, so the busy list has no items and the card no headings yet.
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.queryAllByRole('heading')).toHaveLength(0);
    expect(list.querySelectorAll('li[aria-hidden="true"]').length).toBeGreaterThan(0);
  });
});
