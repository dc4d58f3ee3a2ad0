import { Flex, VisuallyHidden, type FlexProps } from '@chakra-ui/react';
import type { OrderFlag } from '../../shared/wire';
import { StatusBadge } from '../../ui/status-badge';
import { flagTones } from './order-flags';
import { strings } from '../strings';

/** An order's problems as badges, read as "Needs attention: …"; nothing when it has none. */
export function OrderFlagBadges({ flags, ...layout }: { flags: readonly OrderFlag[] } & Omit<FlexProps, 'children'>) {
  if (flags.length === 0) return null;
  return (
    <Flex as="p" gap="1" wrap="wrap" {...layout}>
      <VisuallyHidden>{strings.orderCard.needsAttention}</VisuallyHidden>{' '}
      {flags.map((flag) => (
        <StatusBadge key={flag} label={strings.flags[flag]} tone={flagTones[flag]} />
      ))}
    </Flex>
  );
}
