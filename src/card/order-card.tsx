import { Box, Text } from '@chakra-ui/react';
import { fieldDefinition, type FieldKey } from '../shared/fields';
import type { OrderSummary } from '../shared/wire';
import { FormattedValue } from './format-field';

type OrderCardProps = {
  order: OrderSummary;
  /** The admin's order-card fields, in their order. */
  fields: FieldKey[];
  locale: string;
};

/** One order in the list: the fields the admin chose for the order card, each under its label. */
export function OrderCard({ order, fields, locale }: OrderCardProps) {
  return (
    <Box
      as="article"
      aria-label={order.name}
      p="3"
      minW="0"
      borderWidth="1px"
      borderColor="card.border"
      borderRadius="md"
      bg="card.surface"
    >
      <Box as="dl" display="grid" gap="2">
        {fields.map((key) => {
          const { label, format } = fieldDefinition(key);
          return (
            <Box key={key} minW="0">
              <Text as="dt" fontSize="xs" color="card.muted">
                {label}
              </Text>
              <Box as="dd" minW="0">
                <FormattedValue format={format} value={order.fields[key]} locale={locale} density="compact" />
              </Box>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
