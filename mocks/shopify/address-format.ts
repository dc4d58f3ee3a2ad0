import { countryProfile } from './geography';
import type { AddressRecord } from './seed-model';

/**
 * `MailingAddress.formatted(withName, withCompany)`: the address as lines in the country's own
 * order, the way Shopify formats it (postcode before the city in most of Europe, after it in
 * North America, on its own line in the UK and Ireland…).
 */
export function formatAddress(address: AddressRecord, options: { withName: boolean; withCompany: boolean }): string[] {
  const profile = countryProfile(address.countryCode);
  // Japan, China, Korea and Taiwan write the family name first, on an address as in the customer's name.
  const familyFirst = ['JP', 'CN', 'KR', 'TW'].includes(address.countryCode);
  const name = (familyFirst ? [address.lastName, address.firstName] : [address.firstName, address.lastName]).filter(Boolean).join(' ');
  const province = address.provinceCode ?? address.province;
  const join = (...parts: (string | null)[]) => parts.filter((part) => part).join(' ');
  const cityLines: Record<typeof profile.cityLine, string[]> = {
    'zip-city': [join(address.zip, address.city), ...(address.province ? [address.province] : [])],
    'city-province-zip': [join(address.city, province, address.zip)],
    'city-then-zip': [address.city, ...(address.zip ? [address.zip] : [])],
    'zip-province-city': [join(address.zip ? `〒${address.zip}` : null, address.province, address.city)],
    'city-zip-province': [join(address.city, address.zip), ...(province ? [province] : [])],
  };
  const lines = [
    ...(options.withName && name ? [name] : []),
    ...(options.withCompany && address.company ? [address.company] : []),
    address.address1,
    ...(address.address2 ? [address.address2] : []),
    ...cityLines[profile.cityLine],
    profile.name,
  ];
  return lines.filter((line) => line.trim() !== '');
}

/** `MailingAddress.formattedArea`: "Paris, France", "San Francisco CA, United States". */
export function formatArea(address: AddressRecord): string {
  const profile = countryProfile(address.countryCode);
  const province = address.provinceCode && profile.cityLine === 'city-province-zip' ? ` ${address.provinceCode}` : '';
  return `${address.city}${province}, ${profile.name}`;
}
