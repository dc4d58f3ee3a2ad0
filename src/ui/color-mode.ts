import { useSyncExternalStore } from 'react';

export type ColorMode = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function darkQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const query = darkQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

function systemColorMode(): ColorMode {
  return darkQuery()?.matches ? 'dark' : 'light';
}

/** The host's theme when it gave one, else the system preference (followed live). */
export function useColorMode(preferred: ColorMode | null | undefined): ColorMode {
  const system = useSyncExternalStore(subscribe, systemColorMode, () => 'light' as const);
  return preferred ?? system;
}

/** Chakra's `_dark` condition keys on the `dark` class; `color-scheme` fixes native controls and scrollbars. */
export function applyColorMode(root: HTMLElement, mode: ColorMode): void {
  root.classList.toggle('dark', mode === 'dark');
  root.classList.toggle('light', mode === 'light');
  root.style.colorScheme = mode;
}
