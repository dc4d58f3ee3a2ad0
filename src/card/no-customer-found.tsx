import { Text } from '@chakra-ui/react';
import type { MatchedIdentifier } from '../shared/wire';
import { StatePanel } from '../ui/state-panel';
import { strings } from './strings';

type NoCustomerFoundProps = {
  /** The identifiers the BFF looked for, so the agent can tell a typo from a new shopper. */
  tried: MatchedIdentifier[];
  focusOnMount?: boolean;
};

export function NoCustomerFound({ tried, focusOnMount }: NoCustomerFoundProps) {
  return (
    <StatePanel title={strings.notFound.title} focusOnMount={focusOnMount}>
      <Text>{strings.notFound.detail(tried)}</Text>
    </StatePanel>
  );
}
