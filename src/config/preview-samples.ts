import { fieldCatalogue, type FieldKey, type FormatValue } from '../shared/fields';

type FormatOf<K extends FieldKey> = (typeof fieldCatalogue)[K]['format'];
type SampleFor<K extends FieldKey> = FormatValue[FormatOf<K>];

const eur = (amount: string) => ({ amount, currencyCode: 'EUR' });
const address = ['Amélie Dubois', '12 rue des Lilas', '69003 Lyon', 'France'];

/** A plausible value of each format, for fields without a sample of their own. */
const byFormat: { [F in keyof FormatValue]: FormatValue[F] } = {
  text: 'Sample text',
  email: 'amelie.dubois@example.fr',
  phone: '+33 6 12 34 56 78',
  number: 12,
  money: eur('89.90'),
  date: '2026-11-18T09:24:00Z',
  status: 'PAID',
  address,
  tags: ['newsletter', 'returning'],
  lineItems: [
    {
      title: 'Pull en laine mérinos',
      variantTitle: 'Bleu nuit / M',
      quantity: 1,
      sku: 'PULL-MER-BN-M',
      imageUrl: null,
      imageAlt: null,
      unitPrice: eur('59.90'),
    },
    {
      title: 'Chaussettes rayées, lot de 3',
      variantTitle: null,
      quantity: 2,
      sku: 'CHAU-RAY-3',
      imageUrl: null,
      imageAlt: null,
      unitPrice: eur('15.00'),
    },
  ],
  tracking: [{ company: 'Colissimo', number: '6A12345678901', url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901' }],
  shipments: [
    {
      status: 'IN_TRANSIT',
      estimatedDeliveryAt: '2026-11-21T18:00:00Z',
      deliveredAt: null,
      items: ['1 × Pull en laine mérinos', '2 × Chaussettes rayées, lot de 3'],
      tracking: [
        { company: 'Colissimo', number: '6A12345678901', url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901' },
      ],
    },
  ],
  transactions: [{ kind: 'SALE', status: 'SUCCESS', gateway: 'shopify_payments', amount: eur('89.90'), at: '2026-11-18T09:24:00Z' }],
  refunds: [{ amount: eur('15.00'), at: '2026-11-19T10:00:00Z', note: 'Socks arrived damaged' }],
  cancellation: { at: '2026-11-18T12:00:00Z', reason: 'CUSTOMER', note: null },
};

/** Samples that read better than the format's own: a real order number, the right kind of status. */
const byField: { [K in FieldKey]?: SampleFor<K> | null } = {
  'order.name': '#1042',
  'order.processedAt': '2026-11-18T09:25:00Z',
  'order.displayFulfillmentStatus': 'FULFILLED',
  'order.cancelledAt': null,
  'order.cancellation': null,
  'order.refunds': null,
  'order.currentTotalPrice': eur('89.90'),
  'order.subtotalPrice': eur('89.90'),
  'order.totalShippingPrice': eur('0.00'),
  'order.totalRefunded': eur('0.00'),
  'order.tags': ['gift'],
  'order.note': 'Merci de laisser le colis chez la gardienne.',
  'customer.displayName': 'Amélie Dubois',
  'customer.amountSpent': eur('2310.40'),
  'customer.createdAt': '2024-10-02T10:00:00Z',
  'customer.state': 'ENABLED',
  'customer.note': 'Prefers WhatsApp for delivery updates.',
};

/** The sample value the preview shows for a field; null shows as "Not set", as on the card. */
export function sampleValue<K extends FieldKey>(key: K): SampleFor<K> | null {
  if (Object.hasOwn(byField, key)) return byField[key] ?? null;
  return byFormat[fieldCatalogue[key].format] as SampleFor<K>;
}
