/**
 * The colour of inline problems. Chakra's `fg.error` (red.500 on white) is under the 4.5:1 contrast
 * small text needs; these shades pass in light and dark.
 */
export const problemColor = { _light: 'red.700', _dark: 'red.300' } as const;
