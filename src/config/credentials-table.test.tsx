import { screen, within } from '@testing-library/react';
import { sandboxCredential } from '../../mocks/api/config-handlers';
import { renderWithProviders } from '../test/render';
import { configSystem } from '../ui/config-system';
import { CredentialsTable } from './credentials-table';

const legacy = sandboxCredential({ id: 'cred-2', name: 'Old custom app', kind: 'access_token', source: 'ui', secretHint: '••••oken' });

describe('the credentials table', () => {
  it('keeps a table’s rows, cells and column headers, each value under its column', () => {
    renderWithProviders(<CredentialsTable credentials={[sandboxCredential(), legacy]} activeId="cred-2" actions={() => null} />, {
      system: configSystem,
    });
    const table = screen.getByRole('table', { name: 'Shopify credentials' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual(['Name', 'Kind', 'Shop', 'Secret', 'Status', 'Card', 'Actions']);
    const row = within(table).getByRole('row', { name: /Old custom app/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells).toHaveLength(7);
    expect(cells[2]).toHaveTextContent('linden-and-loom.myshopify.com');
    expect(cells[3]).toHaveTextContent('••••oken');
    expect(within(cells[5]!).getByText('Active')).toBeVisible();
  });

  it('names each value on a narrow card without repeating the column in what a screen reader hears', () => {
    renderWithProviders(<CredentialsTable credentials={[legacy]} activeId={null} actions={() => null} />, { system: configSystem });
    const shop = within(screen.getByRole('row', { name: /Old custom app/ })).getAllByRole('cell')[2]!;
    expect(within(shop).getByText('Shop')).toHaveAttribute('aria-hidden', 'true');
    expect(shop).toHaveTextContent(/^Shoplinden-and-loom\.myshopify\.com$/);
  });
});
