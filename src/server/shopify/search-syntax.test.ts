import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../card/card-service';
import { searchTerm } from './search-syntax';

describe('search terms', () => {
  it('quotes the value so search syntax inside it stays literal', () => {
    expect(searchTerm('email', 'x@y.com OR state:ENABLED')).toBe('email:"x@y.com OR state:ENABLED"');
    expect(searchTerm('phone', '+1"5 OR "x')).toBe('phone:"+1\\"5 OR \\"x"');
    expect(searchTerm('email', 'back\\slash@y.com')).toBe('email:"back\\\\slash@y.com"');
  });
});

describe('phone normalisation', () => {
  it('reads the forms hosts send as E.164', () => {
    expect(normalisePhone('+44 7700 900123')).toBe('+447700900123');
    expect(normalisePhone('447700900123')).toBe('+447700900123');
    expect(normalisePhone('0033 6 12 34 56 78')).toBe('+33612345678');
    expect(normalisePhone('(+1) 415-555-0123')).toBe('+14155550123');
  });

  it('refuses what is not a phone number', () => {
    expect(normalisePhone('')).toBeNull();
    expect(normalisePhone('hello')).toBeNull();
    expect(normalisePhone('+1" OR state:ENABLED')).toBeNull();
    expect(normalisePhone('12')).toBeNull();
  });
});
