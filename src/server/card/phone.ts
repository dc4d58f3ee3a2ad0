import { parsePhoneNumberFromString } from 'libphonenumber-js';

const normalisedPhones = new Map<string, string | null>();
const MAX_NORMALISED_PHONES = 10_000;

/**
 * E.164 for what hosts send: `+44 7700 900123`, `447700900123` (Infobip sends no plus), `00447700900123`.
 * Remembered, since the same conversation's phone comes back on every card open and parsing it is dear.
 */
export function normalisePhone(raw: string): string | null {
  const known = normalisedPhones.get(raw);
  if (known !== undefined) return known;
  const phone = parsePhone(raw);
  if (normalisedPhones.size >= MAX_NORMALISED_PHONES) normalisedPhones.clear();
  normalisedPhones.set(raw, phone);
  return phone;
}

function parsePhone(raw: string): string | null {
  const compact = raw.replace(/[\s().-]/g, '');
  const withPlus = compact.startsWith('+') ? compact : compact.startsWith('00') ? `+${compact.slice(2)}` : `+${compact}`;
  if (!/^\+\d{6,15}$/.test(withPlus)) return null;
  const parsed = parsePhoneNumberFromString(withPlus);
  return parsed?.isPossible() ? parsed.number : null;
}

/** `+44 7700 900123`: how an agent reads a phone back to the shopper. */
export function displayPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
