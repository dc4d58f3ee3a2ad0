import { createSystem, defaultConfig } from '@chakra-ui/react';
import { themeConfig } from './system';

/**
 * Every Chakra recipe plus our tokens, for pages with room in their budget (the configuration UI):
 * `<Provider system={fullSystem}>`. The card never imports this module.
 */
export const fullSystem = createSystem(defaultConfig, themeConfig);
