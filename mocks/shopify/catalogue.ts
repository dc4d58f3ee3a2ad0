import type { Prng } from './prng';

/** Linden & Loom's small catalogue: home textiles and homewares, priced in US cents. */
export type CatalogueProduct = {
  handle: string;
  title: string;
  /** Null for a product's only variant: Shopify answers `variantTitle: null` for "Default Title". */
  variants: readonly (string | null)[];
  skuPrefix: string | null;
  priceUsdCents: number;
  requiresShipping: boolean;
};

export const catalogue: readonly CatalogueProduct[] = [
  {
    handle: 'linen-duvet-cover',
    title: 'Linen Duvet Cover',
    variants: ['Queen / Sage', 'King / Oat', 'Queen / Charcoal'],
    skuPrefix: 'LL-DUV',
    priceUsdCents: 18900,
    requiresShipping: true,
  },
  {
    handle: 'linen-pillowcase-set',
    title: 'Linen Pillowcase Set',
    variants: ['Standard / Sage', 'Standard / Oat'],
    skuPrefix: 'LL-PIL',
    priceUsdCents: 5900,
    requiresShipping: true,
  },
  {
    handle: 'merino-wool-throw',
    title: 'Merino Wool Throw',
    variants: ['Heather Grey', 'Rust'],
    skuPrefix: 'LL-THR',
    priceUsdCents: 14900,
    requiresShipping: true,
  },
  {
    handle: 'waffle-bath-towel',
    title: 'Waffle Bath Towel',
    variants: ['White', 'Clay', 'Moss'],
    skuPrefix: 'LL-TWL',
    priceUsdCents: 3900,
    requiresShipping: true,
  },
  { handle: 'stoneware-mug', title: 'Stoneware Mug', variants: [null], skuPrefix: 'LL-MUG', priceUsdCents: 2850, requiresShipping: true },
  {
    handle: 'handwoven-table-runner',
    title: 'Handwoven Table Runner',
    variants: ['180 cm', '240 cm'],
    skuPrefix: 'LL-RUN',
    priceUsdCents: 6400,
    requiresShipping: true,
  },
  {
    handle: 'cotton-tea-towels',
    title: 'Cotton Tea Towels (Set of 3)',
    variants: [null],
    skuPrefix: 'LL-TEA',
    priceUsdCents: 2400,
    requiresShipping: true,
  },
  {
    handle: 'alpaca-cushion-cover',
    title: 'Alpaca Cushion Cover',
    variants: ['50 × 50 / Ivory', '50 × 50 / Ink'],
    skuPrefix: 'LL-CUS',
    priceUsdCents: 7200,
    requiresShipping: true,
  },
  {
    handle: 'beeswax-pillar-candle',
    title: 'Beeswax Pillar Candle',
    variants: [null],
    skuPrefix: 'LL-CAN',
    priceUsdCents: 2200,
    requiresShipping: true,
  },
  {
    handle: 'linen-bathrobe',
    title: 'Linen Bathrobe',
    variants: ['S/M', 'L/XL'],
    skuPrefix: 'LL-ROB',
    priceUsdCents: 12990,
    requiresShipping: true,
  },
  // A gift card has no SKU and ships nothing: the card must cope with `sku: null`.
  {
    handle: 'gift-card',
    title: 'Linden & Loom Gift Card',
    variants: ['$50'],
    skuPrefix: null,
    priceUsdCents: 5000,
    requiresShipping: false,
  },
];

export function productImageUrl(handle: string): string {
  return `https://cdn.shopify.com/s/files/1/0000/0001/products/${handle}.jpg`;
}

export type CarrierName =
  'UPS' | 'USPS' | 'DHL Express' | 'Royal Mail' | 'Japan Post' | 'Canada Post' | 'Colissimo' | 'Correios' | 'Australia Post';

type Carrier = { number: (prng: Prng) => string; url: (number: string) => string };

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** Tracking numbers shaped like each carrier's, with the carrier's public tracking page. */
const carriers: Record<CarrierName, Carrier> = {
  UPS: {
    number: (p) => `1Z${p.chars(LETTERS + DIGITS, 6)}${p.chars(DIGITS, 10)}`,
    url: (n) => `https://www.ups.com/track?tracknum=${n}`,
  },
  USPS: {
    number: (p) => `9400111${p.chars(DIGITS, 15)}`,
    url: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  },
  'DHL Express': {
    number: (p) => p.chars(DIGITS, 10),
    url: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}`,
  },
  'Royal Mail': {
    number: (p) => `${p.chars(LETTERS, 2)}${p.chars(DIGITS, 9)}GB`,
    url: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}`,
  },
  'Japan Post': {
    number: (p) => p.chars(DIGITS, 12),
    url: (n) => `https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=${n}&locale=en`,
  },
  'Canada Post': {
    number: (p) => p.chars(DIGITS, 16),
    url: (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${n}`,
  },
  Colissimo: {
    number: (p) => `6A${p.chars(DIGITS, 11)}`,
    url: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${n}`,
  },
  Correios: {
    number: (p) => `${p.chars(LETTERS, 2)}${p.chars(DIGITS, 9)}BR`,
    url: (n) => `https://rastreamento.correios.com.br/app/index.php?objeto=${n}`,
  },
  'Australia Post': {
    number: (p) => `33${p.chars(LETTERS, 3)}${p.chars(DIGITS, 7)}`,
    url: (n) => `https://auspost.com.au/mypost/track/details/${n}`,
  },
};

export function trackingFor(carrier: CarrierName, prng: Prng): { company: CarrierName; number: string; url: string } {
  const number = carriers[carrier].number(prng);
  return { company: carrier, number, url: carriers[carrier].url(number) };
}
