import { Box, Heading, Stack } from '@chakra-ui/react';
import { useId } from 'react';
import type { MatchedCard } from '../../shared/wire';
import { FieldList } from '../fields/field-list';
import { strings } from '../strings';

type CustomerDetailsProps = {
  customer: MatchedCard['customer'];
  /** The admin's customer-detail fields, in their order. */
  fields: MatchedCard['mapping']['customerDetails'];
  locale: string;
  now: number;
};

/** The customer-detail fields shown: the admin's, less the name, which is the card's title. */
export const customerDetailRows = (fields: CustomerDetailsProps['fields']) => fields.filter((key) => key !== 'customer.displayName');

/** The customer-detail fields the admin chose. The name is the card's title, so it is not repeated. */
export function CustomerDetails({ customer, fields, locale, now }: CustomerDetailsProps) {
  const headingId = useId();
  const rows = customerDetailRows(fields);
  if (rows.length === 0) return null;
  return (
    <Stack as="section" aria-labelledby={headingId} gap="2" minW="0">
      <Heading as="h2" size="sm" id={headingId}>
        {strings.matched.customerDetails}
      </Heading>
      <Box p="3" borderWidth="1px" borderColor="card.border" borderRadius="md" bg="card.surface" minW="0">
        <FieldList keys={rows} values={customer.fields} locale={locale} density="compact" now={now} />
      </Box>
    </Stack>
  );
}
