import { Box, Button, Text } from '@chakra-ui/react';
import type { CustomerCandidate, MatchedIdentifier } from '../../shared/wire';
import { StatePanel } from '../../ui/state-panel';
import { formatNumber } from '../fields/format-values';
import { strings } from '../strings';

type MultipleCustomersProps = {
  tried: MatchedIdentifier[];
  candidates: CustomerCandidate[];
  /** More match than are listed. */
  more?: boolean;
  locale: string;
  onPick: (candidate: CustomerCandidate) => void;
  focusOnMount?: boolean;
};

/** Several Shopify customers share the identifier: the agent, who is talking to one of them, picks. */
export function MultipleCustomers({ tried, candidates, more, locale, onPick, focusOnMount }: MultipleCustomersProps) {
  const text = strings.multiple;
  return (
    <StatePanel title={text.title} focusOnMount={focusOnMount}>
      <Text>{text.intro(tried)}</Text>
      {/* In a wide panel the choices keep a readable width instead of stretching across it. */}
      <Box as="ul" aria-label={text.listLabel} listStyleType="none" display="grid" gap="2" maxW="32rem">
        {candidates.map((candidate) => (
          <li key={candidate.id}>
            <Button
              variant="outline"
              onClick={() => onPick(candidate)}
              width="full"
              height="auto"
              py="2"
              px="3"
              justifyContent="flex-start"
              textAlign="start"
              whiteSpace="normal"
              fontWeight="normal"
            >
              <Box as="span" display="grid" gap="0.5" minW="0">
                <Text as="span" fontWeight="semibold">
                  {candidate.displayName}
                </Text>
                {candidate.email && (
                  <Text as="span" color="card.muted">
                    {candidate.email}
                  </Text>
                )}
                {candidate.phone && (
                  <Text as="span" color="card.muted">
                    {candidate.phone}
                  </Text>
                )}
                <Text as="span" color="card.muted">
                  {strings.matched.orderCount(candidate.numberOfOrders, formatNumber(candidate.numberOfOrders, locale))}
                </Text>
              </Box>
            </Button>
          </li>
        ))}
      </Box>
      {more && <Text color="card.muted">{text.more}</Text>}
    </StatePanel>
  );
}
