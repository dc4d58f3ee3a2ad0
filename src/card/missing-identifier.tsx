import { Text } from '@chakra-ui/react';
import type { Channel } from '../shared/channels';
import { StatePanel } from '../ui/state-panel';
import type { ExpectedIdentifier } from './context';
import { strings } from './strings';

type MissingIdentifierProps = {
  expected: ExpectedIdentifier;
  channel: Channel | undefined;
};

/** The host gave nothing the channel can be looked up by: say so rather than show an empty card. */
export function MissingIdentifier({ expected, channel }: MissingIdentifierProps) {
  return (
    <StatePanel title={strings.missingIdentifier.title(expected)}>
      <Text>{strings.missingIdentifier.detail(expected, channel)}</Text>
    </StatePanel>
  );
}
