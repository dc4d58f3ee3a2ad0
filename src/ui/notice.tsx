import { Box, Flex } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { toneColors } from './system';

type NoticeProps = {
  /** `attention` for something wrong with what is shown (stale data), `info` for a limit to know. */
  tone: 'attention' | 'info';
  children: ReactNode;
  /** A control beside the message, e.g. Refresh. */
  action?: ReactNode;
};

/** A short message above the card's content; its words carry the meaning, the colour only helps. */
export function Notice({ tone, children, action }: NoticeProps) {
  return (
    <Flex
      gap="2"
      px="3"
      py="2"
      align="center"
      wrap="wrap"
      justify="space-between"
      borderWidth="1px"
      borderStartWidth="4px"
      borderRadius="md"
      {...toneColors(tone)}
    >
      <Box as="p" flex="1 1 12rem" minW="0">
        {children}
      </Box>
      {action}
    </Flex>
  );
}
