import { Button, Dialog, Portal, Text } from '@chakra-ui/react';
import { strings } from './strings';

const t = strings.leave;

type LeaveDialogProps = { open: boolean; onStay: () => void; onDiscard: () => void };

/** Asked in the page when the admin switches away from unsaved card fields. */
export function LeaveDialog({ open, onStay, onDiscard }: LeaveDialogProps) {
  return (
    <Dialog.Root role="alertdialog" open={open} onOpenChange={(details) => !details.open && onStay()}>
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            <Dialog.Header>
              <Dialog.Title>{t.title}</Dialog.Title>
            </Dialog.Header>
            <Dialog.Body>
              <Text>{t.body}</Text>
            </Dialog.Body>
            <Dialog.Footer>
              <Button variant="outline" onClick={onStay}>
                {t.stay}
              </Button>
              <Button colorPalette="red" onClick={onDiscard}>
                {t.discard}
              </Button>
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
