function quoted(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * Builds a Shopify search-syntax term with the value quoted and escaped, so that a value holding
 * `OR`, `:` or quotes is matched literally and can never widen the search.
 */
export function searchTerm(field: 'email' | 'phone' | 'name' | 'customer_id', value: string): string {
  return `${field}:${quoted(value)}`;
}

/** A quoted free-text term: Shopify's default fields, matched literally. */
export function freeTextTerm(value: string): string {
  return quoted(value);
}
