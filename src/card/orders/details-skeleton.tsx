import { Stack } from '@chakra-ui/react';
import { Placeholder, PlaceholderLines } from '../../ui/placeholder';

/** The shape of an order's details while they load; hidden from assistive technology, which hears the live region. */
export function DetailsSkeleton() {
  return (
    <Stack gap="3" aria-hidden="true" minW="0">
      <Placeholder height="6" width="6rem" />
      <Placeholder height="6" width="50%" />
      <PlaceholderLines lines={4} />
      <PlaceholderLines lines={3} />
    </Stack>
  );
}
