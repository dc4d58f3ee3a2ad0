import { Box } from '@chakra-ui/react';
import { toneColors, type StatusTone } from './system';

type StatusBadgeProps = {
  /** The status in words; always shown, so the colour is never the only signal. */
  label: string;
  tone: StatusTone;
};

export function StatusBadge({ label, tone }: StatusBadgeProps) {
  return (
    <Box
      as="span"
      display="inline-flex"
      alignItems="center"
      gap="1.5"
      maxW="full"
      px="2"
      py="0.5"
      borderRadius="full"
      borderWidth="1px"
      fontSize="xs"
      fontWeight="medium"
      lineHeight="short"
      {...toneColors(tone)}
    >
      <Box as="span" aria-hidden="true" flexShrink={0} boxSize="1.5" borderRadius="full" bg="currentColor" />
      {label}
    </Box>
  );
}
