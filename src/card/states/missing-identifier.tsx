import { Text } from '@chakra-ui/react';
import type { Channel } from '../../shared/channels';
import type { CardLookup } from '../../shared/wire';
import { StatePanel } from '../../ui/state-panel';
import type { ExpectedIdentifier } from '../context';
import { SearchPanel } from '../search/search-panel';
import { strings } from '../strings';

type MissingIdentifierProps = {
  expected: ExpectedIdentifier;
  channel: Channel | undefined;
  /** Set when the agent can search instead (the card has a session). */
  onSearch?: ((lookup: CardLookup) => void) | undefined;
};

/** The host gave nothing the channel can be looked up by: say so rather than show an empty card. */
export function MissingIdentifier({ expected, channel, onSearch }: MissingIdentifierProps) {
  return (
    <StatePanel title={strings.missingIdentifier.title(expected)}>
      <Text>{strings.missingIdentifier.detail(expected, channel)}</Text>
      {onSearch && (
        <>
          <Text color="card.muted">{strings.notFound.searchHint}</Text>
          <SearchPanel onSearch={onSearch} />
        </>
      )}
    </StatePanel>
  );
}
