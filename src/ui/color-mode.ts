import { useMediaQuery } from './media-query';
import { DARK_QUERY, type ColorMode } from './color-scheme';

export { applyColorMode, type ColorMode } from './color-scheme';

/** The host's theme when it gave one, else the system preference (followed live). */
export function useColorMode(preferred: ColorMode | null | undefined): ColorMode {
  const systemDark = useMediaQuery(DARK_QUERY);
  return preferred ?? (systemDark ? 'dark' : 'light');
}
