import { describe, expect, it } from 'vitest';
import { basicPeopleMapping, type SavedPeopleMapping } from '../../shared/people';
import { customerSelection } from './customer-fields';
import { mappedSources, personWrite } from './person-writer';

const saved: SavedPeopleMapping = { version: 3, mapping: basicPeopleMapping, savedBy: 'admin', savedAt: '2026-11-01T00:00:00Z' };

const customer = {
  id: 'gid://shopify/Customer/7',
  updatedAt: '2026-11-20T08:00:00Z',
  createdAt: '2024-02-29T23:30:00Z',
  legacyResourceId: '7',
  firstName: ' Zoë ',
  lastName: 'Müller',
  defaultEmailAddress: { emailAddress: 'Zoe.Muller@Example.COM', marketingState: 'SUBSCRIBED' },
  defaultPhoneNumber: { phoneNumber: '+44 7700 900123' },
  defaultAddress: { address1: '1 Rue de Rivoli', city: 'Paris', countryCodeV2: 'FR' },
  tags: ['vip', 'wholesale'],
  numberOfOrders: '12',
  amountSpent: { amount: '1234.50', currencyCode: 'EUR' },
};

describe('People from a Shopify customer', () => {
  it('asks Shopify only for what the mapping reads, merging paths', () => {
    const selection = customerSelection(mappedSources(saved));
    expect(selection).toBe(
      'id updatedAt firstName lastName defaultEmailAddress { emailAddress marketingState } defaultPhoneNumber { phoneNumber } ' +
        'defaultAddress { address1 city countryCodeV2 } tags legacyResourceId numberOfOrders amountSpent { amount currencyCode } createdAt',
    );
    expect(customerSelection(['city'])).toBe('id updatedAt defaultAddress { city }');
  });

  it('writes each mapped value in its People field and type, with the mapping version', () => {
    const write = personWrite(saved, customer, [{ phone: '07700 900124' }, { phone: '+33 6 12 34 56 78' }, { phone: null }]);
    expect(write).toEqual({
      shopifyCustomerId: 'gid://shopify/Customer/7',
      shopifyUpdatedAt: '2026-11-20T08:00:00Z',
      mappingVersion: 3,
      fields: { firstName: 'Zoë', lastName: 'Müller', address: '1 Rue de Rivoli', city: 'Paris', country: 'FR', externalId: '7' },
      emails: ['zoe.muller@example.com'],
      // The default phone, then the address phones that parse (a national number without its country does not).
      phones: ['+447700900123', '+33612345678'],
      tags: ['vip', 'wholesale'],
      attributes: {
        shopifyOrdersCount: { value: 12, type: 'integer', mappingVersion: 3 },
        shopifyAmountSpent: { value: '1234.50', type: 'decimal', mappingVersion: 3 },
        shopifyAmountSpentCurrency: { value: 'EUR', type: 'string', mappingVersion: 3 },
        shopifyCustomerSince: { value: '2024-02-29T23:30:00.000Z', type: 'datetime', mappingVersion: 3 },
        shopifyEmailMarketingConsent: { value: true, type: 'boolean', mappingVersion: 3 },
      },
    });
  });

  it('writes null for a mapped field Shopify has no value for, and leaves attributes it has none for alone', () => {
    const write = personWrite(saved, { id: 'gid://shopify/Customer/8', updatedAt: '2026-11-20T08:00:00Z', tags: [] }, []);
    expect(write.fields).toMatchObject({ firstName: null, city: null });
    expect(write.emails).toEqual([]);
    expect(write.attributes).toEqual({});
  });

  it('turns a date and time into a date where the People field is a date', () => {
    const mapping: SavedPeopleMapping = {
      ...saved,
      mapping: { rows: [{ source: 'createdAt', target: { kind: 'standard', field: 'birthDate' } }], attributes: [] },
    };
    expect(personWrite(mapping, customer, []).fields).toEqual({ birthDate: '2024-02-29' });
  });
});
