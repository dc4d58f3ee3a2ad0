import { screen, within } from '@testing-library/react';
import type { LineItem, TrackingInfo } from '../../shared/fields';
import { renderWithProviders } from '../../test/render';
import type { FormatOptions } from '../fields/format-values';
import { LineItems, Shipments } from './order-items';

const options: FormatOptions = { locale: 'en-GB', density: 'full' };
const shown = () => screen.getByTestId('value');

function showItems(items: LineItem[], change: Partial<FormatOptions> = {}) {
  return renderWithProviders(
    <div data-testid="value">
      <LineItems items={items} {...options} {...change} />
    </div>,
  );
}
function showShipments(shipments: TrackingInfo[]) {
  return renderWithProviders(
    <div data-testid="value">
      <Shipments shipments={shipments} />
    </div>,
  );
}
function item(title: string, quantity = 1): LineItem {
  return {
    title,
    variantTitle: null,
    quantity,
    sku: null,
    imageUrl: null,
    imageAlt: null,
    unitPrice: { amount: '10.00', currencyCode: 'EUR' },
  };
}

describe('tracking', () => {
  it('links an https tracking page', () => {
    showShipments([{ company: 'Colissimo', number: '6A12345678901', url: 'https://www.laposte.fr/suivi?code=6A12345678901' }]);
    const link = within(shown()).getByRole('link', { name: '6A12345678901 (opens in a new tab)' });
    expect(link).toHaveAttribute('href', 'https://www.laposte.fr/suivi?code=6A12345678901');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(shown()).toHaveTextContent('Colissimo');
  });

  it.each([
    ['javascript:alert(document.domain)'],
    ['http://www.dhl.com/track?AWB=1234567890'],
    ['data:text/html,<script>alert(1)</script>'],
    ['not a url'],
  ])('never makes %s clickable, but still shows the number', (url) => {
    showShipments([{ company: 'DHL Express', number: '1234567890', url }]);
    expect(within(shown()).queryByRole('link')).not.toBeInTheDocument();
    expect(shown()).toHaveTextContent('DHL Express 1234567890');
  });

  it('offers "Track shipment" when there is a safe link but no number', () => {
    showShipments([{ company: null, number: null, url: 'https://track.example.com/abc' }]);
    expect(within(shown()).getByRole('link', { name: /Track shipment/ })).toBeInTheDocument();
  });
});

describe('line items', () => {
  it('show HTML in a product name as text', () => {
    showItems([item('Bougie parfumée <b>Figuier</b>')]);
    expect(screen.getByText('Bougie parfumée <b>Figuier</b>')).toBeInTheDocument();
    expect(shown().querySelector('b')).toBeNull();
  });

  it('show each item with its variant, SKU, quantity and unit price', () => {
    showItems([
      {
        ...item('Pull en laine mérinos', 2),
        variantTitle: 'Bleu nuit / M',
        sku: 'PULL-BN-M',
        unitPrice: { amount: '59.90', currencyCode: 'EUR' },
      },
    ]);
    const [line] = within(shown()).getAllByRole('listitem');
    expect(line).toHaveTextContent('Pull en laine mérinos');
    expect(line).toHaveTextContent('Bleu nuit / M');
    expect(line).toHaveTextContent('SKU PULL-BN-M');
    expect(line).toHaveTextContent('2 × €59.90');
  });

  it('load an https image only, and leave a plain square otherwise', () => {
    showItems([
      { ...item('Pull'), imageUrl: 'https://cdn.shopify.com/pull.jpg' },
      { ...item('Bougie'), imageUrl: 'javascript:alert(1)' },
      { ...item('Écharpe'), imageUrl: 'http://cdn.example.com/echarpe.jpg' },
    ]);
    const images = shown().querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]).toHaveAttribute('src', 'https://cdn.shopify.com/pull.jpg');
  });

  it('show three items when compact, then how many more there are', () => {
    showItems(
      ['A', 'B', 'C', 'D', 'E'].map((title) => item(title)),
      { density: 'compact' },
    );
    const rows = within(shown())
      .getAllByRole('listitem')
      .map((row) => row.textContent);
    expect(rows).toHaveLength(4);
    expect(rows.at(-1)).toBe('and 2 more items');
  });
});
