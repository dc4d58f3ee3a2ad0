/**
 * Shopify access scopes: which a credential's grant covers, and which the card and the People sync need. Verify
 * Credentials reports the scopes Shopify granted; this module (and `scope-uses.ts`, for the order actions) says
 * what they are enough for, on both sides. It imports nothing, so the configuration page's first paint can use it.
 */

/** Shopify grants `read_x` with `write_x`: an app given `write_orders` reads orders too. */
export function grantsScope(granted: readonly string[], scope: string): boolean {
  if (granted.includes(scope)) return true;
  return scope.startsWith('read_') && granted.includes(`write_${scope.slice('read_'.length)}`);
}

/** The scopes of `needed` that `granted` does not give, in `needed`'s order. */
export function missingScopes(granted: readonly string[], needed: readonly string[]): string[] {
  return needed.filter((scope) => !grantsScope(granted, scope));
}

/** The card reads a shopper's customer record and orders. */
export const cardScopes = ['read_customers', 'read_orders'] as const;

/**
 * The People sync reads customers, and orders for their events. Abandoned checkouts are read with `read_orders`
 * too, but Shopify also asks that the app's staff account may manage abandoned checkouts, which no scope shows.
 */
export const peopleSyncScopes = ['read_customers', 'read_orders'] as const;
