import { guessSearchKind, searchLookup } from './search-query';

describe('what the agent types into the search', () => {
  it.each([
    ['1042', '1042'],
    ['#1042', '#1042'],
    [' # 1042 ', '#1042'],
    ['LL-1042', 'LL-1042'],
  ])('takes the order number %s as %s', (typed, orderNumber) => {
    expect(searchLookup('orderNumber', typed)).toEqual({ orderNumber });
  });

  it.each(['', '#', 'name:*', '1042 (gift)', 'a'.repeat(31), '*', '1042*', '1001 OR 1002', '"1042"', '-1042'])(
    'refuses %s as an order number',
    (typed) => {
      expect(searchLookup('orderNumber', typed)).toBeNull();
    },
  );

  it('takes an email, trimmed, and refuses what is not one', () => {
    expect(searchLookup('email', ' hanako.yamada@example.jp ')).toEqual({ email: 'hanako.yamada@example.jp' });
    expect(searchLookup('email', 'hanako')).toBeNull();
    expect(searchLookup('email', 'a@b')).toBeNull();
    // What the BFF refuses too: Shopify would read these as search syntax.
    for (const typed of [
      '*',
      'oliver*@example.com',
      'a OR b@example.com',
      '"o"@example.com',
      'o\\o@example.com',
      '(o)@example.com',
      'o:o@example.com',
    ]) {
      expect(searchLookup('email', typed)).toBeNull();
    }
  });

  it('takes a phone with the usual separators, and leaves E.164 to the BFF', () => {
    expect(searchLookup('phone', '+44 7700 900123')).toEqual({ phone: '+44 7700 900123' });
    expect(searchLookup('phone', '(415) 555-0142')).toEqual({ phone: '(415) 555-0142' });
    expect(searchLookup('phone', 'call me')).toBeNull();
    expect(searchLookup('phone', '123')).toBeNull();
  });

  it('takes a name of letters, spaced once, and refuses what Shopify would read as search syntax', () => {
    expect(searchLookup('name', "  Margaret   O'Brien ")).toEqual({ name: "Margaret O'Brien" });
    expect(searchLookup('name', '山田 花子')).toEqual({ name: '山田 花子' });
    expect(searchLookup('name', 'Jean-Luc Picard')).toEqual({ name: 'Jean-Luc Picard' });
    for (const typed of ['', 'Ma*', 'last_name:Taylor', '"Taylor"', 'Taylor OR', '(Taylor)', 'R2D2', '-Taylor', 'a '.repeat(60)]) {
      expect(searchLookup('name', typed), typed).toBeNull();
    }
  });

  it('never takes a word without a digit for an order number: it is a name', () => {
    expect(searchLookup('orderNumber', 'Margaret')).toBeNull();
    expect(guessSearchKind('Margaret')).toBe('name');
  });

  it('guesses the kind of a value only when it is plain', () => {
    expect(guessSearchKind('name@example.com')).toBe('email');
    expect(guessSearchKind('#1042')).toBe('orderNumber');
    expect(guessSearchKind('+44 7700 900123')).toBe('phone');
    expect(guessSearchKind("Margaret O'Brien")).toBe('name');
    expect(guessSearchKind('1042')).toBeNull();
  });
});
