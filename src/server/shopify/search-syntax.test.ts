import { describe, expect, it } from 'vitest';
import { AppError } from '../http/problem';
import { customerNameQuery, freeTextTerm, orderNameQuery, searchTerm } from './search-syntax';

/** What people type to widen a search: wildcards, operators, quotes, escapes, grouping, negation, fields. */
const syntax = ['*', 'oliver*', 'a OR b', '"1001"', '1001" OR "1002', 'back\\slash', '(1001)', '-1001', 'name:1001', 'email:*'];

describe('search terms', () => {
  it('quote a plain value', () => {
    expect(searchTerm('name', '#1042')).toBe('name:"#1042"');
    expect(freeTextTerm('+12065550199')).toBe('"+12065550199"');
  });

  it.each(syntax)('refuse %s rather than pass it to Shopify', (value) => {
    expect(() => searchTerm('name', value)).toThrow(AppError);
    expect(() => freeTextTerm(value)).toThrow(AppError);
  });
});

describe('order-name searches', () => {
  it('look for the name as read out, with and without its #, and nothing else', () => {
    expect(orderNameQuery('1042')).toBe('name:"1042" OR name:"#1042"');
    expect(orderNameQuery('# 1042')).toBe('name:"#1042"');
    expect(orderNameQuery('LL-1042')).toBe('name:"LL-1042"');
  });

  it.each(syntax)('are never built from %s', (value) => {
    expect(orderNameQuery(value)).toBeNull();
  });
});

describe('name searches', () => {
  it('quote each word of the name, so that every word must match and none is read as syntax', () => {
    expect(customerNameQuery("  Margaret   O'Brien ")).toBe(`"Margaret" "O'Brien"`);
    expect(customerNameQuery('山田 花子')).toBe('"山田" "花子"');
  });

  it('take nothing but a name', () => {
    for (const value of ['Ma*', 'last_name:Taylor', '"Taylor"', '(Taylor)', 'R2D2', '-Taylor', 'Taylor\\']) {
      expect(customerNameQuery(value), value).toBeNull();
    }
  });
});
