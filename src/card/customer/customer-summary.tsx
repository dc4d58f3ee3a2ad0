import { Box, Button, Flex, Text } from '@chakra-ui/react';
import { useId, useState, type ReactNode } from 'react';
import type { Money } from '../../shared/fields';
import type { MatchedCard } from '../../shared/wire';
import { formatMoney, formatNumber } from '../fields/format-values';
import { strings } from '../strings';

function money(value: unknown): Money | null {
  return typeof value === 'object' && value !== null && 'amount' in value && 'currencyCode' in value ? (value as Money) : null;
}

type CustomerSummaryProps = Pick<MatchedCard, 'customer' | 'matchedBy'> & {
  locale: string;
  /** The customer's details, behind a button at the end of the summary's first line, so the orders come first. */
  details?: ReactNode;
};

/** One line under the name: how many orders, how much spent (when the admin shows it), and how the card found them. */
export function CustomerSummary({ customer, matchedBy, locale, details }: CustomerSummaryProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const count = customer.numberOfOrders;
  const spent = money(customer.fields['customer.amountSpent']);
  return (
    <Box mt="-2" minW="0">
      <Flex columnGap="2" wrap="wrap" align="center" minW="0">
        <Text fontSize="sm">
          {[
            strings.matched.orderCount(count, formatNumber(count, locale)),
            spent ? strings.customerSummary.spent(formatMoney(spent, locale)) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {details && (
          <Button variant="ghost" size="2xs" ms="-1" aria-expanded={open} aria-controls={id} onClick={() => setOpen((was) => !was)}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> {strings.customerSummary.showDetails}
          </Button>
        )}
      </Flex>
      <Text color="card.muted" fontSize="xs">
        {strings.matched.matchedBy(matchedBy)}
      </Text>
      {details && (
        <Box id={id} hidden={!open} mt="3" minW="0">
          {details}
        </Box>
      )}
    </Box>
  );
}
