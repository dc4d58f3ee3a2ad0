import { isTokenShaped } from '../bridge/fragment-token';

/** Where the admin's token is kept for reloads of this tab: sessionStorage, gone when the tab closes. */
const KEY = 'shopify-context-card:config-token';

type TokenStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The tab's sessionStorage, or null where the browser refuses it (a framed page with storage blocked). */
export function tabStorage(win: Pick<Window, 'sessionStorage'> = window): TokenStore | null {
  try {
    const storage = win.sessionStorage;
    // Some browsers hand out a storage that throws on first use rather than on access.
    storage.getItem(KEY);
    return storage;
  } catch {
    return null;
  }
}

export type ConfigSession = {
  /** The token the page opens with: the one in the URL, else the one kept from before a reload. */
  token: string | null;
  /** Whether a reload keeps the session; false where the browser refuses the page its storage. */
  keptOnReload: boolean;
};

/**
 * The admin's session on the configuration page. A token given in the URL fragment is kept in the
 * tab's sessionStorage, so that reloading `/config` keeps the admin signed in; without one, the
 * kept token is used. Where storage is refused, the page still works until it is reloaded.
 */
export function openConfigSession(fragmentToken: string | null, storage: TokenStore | null = tabStorage()): ConfigSession {
  if (!storage) return { token: fragmentToken, keptOnReload: false };
  try {
    if (fragmentToken) {
      storage.setItem(KEY, fragmentToken);
      return { token: fragmentToken, keptOnReload: true };
    }
    const kept = storage.getItem(KEY);
    return { token: kept && isTokenShaped(kept) ? kept : null, keptOnReload: true };
  } catch {
    // A full or revoked storage: the token in the URL still serves this visit.
    return { token: fragmentToken, keptOnReload: false };
  }
}

/** Forgets the kept token, once the BFF has said it is expired or not valid. */
export function forgetConfigSession(storage: TokenStore | null = tabStorage()): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}
