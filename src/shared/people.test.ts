import { describe, expect, it } from 'vitest';
import { basicPeopleMapping, mappingProblems, peopleMappingInputSchema, type PeopleMappingInput } from './people';

const withRows = (rows: PeopleMappingInput['rows'], attributes: PeopleMappingInput['attributes'] = []): PeopleMappingInput => ({
  rows,
  attributes,
});

describe('People mapping rules', () => {
  it('takes the basic initial mapping as it is', () => {
    expect(peopleMappingInputSchema.safeParse(basicPeopleMapping).success).toBe(true);
    expect(mappingProblems(basicPeopleMapping)).toEqual([]);
  });

  it('refuses two Shopify fields into one People field, naming both', () => {
    const problems = mappingProblems(
      withRows([
        { source: 'firstName', target: { kind: 'standard', field: 'firstName' } },
        { source: 'displayName', target: { kind: 'standard', field: 'firstName' } },
      ]),
    );
    expect(problems).toEqual([
      { path: 'rows.1.target', message: 'First name and Display name both go into First name: a People field takes one Shopify field' },
    ]);
  });

  it('lets several Shopify fields fill the fields that keep many values', () => {
    const rows = withRows([
      { source: 'phone', target: { kind: 'standard', field: 'phones' } },
      { source: 'addressPhones', target: { kind: 'standard', field: 'phones' } },
    ]);
    expect(mappingProblems(rows)).toEqual([]);
  });

  it('refuses a type mismatch in words', () => {
    const problems = mappingProblems(
      withRows(
        [
          { source: 'numberOfOrders', target: { kind: 'standard', field: 'birthDate' } },
          { source: 'createdAt', target: { kind: 'attribute', key: 'vip' } },
        ],
        [{ key: 'vip', type: 'boolean' }],
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'Orders count is a whole number and cannot go into Birth date, a date',
      'Customer since is a date and time and cannot go into vip, a yes or no',
    ]);
  });

  it('widens where nothing is lost: a whole number into a decimal, a date and time into a date, anything into text', () => {
    const problems = mappingProblems(
      withRows(
        [
          { source: 'numberOfOrders', target: { kind: 'attribute', key: 'spent' } },
          { source: 'createdAt', target: { kind: 'standard', field: 'birthDate' } },
          { source: 'verifiedEmail', target: { kind: 'attribute', key: 'note' } },
        ],
        [
          { key: 'spent', type: 'decimal' },
          { key: 'note', type: 'string' },
        ],
      ),
    );
    expect(problems).toEqual([]);
  });

  it('refuses unknown fields on either side and an attribute declared twice', () => {
    const problems = mappingProblems(
      withRows(
        [
          { source: 'favouriteColour', target: { kind: 'standard', field: 'firstName' } },
          { source: 'firstName', target: { kind: 'standard', field: 'nickname' } },
          { source: 'lastName', target: { kind: 'attribute', key: 'undeclared' } },
        ],
        [
          { key: 'twice', type: 'string' },
          { key: 'twice', type: 'integer' },
        ],
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'The attribute twice is declared twice',
      'Unknown Shopify customer field: favouriteColour',
      'Unknown People field: nickname',
      'Unknown custom attribute: undeclared',
    ]);
  });

  it('refuses attribute names that templates could not use', () => {
    const parsed = peopleMappingInputSchema.safeParse(withRows(basicPeopleMapping.rows, [{ key: '1 bad name', type: 'string' }]));
    expect(parsed.success).toBe(false);
  });
});
