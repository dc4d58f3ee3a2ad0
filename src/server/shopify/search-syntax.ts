/**
 * Builds a Shopify search-syntax term with the value quoted and escaped, so that a value holding
 * `OR`, `:` or quotes is matched literally and can never widen the search.
 */
export function searchTerm(field: 'email' | 'phone' | 'name' | 'customer_id', value: string): string {
  const escaped = value.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
  return `${field}:"${escaped}"`;
}
