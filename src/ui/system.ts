import { createSystem, defaultBaseConfig, defineConfig } from '@chakra-ui/react';
import { cardThemeConfig, pair } from './card-theme';

/** The tones a status badge can take; each has a background, a foreground and a border. */
export const statusTones = ['positive', 'attention', 'critical', 'neutral', 'info'] as const;
export type StatusTone = (typeof statusTones)[number];

/** The colours of a tone on a box that shows it (badge, notice), with the tone named for tests and styles. */
export function toneColors(tone: StatusTone) {
  return {
    borderColor: `status.${tone}.border`,
    bg: `status.${tone}.bg`,
    color: `status.${tone}.fg`,
    'data-tone': tone,
  } as const;
}

function tone(palette: string) {
  return {
    bg: pair(`${palette}.100`, `${palette}.900`),
    fg: pair(`${palette}.800`, `${palette}.100`),
    border: pair(`${palette}.300`, `${palette}.700`),
  };
}

/** Our tokens and global styles, on top of Chakra's defaults. Any page's system starts from this. */
export const themeConfig = defineConfig({
  globalCss: {
    body: {
      bg: 'card.bg',
      color: 'card.fg',
      fontSize: 'sm',
      // Shopify data holds long unbroken strings (emails, SKUs, tracking numbers): in a 260 px
      // frame they must wrap rather than push the card sideways, but only where a line cannot hold
      // them whole (`anywhere` would also let a flex item shrink around them and break `example.i/e`).
      overflowWrap: 'break-word',
    },
  },
  theme: {
    semanticTokens: {
      colors: {
        // The default gray ring is too faint against white (under 3:1); keyboard users need to see it.
        gray: { focusRing: pair('blue.600', 'blue.300') },
        card: {
          bg: pair('white', 'gray.950'),
          fg: pair('gray.900', 'gray.50'),
          muted: pair('gray.600', 'gray.400'),
          surface: pair('white', 'gray.900'),
          border: pair('gray.200', 'gray.700'),
          chip: pair('gray.100', 'gray.800'),
          hover: pair('gray.50', 'gray.800'),
          // Form borders need 3:1 against the background to be seen (WCAG 1.4.11).
          inputBorder: pair('gray.500', 'gray.500'),
          selected: pair('blue.700', 'blue.300'),
          selectedFg: pair('white', 'gray.950'),
        },
        status: {
          positive: tone('green'),
          attention: tone('orange'),
          critical: tone('red'),
          neutral: tone('gray'),
          info: tone('blue'),
        },
      },
    },
  },
});

/** The card's system: the lean theme of `card-theme.ts` and our tokens. */
export const cardSystem = createSystem(defaultBaseConfig, cardThemeConfig, themeConfig);
