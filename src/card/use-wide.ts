import { useSyncExternalStore } from 'react';

/** From this width (a Chatwoot tab, a wide side panel) the order list and the open order sit side by side. */
export const WIDE_QUERY = '(min-width: 720px)';
/** Under this width (a side panel) a row of more than a few buttons wraps onto several lines. */
export const NARROW_QUERY = '(max-width: 479px)';

function mediaQuery(query: string): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
}

/** Whether the card's frame matches `query`, followed live as the host resizes it; false where it cannot be told. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = mediaQuery(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => mediaQuery(query)?.matches ?? false,
    () => false,
  );
}

/** Whether the card's frame is wide enough for two columns. */
export const useWide = (): boolean => useMediaQuery(WIDE_QUERY);
