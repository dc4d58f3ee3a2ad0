import { describe, expect, it } from 'vitest';
import { displayPhone, normalisePhone } from './phone';

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

  it('groups a phone the international way, for an agent to read back', () => {
    expect(displayPhone('+447700900123')).toBe('+44 7700 900123');
    expect(displayPhone('+33612345678')).toBe('+33 6 12 34 56 78');
  });
});
