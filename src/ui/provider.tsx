import { ChakraProvider, type SystemContext } from '@chakra-ui/react';
import { useLayoutEffect, type ReactNode } from 'react';
import { applyColorMode, useColorMode, type ColorMode } from './color-mode';
import { cardSystem } from './system';

type ProviderProps = {
  /** The host's theme; without one the card follows `prefers-color-scheme`. */
  colorMode?: ColorMode | null;
  /** The card's lean system unless a page brings its own (built on `themeConfig`). */
  system?: SystemContext;
  children: ReactNode;
};

export function Provider({ colorMode, system = cardSystem, children }: ProviderProps) {
  const mode = useColorMode(colorMode);
  // Before paint, so a dark inbox never flashes a white card.
  useLayoutEffect(() => applyColorMode(document.documentElement, mode), [mode]);
  return <ChakraProvider value={system}>{children}</ChakraProvider>;
}
