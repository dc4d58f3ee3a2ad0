const HANDLE = /^[a-z0-9][a-z0-9-]{0,59}$/;

/**
 * Normalises what an admin types for a shop (`acme`, `acme.myshopify.com`, `https://acme.myshopify.com/`)
 * to `acme.myshopify.com`; null for anything else.
 */
export function normaliseShopDomain(input: string): string | null {
  let value = input.trim().toLowerCase();
  value = value.replace(/^https:\/\//, '').replace(/\/+$/, '');
  if (value.endsWith('.myshopify.com')) value = value.slice(0, -'.myshopify.com'.length);
  if (!HANDLE.test(value) || value.endsWith('-')) return null;
  return `${value}.myshopify.com`;
}

export const shopDomainHelp = 'Enter the shop as acme, acme.myshopify.com or https://acme.myshopify.com';
