import { defineConfig } from '@chakra-ui/react';
import {
  breakpoints,
  buttonRecipe,
  cssVarsPrefix,
  cssVarsRoot,
  globalCss,
  headingRecipe,
  linkRecipe,
  textStyles,
  tokens,
} from '@chakra-ui/react/theme';

/** Light and dark values of one semantic colour, as token references. */
export function pair(light: string, dark: string) {
  return { value: { _light: `{colors.${light}}`, _dark: `{colors.${dark}}` } };
}

const pairs = (entries: Record<string, [light: string, dark: string]>) =>
  Object.fromEntries(Object.entries(entries).map(([name, [light, dark]]) => [name, pair(light, dark)]));

/**
 * The semantic colours Chakra's recipes and global styles read, with Chakra's own values: the page's
 * background, text, borders and placeholder text, the placeholders' bars, and the gray palette that
 * buttons and links take by default. Chakra's full set adds eight more palettes and the shades of `bg`,
 * `fg` and `border` the card never names, and status colours (error, warning, success, info) the card
 * takes from its own tones (`status.*` in `system.ts`).
 */
const semanticColors = {
  bg: pairs({
    DEFAULT: ['white', 'black'],
    emphasized: ['gray.200', 'gray.800'],
  }),
  fg: pairs({
    DEFAULT: ['black', 'gray.50'],
    muted: ['gray.600', 'gray.400'],
  }),
  border: pairs({
    DEFAULT: ['gray.200', 'gray.800'],
  }),
  gray: pairs({
    contrast: ['white', 'black'],
    fg: ['gray.800', 'gray.200'],
    subtle: ['gray.100', 'gray.900'],
    muted: ['gray.200', 'gray.800'],
    emphasized: ['gray.300', 'gray.700'],
    solid: ['gray.900', 'white'],
    focusRing: ['gray.400', 'gray.400'],
    border: ['gray.200', 'gray.800'],
  }),
};

/**
 * Chakra's theme cut to what the card renders: its tokens, the three recipes it uses (a component
 * whose recipe is missing renders unstyled, so add its recipe here when the card uses one more), the
 * semantic colours above, and the keyframes and layer style those recipes name. Chakra's complete
 * theme (every recipe, palette, keyframe and animation style) weighs more than the card itself; the
 * configuration UI, which has room for it, builds its system from `defaultConfig`.
 */
export const cardThemeConfig = defineConfig({
  preflight: true,
  cssVarsPrefix,
  cssVarsRoot,
  globalCss,
  theme: {
    breakpoints,
    tokens,
    semanticTokens: {
      colors: semanticColors,
      radii: { l1: { value: '{radii.xs}' }, l2: { value: '{radii.sm}' }, l3: { value: '{radii.md}' } },
    },
    keyframes: {
      spin: { '0%': { transform: 'rotate(0deg)' }, '100%': { transform: 'rotate(360deg)' } },
      pulse: { '50%': { opacity: '0.5' } },
    },
    recipes: { button: buttonRecipe, heading: headingRecipe, link: linkRecipe },
    textStyles,
    layerStyles: { disabled: { value: { opacity: '0.5', cursor: 'disabled' } } },
  },
});
