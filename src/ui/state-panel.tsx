import { Heading, Stack } from '@chakra-ui/react';
import { useLayoutEffect, useRef, type ReactNode } from 'react';

type StatePanelProps = {
  title: ReactNode;
  /**
   * Move focus to the title when the panel appears. Set it when the panel replaces the one the agent
   * was working in (after Retry or a pick), so keyboard focus does not fall back to the page.
   */
  focusOnMount?: boolean;
  children?: ReactNode;
};

/** One state of the card: its title as the page heading, then what to know and what to do. */
export function StatePanel({ title, focusOnMount = false, children }: StatePanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  return (
    <Stack as="section" gap="3" minW="0">
      <Heading as="h1" size="md" ref={heading} tabIndex={-1} outline="none">
        {title}
      </Heading>
      {children}
    </Stack>
  );
}
