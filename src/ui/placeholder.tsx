import { Box, Stack } from '@chakra-ui/react';

/**
 * A pulsing bar standing in for content still loading: the card's own, so its first paint carries no skeleton
 * component or recipe. Callers hide their placeholders from assistive technology.
 */
export function Placeholder({ height = '4', width = '100%' }: { height?: string; width?: string }) {
  return <Box height={height} width={width} borderRadius="l2" bg="bg.emphasized" animation="pulse 1.2s ease-in-out infinite" />;
}

/** Lines of text still loading, the last one shorter. */
export function PlaceholderLines({ lines }: { lines: number }) {
  return (
    <Stack gap="2" width="100%">
      {Array.from({ length: lines }, (_, index) => (
        <Placeholder key={index} {...(index === lines - 1 && lines > 1 ? { width: '80%' } : {})} />
      ))}
    </Stack>
  );
}
