import { Button, Flex, Stack } from '@chakra-ui/react';
import { useId, useRef, type ReactNode } from 'react';
import type { CardLookup } from '../../shared/wire';
import { SearchPanel } from './search-panel';
import { strings } from '../strings';

export type ToolbarBack = { label: string; onBack: () => void };

type LookupToolbarProps = {
  back?: ToolbarBack | undefined;
  /** Offer the search toggle; views that show the search form anyway leave it out. */
  search?: { open: boolean; onOpenChange: (open: boolean) => void; onSearch: (lookup: CardLookup) => void } | undefined;
  /** More controls at the end of the row, e.g. Refresh. */
  end?: ReactNode;
};

/** The row above a view: back to where the agent came from, search, and the view's own controls. */
export function LookupToolbar({ back, search, end }: LookupToolbarProps) {
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  if (!back && !search && !end) return null;

  const close = () => {
    search?.onOpenChange(false);
    toggle.current?.focus();
  };

  return (
    <Stack gap="2" mb="2" minW="0">
      <Flex gap="2" align="center" justify="space-between" wrap="wrap" minW="0">
        {back ? (
          <Button variant="ghost" size="xs" onClick={back.onBack} ms="-2">
            <span aria-hidden="true">←</span> {back.label}
          </Button>
        ) : (
          <span />
        )}
        <Flex gap="1.5" ms="auto">
          {search && (
            <Button
              ref={toggle}
              variant="outline"
              size="xs"
              aria-expanded={search.open}
              aria-controls={search.open ? panelId : undefined}
              onClick={() => (search.open ? close() : search.onOpenChange(true))}
            >
              {search.open ? strings.search.close : strings.search.open}
            </Button>
          )}
          {end}
        </Flex>
      </Flex>
      {search?.open && <SearchPanel id={panelId} onSearch={search.onSearch} onClose={close} autoFocus />}
    </Stack>
  );
}
