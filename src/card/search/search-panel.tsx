import { Box } from '@chakra-ui/react';
import { lazy, Suspense, type ComponentProps } from 'react';

// Searching is not part of the first paint: its code loads when a view offers it.
const CustomerSearch = lazy(() => import('./customer-search').then((module) => ({ default: module.CustomerSearch })));

type SearchPanelProps = ComponentProps<typeof CustomerSearch> & { id?: string };

/** The search form, in a box of its own, loaded on demand. */
export function SearchPanel({ id, ...props }: SearchPanelProps) {
  return (
    <Box id={id} p="3" borderWidth="1px" borderColor="card.border" borderRadius="md" bg="card.surface" minW="0">
      <Suspense fallback={<Box h="24" aria-hidden="true" />}>
        <CustomerSearch {...props} />
      </Suspense>
    </Box>
  );
}
