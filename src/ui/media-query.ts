import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';

function mediaQuery(query: string): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
}

/**
 * Whether a page matches a query, for a render with no window (the server's first paint, from what the
 * page reported of itself); without it, no query matches there.
 */
export const ReportedMediaContext = createContext<((query: string) => boolean) | null>(null);

/** Whether the page matches `query`, followed live (a resized frame, a system theme change); false where it cannot be told. */
export function useMediaQuery(query: string): boolean {
  const reported = useContext(ReportedMediaContext);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = mediaQuery(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => mediaQuery(query)?.matches ?? false,
    () => reported?.(query) ?? false,
  );
}
