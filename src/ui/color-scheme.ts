/**
 * The page's colour scheme, with no React: the card's boot script sets it before the first paint, the
 * card's provider keeps it.
 */
export type ColorMode = 'light' | 'dark';

export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Chakra's `_dark` condition keys on the `dark` class; `color-scheme` fixes native controls and scrollbars. */
export function applyColorMode(root: HTMLElement, mode: ColorMode): void {
  root.classList.toggle('dark', mode === 'dark');
  root.classList.toggle('light', mode === 'light');
  root.style.colorScheme = mode;
}
