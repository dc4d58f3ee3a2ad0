type AddressBar = { location: Pick<Location, 'href'>; history: Pick<History, 'replaceState' | 'state'> };

const TOKEN_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;
const MAX_TOKEN_LENGTH = 8192;

/** Shaped like a signed token (three base64url parts); the BFF checks the rest. */
export function isTokenShaped(token: string): boolean {
  return token.length <= MAX_TOKEN_LENGTH && TOKEN_SHAPE.test(token);
}

/**
 * Takes the session token from the URL fragment (`#token=…`, never the query string) and removes it
 * from the address bar, so it is not left in history, copied links or a Referer.
 */
export function takeFragmentToken(win: AddressBar = window): string | null {
  const url = new URL(win.location.href);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const token = fragment.get('token');
  if (token === null) return null;
  fragment.delete('token');
  const rest = fragment.toString();
  url.hash = rest === '' ? '' : `#${rest}`;
  win.history.replaceState(win.history.state, '', url);
  return isTokenShaped(token) ? token : null;
}
