import { useSyncExternalStore } from 'react';

/** From this width (a Chatwoot tab, a wide side panel) the order list and the open order sit side by side. */
export const WIDE_QUERY = '(min-width: 720px)';

function wideQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(WIDE_QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const query = wideQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** Whether the card's frame is wide enough for two columns, followed live as the host resizes it. */
export function useWide(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => wideQuery()?.matches ?? false,
    () => false,
  );
}
