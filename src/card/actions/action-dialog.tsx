import { Box, Button, Flex, Heading, Stack } from '@chakra-ui/react';
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { actionStrings as text } from './action-strings';

type ActionDialogProps = { title: string; onClose: () => void; children: ReactNode };

const focusable =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog over the card: its title names it, focus moves into it and stays there (Tab wraps), Escape
 * or Close leaves it, and focus goes back to the button that opened it.
 */
export function ActionDialog({ title, onClose, children }: ActionDialogProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('h2')?.focus();
    return () => opener?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      // The order's details go back on Escape too: this one closes the dialog only.
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(focusable)];
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <Box
      position="fixed"
      inset="0"
      zIndex="modal"
      bg="blackAlpha.600"
      display="flex"
      alignItems="flex-start"
      justifyContent="center"
      p="2"
      overflowY="auto"
    >
      <Stack
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        gap="3"
        p="3"
        w="full"
        maxW="30rem"
        bg="card.surface"
        color="card.fg"
        borderWidth="1px"
        borderColor="card.border"
        borderRadius="md"
        boxShadow="lg"
      >
        <Flex justify="space-between" align="center" gap="2">
          <Heading as="h2" size="sm" id={titleId} tabIndex={-1} outline="none">
            {title}
          </Heading>
          <Button variant="ghost" size="xs" onClick={onClose}>
            {text.close}
          </Button>
        </Flex>
        {children}
      </Stack>
    </Box>
  );
}
