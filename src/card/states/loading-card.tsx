import { Box, Stack } from '@chakra-ui/react';
import { Placeholder, PlaceholderLines } from '../../ui/placeholder';
import { strings } from '../strings';

const PLACEHOLDER_ORDERS = 3;

/**
 * Skeletons shaped like the matched card. They are hidden from assistive technology (the card's live
 * region says "Loading orders…" instead) and carry no heading markup.
 */
export function LoadingCard() {
  return (
    <Stack gap="3" minW="0">
      <Stack gap="2" aria-hidden="true">
        <Placeholder height="5" width="60%" />
        <Placeholder height="3" width="80%" />
      </Stack>
      <Box as="ol" aria-label={strings.matched.ordersLabel} aria-busy="true" listStyleType="none" display="grid" gap="2">
        {Array.from({ length: PLACEHOLDER_ORDERS }, (_, index) => (
          <Box as="li" key={index} aria-hidden="true" p="3" borderWidth="1px" borderColor="card.border" borderRadius="md">
            <PlaceholderLines lines={3} />
          </Box>
        ))}
      </Box>
    </Stack>
  );
}
