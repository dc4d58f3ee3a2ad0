import type { CountryCode } from './geography';
import type { GeneratedCustomer } from './seed-names';

/**
 * Made-up shoppers for load tests and benchmarks (`extraCustomers`), up to about 118,000 of them.
 * Every one has a phone and an email that no other customer has. The phones come only from the
 * ranges regulators keep for drama and fiction, which are never given to anyone: Ofcom's first
 * (the store's British shoppers), then ARCEP's, the Bundesnetzagentur's and ACMA's, each with
 * shoppers of that country. The first 12,998 are the British ones, so a small store grown for a
 * benchmark is the same whatever the size asked for.
 */

type Town = { city: string; zip: string; street: string; province?: string; provinceCode?: string };

type FictionCountry = {
  country: CountryCode;
  locale: string;
  emailDomain: string;
  /** E.164 prefixes of the fiction blocks, and how many digits follow each prefix. */
  blocks: readonly string[];
  digits: number;
  firstNames: readonly string[];
  lastNames: readonly string[];
  towns: readonly Town[];
  streetLine: (number: number, street: string) => string;
};

const fictionCountries: readonly FictionCountry[] = [
  {
    country: 'GB',
    locale: 'en-GB',
    emailDomain: 'example.co.uk',
    // Ofcom's numbers for drama (mobile, then geographic): 1,000 each.
    blocks: [
      '+447700900',
      '+441134960',
      '+441144960',
      '+441154960',
      '+441164960',
      '+441174960',
      '+441184960',
      '+441214960',
      '+441314960',
      '+441414960',
      '+441514960',
      '+441614960',
      '+442079460',
    ],
    digits: 3,
    firstNames: [
      'Amelia',
      'Oliver',
      'Isla',
      'George',
      'Freya',
      'Arthur',
      'Zoë',
      'Rhys',
      'Aoife',
      'Kwame',
      'Priya',
      'Mohammed',
      'Siân',
      'Tomás',
      'Chidi',
      'Hannah',
      'Callum',
      'Mei',
      'Oisín',
      'Ruth',
    ],
    lastNames: [
      'Smith',
      'Jones',
      'Taylor',
      'Brown',
      'Williams',
      'Evans',
      'Khan',
      'Patel',
      'Murphy',
      "O'Neill",
      'Nowak',
      'Okoye',
      'Begum',
      'Davies',
      'Hughes',
      'Wright',
      'Campbell',
      'Ahmed',
      'Kowalski',
      'Lewis',
    ],
    towns: [
      { city: 'Leeds', zip: 'LS1 4DY', street: 'Briggate' },
      { city: 'Bristol', zip: 'BS1 3XE', street: 'Park Street' },
      { city: 'Glasgow', zip: 'G1 3SL', street: 'Buchanan Street' },
      { city: 'Cardiff', zip: 'CF10 1FL', street: 'Queen Street' },
      { city: 'Belfast', zip: 'BT1 5GS', street: 'Royal Avenue' },
      { city: 'London', zip: 'N1 9GU', street: 'Upper Street' },
    ],
    streetLine: (number, street) => `${number} ${street}`,
  },
  {
    country: 'FR',
    locale: 'fr',
    emailDomain: 'example.fr',
    // ARCEP's six blocks of 10,000 for fiction: five regions and mobile.
    blocks: ['+3319900', '+3326191', '+3335301', '+3346571', '+3353649', '+3363998'],
    digits: 4,
    firstNames: ['Camille', 'Léa', 'Hugo', 'Chloé', 'Louis', 'Inès', 'Gabriel', 'Manon', 'Raphaël', 'Zoé', 'Noémie', 'Théo'],
    lastNames: ['Martin', 'Bernard', 'Petit', 'Durand', 'Lefèvre', 'Moreau', 'Garnier', 'Faure', 'Rousseau', 'Benali'],
    towns: [
      { city: 'Lyon', zip: '69002', street: 'rue de la République' },
      { city: 'Marseille', zip: '13001', street: 'La Canebière' },
      { city: 'Nantes', zip: '44000', street: 'rue Crébillon' },
      { city: 'Lille', zip: '59800', street: 'rue de Béthune' },
      { city: 'Bordeaux', zip: '33000', street: 'cours de l’Intendance' },
    ],
    streetLine: (number, street) => `${number} ${street}`,
  },
  {
    country: 'DE',
    locale: 'de',
    emailDomain: 'example.de',
    // The Bundesnetzagentur's drama numbers: 1,000 a city (Berlin, Frankfurt, Hamburg, Cologne, Munich).
    blocks: ['+493023125', '+496990009', '+494066969', '+492214710', '+498999998'],
    digits: 3,
    firstNames: ['Lukas', 'Mia', 'Jonas', 'Hannah', 'Felix', 'Emilia', 'Paul', 'Lea', 'Jürgen', 'Özlem'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Yılmaz', 'Schäfer'],
    towns: [
      { city: 'Berlin', zip: '10115', street: 'Invalidenstraße' },
      { city: 'Frankfurt am Main', zip: '60311', street: 'Zeil' },
      { city: 'Hamburg', zip: '20095', street: 'Mönckebergstraße' },
      { city: 'Köln', zip: '50667', street: 'Hohe Straße' },
      { city: 'München', zip: '80331', street: 'Kaufingerstraße' },
    ],
    streetLine: (number, street) => `${street} ${number}`,
  },
  {
    country: 'AU',
    locale: 'en-AU',
    emailDomain: 'example.com.au',
    // ACMA's geographic numbers for fiction: (02) 5550, (03) 7010, (07) 5550 and (08) 7010, 10,000 each.
    blocks: ['+6125550', '+6137010', '+6175550', '+6187010'],
    digits: 4,
    firstNames: ['Charlotte', 'Jack', 'Olivia', 'William', 'Matilda', 'Noah', 'Ava', 'Lachlan', 'Ruby', 'Harrison'],
    lastNames: ['Smith', 'Nguyen', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Anderson', 'Walker', 'Tran', 'Mitchell'],
    towns: [
      { city: 'Sydney', zip: '2000', street: 'George Street', province: 'New South Wales', provinceCode: 'NSW' },
      { city: 'Melbourne', zip: '3000', street: 'Collins Street', province: 'Victoria', provinceCode: 'VIC' },
      { city: 'Brisbane', zip: '4000', street: 'Queen Street', province: 'Queensland', provinceCode: 'QLD' },
      { city: 'Adelaide', zip: '5000', street: 'Rundle Mall', province: 'South Australia', provinceCode: 'SA' },
    ],
    streetLine: (number, street) => `${number} ${street}`,
  },
];

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function* fictionPhones(country: FictionCountry, taken: ReadonlySet<string>): Generator<string> {
  const size = 10 ** country.digits;
  for (const prefix of country.blocks) {
    for (let n = 0; n < size; n += 1) {
      const phone = prefix + String(n).padStart(country.digits, '0');
      if (!taken.has(phone)) yield phone;
    }
  }
}

/** `count` made-up shoppers whose phones and emails no other customer has (`taken` lists the store's phones). */
export function extraPeople(count: number, taken: ReadonlySet<string>): GeneratedCustomer[] {
  const people: GeneratedCustomer[] = [];
  for (const country of fictionCountries) {
    let n = 0;
    for (const phone of fictionPhones(country, taken)) {
      if (people.length === count) return people;
      const firstName = country.firstNames[n % country.firstNames.length] as string;
      const lastName = country.lastNames[Math.floor(n / country.firstNames.length) % country.lastNames.length] as string;
      const town = country.towns[n % country.towns.length] as Town;
      people.push({
        firstName,
        lastName,
        email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}.${n + 1}@${country.emailDomain}`,
        phone,
        locale: country.locale,
        country: country.country,
        address: {
          address1: country.streetLine((n % 180) + 1, town.street),
          city: town.city,
          zip: town.zip,
          ...(town.province && { province: town.province }),
          ...(town.provinceCode && { provinceCode: town.provinceCode }),
        },
      });
      n += 1;
    }
  }
  if (people.length < count) throw new RangeError(`At most ${people.length} extra customers`);
  return people;
}
