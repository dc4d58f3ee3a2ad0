import { Text } from '@chakra-ui/react';
import type { CardLookup, MatchedIdentifier } from '../../shared/wire';
import { StatePanel } from '../../ui/state-panel';
import { SearchPanel } from '../search/search-panel';
import { strings } from '../strings';

type NoCustomerFoundProps = {
  /** The identifiers the BFF looked for, so the agent can tell a typo from a new shopper. */
  tried: MatchedIdentifier[];
  onSearch: (lookup: CardLookup) => void;
  focusOnMount?: boolean;
};

export function NoCustomerFound({ tried, onSearch, focusOnMount }: NoCustomerFoundProps) {
  return (
    <StatePanel title={strings.notFound.title} focusOnMount={focusOnMount}>
      <Text>{strings.notFound.detail(tried)}</Text>
      <Text color="card.muted">{strings.notFound.searchHint}</Text>
      <SearchPanel onSearch={onSearch} />
    </StatePanel>
  );
}
