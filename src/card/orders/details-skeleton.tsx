import { Skeleton, SkeletonText, Stack } from '@chakra-ui/react';

/** The shape of an order's details while they load; hidden from assistive technology, which hears the live region. */
export function DetailsSkeleton() {
  return (
    <Stack gap="3" aria-hidden="true" minW="0">
      <Skeleton height="6" width="6rem" />
      <Skeleton height="6" width="50%" />
      <SkeletonText noOfLines={4} gap="2" />
      <SkeletonText noOfLines={3} gap="2" />
    </Stack>
  );
}
