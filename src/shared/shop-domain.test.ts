import { describe, expect, it } from 'vitest';
import { normaliseShopDomain } from './shop-domain';

describe('shop input', () => {
  it('accepts the three forms admins type and normalises them', () => {
    for (const input of ['acme', 'acme.myshopify.com', 'https://acme.myshopify.com/', '  ACME.myshopify.com ']) {
      expect(normaliseShopDomain(input)).toBe('acme.myshopify.com');
    }
  });

  it('refuses anything else', () => {
    for (const input of [
      '',
      'http://acme.myshopify.com',
      'acme.com',
      'https://acme.myshopify.com/admin',
      'ac me',
      'acme.myshopify.com.evil.io',
      '-acme',
      'acme-',
    ]) {
      expect(normaliseShopDomain(input)).toBeNull();
    }
  });
});
