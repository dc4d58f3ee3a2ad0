import { useMediaQuery } from './media-query';

export type ColorMode = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The host's theme when it gave one, else the system preference (followed live). */
export function useColorMode(preferred: ColorMode | null | undefined): ColorMode {
  const systemDark = useMediaQuery(DARK_QUERY);
  return preferred ?? (systemDark ? 'dark' : 'light');
}

/** Chakra's `_dark` condition keys on the `dark` class; `color-scheme` fixes native controls and scrollbars. */
export function applyColorMode(root: HTMLElement, mode: ColorMode): void {
  root.classList.toggle('dark', mode === 'dark');
  root.classList.toggle('light', mode === 'light');
  root.style.colorScheme = mode;
}
