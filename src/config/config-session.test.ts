import { forgetConfigSession, openConfigSession, tabStorage } from './config-session';

const token = 'header.payload.signature';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('the configuration page’s session', () => {
  it('keeps the token from the URL for a reload of the tab, and forgets it when told', () => {
    const storage = memoryStorage();
    expect(openConfigSession(token, storage)).toEqual({ token, keptOnReload: true });
    // The reload: no token in the URL any more.
    expect(openConfigSession(null, storage)).toEqual({ token, keptOnReload: true });
    forgetConfigSession(storage);
    expect(openConfigSession(null, storage)).toEqual({ token: null, keptOnReload: true });
  });

  it('prefers a token given in the URL to the one kept', () => {
    const storage = memoryStorage();
    openConfigSession('old.token.kept', storage);
    expect(openConfigSession(token, storage).token).toBe(token);
    expect(openConfigSession(null, storage).token).toBe(token);
  });

  it('ignores a kept value that is not shaped like a token', () => {
    const storage = memoryStorage();
    storage.setItem('shopify-context-card:config-token', 'not a token');
    expect(openConfigSession(null, storage).token).toBeNull();
  });

  it('works for this visit where the browser refuses storage, and says a reload will not keep it', () => {
    const refusing = {
      get sessionStorage(): Storage {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    };
    expect(tabStorage(refusing)).toBeNull();
    expect(openConfigSession(token, null)).toEqual({ token, keptOnReload: false });
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    expect(openConfigSession(token, full)).toEqual({ token, keptOnReload: false });
    expect(() => forgetConfigSession(null)).not.toThrow();
  });
});
