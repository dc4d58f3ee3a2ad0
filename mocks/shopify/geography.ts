import type { CarrierName } from './catalogue';
import type { CurrencyCode } from './money';

/** What the seed needs to know about each country it ships to. */
export type CountryProfile = {
  name: string;
  currency: CurrencyCode;
  carriers: readonly CarrierName[];
  /** Sales tax or VAT rate, and whether prices already include it (VAT countries). */
  taxRate: number;
  taxesIncluded: boolean;
  /** How the city line of an address reads: Shopify formats addresses per country. */
  cityLine: 'zip-city' | 'city-province-zip' | 'city-then-zip' | 'zip-province-city' | 'city-zip-province';
};

export const countries = {
  US: {
    name: 'United States',
    currency: 'USD',
    carriers: ['UPS', 'USPS'],
    taxRate: 0.0863,
    taxesIncluded: false,
    cityLine: 'city-province-zip',
  },
  CA: {
    name: 'Canada',
    currency: 'CAD',
    carriers: ['Canada Post', 'UPS'],
    taxRate: 0.13,
    taxesIncluded: false,
    cityLine: 'city-province-zip',
  },
  MX: { name: 'Mexico', currency: 'USD', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'zip-city' },
  BR: {
    name: 'Brazil',
    currency: 'USD',
    carriers: ['Correios', 'DHL Express'],
    taxRate: 0,
    taxesIncluded: false,
    cityLine: 'city-zip-province',
  },
  CO: { name: 'Colombia', currency: 'USD', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'zip-city' },
  GB: {
    name: 'United Kingdom',
    currency: 'GBP',
    carriers: ['Royal Mail', 'DHL Express'],
    taxRate: 0.2,
    taxesIncluded: true,
    cityLine: 'city-then-zip',
  },
  IE: { name: 'Ireland', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0.23, taxesIncluded: true, cityLine: 'city-then-zip' },
  FR: { name: 'France', currency: 'EUR', carriers: ['Colissimo', 'DHL Express'], taxRate: 0.2, taxesIncluded: true, cityLine: 'zip-city' },
  DE: { name: 'Germany', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0.19, taxesIncluded: true, cityLine: 'zip-city' },
  PL: { name: 'Poland', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0.23, taxesIncluded: true, cityLine: 'zip-city' },
  ES: { name: 'Spain', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0.21, taxesIncluded: true, cityLine: 'zip-city' },
  IT: { name: 'Italy', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0.22, taxesIncluded: true, cityLine: 'zip-city' },
  NL: { name: 'Netherlands', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0.21, taxesIncluded: true, cityLine: 'zip-city' },
  SE: { name: 'Sweden', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0.25, taxesIncluded: true, cityLine: 'zip-city' },
  NO: { name: 'Norway', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'zip-city' },
  DK: { name: 'Denmark', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0.25, taxesIncluded: true, cityLine: 'zip-city' },
  CZ: { name: 'Czechia', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0.21, taxesIncluded: true, cityLine: 'zip-city' },
  GR: { name: 'Greece', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0.24, taxesIncluded: true, cityLine: 'zip-city' },
  BG: { name: 'Bulgaria', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0.2, taxesIncluded: true, cityLine: 'zip-city' },
  UA: { name: 'Ukraine', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'zip-city' },
  KZ: { name: 'Kazakhstan', currency: 'USD', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'zip-city' },
  TR: { name: 'Türkiye', currency: 'EUR', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'zip-city' },
  IL: { name: 'Israel', currency: 'USD', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'city-then-zip' },
  AE: {
    name: 'United Arab Emirates',
    currency: 'USD',
    carriers: ['DHL Express'],
    taxRate: 0,
    taxesIncluded: false,
    cityLine: 'city-then-zip',
  },
  EG: { name: 'Egypt', currency: 'USD', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'city-then-zip' },
  SA: { name: 'Saudi Arabia', currency: 'USD', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'city-then-zip' },
  JP: { name: 'Japan', currency: 'JPY', carriers: ['Japan Post'], taxRate: 0.1, taxesIncluded: true, cityLine: 'zip-province-city' },
  KR: { name: 'South Korea', currency: 'USD', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'city-then-zip' },
  SG: { name: 'Singapore', currency: 'USD', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'city-then-zip' },
  VN: { name: 'Vietnam', currency: 'USD', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'city-then-zip' },
  IN: { name: 'India', currency: 'USD', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'city-zip-province' },
  AU: {
    name: 'Australia',
    currency: 'USD',
    carriers: ['Australia Post', 'DHL Express'],
    taxRate: 0,
    taxesIncluded: false,
    cityLine: 'city-province-zip',
  },
  NG: { name: 'Nigeria', currency: 'USD', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'city-then-zip' },
  ZA: { name: 'South Africa', currency: 'USD', carriers: ['DHL Express'], taxRate: 0, taxesIncluded: false, cityLine: 'city-then-zip' },
} as const satisfies Record<string, CountryProfile>;

export type CountryCode = keyof typeof countries;

export function countryProfile(code: CountryCode): CountryProfile {
  return countries[code];
}
