import { Alert, Button, Dialog, Portal, Stack } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { problemText } from './problem-text';

/** What the dialog needs to know of the mutation its confirm button starts. */
export type ConfirmMutation = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  reset: () => void;
};

/** The confirm button: its words, its colour, and what it does (it is given the dialog's own close). */
export type ConfirmAction = {
  label: string;
  tone: 'red' | 'blue';
  onConfirm: (close: () => void) => void;
};

type ConfirmDialogProps<T> = {
  /** What is being confirmed; the dialog is open while there is one, and its content is drawn from it. */
  subject: T | null;
  /** Whether the dialog is open, when that is not simply "there is a subject". */
  open?: boolean;
  role?: 'alertdialog';
  /** Where focus goes when the dialog closes; by default the button that opened it. */
  finalFocus?: () => HTMLElement | null;
  title: (subject: T) => ReactNode;
  children: (subject: T) => ReactNode;
  gap?: '3' | '4';
  mutation: ConfirmMutation;
  /** The title of the alert shown when the mutation fails. */
  failedTitle: string;
  cancelLabel: string;
  /** null: there is nothing to confirm, and the one button left (labelled cancelLabel) closes the dialog. */
  confirm: (subject: T) => ConfirmAction | null;
  onClose: () => void;
};

/**
 * A dialog that asks before a change: a title, a body, the alert when the change failed, and
 * Cancel beside the confirm button, which does nothing more while the change is under way.
 */
export function ConfirmDialog<T>({
  subject,
  open = subject !== null,
  role,
  finalFocus,
  title,
  children,
  gap = '3',
  mutation,
  failedTitle,
  cancelLabel,
  confirm,
  onClose,
}: ConfirmDialogProps<T>) {
  const close = () => {
    mutation.reset();
    onClose();
  };
  const action = subject !== null ? confirm(subject) : null;
  return (
    <Dialog.Root
      {...(role ? { role } : {})}
      open={open}
      onOpenChange={(details) => !details.open && close()}
      {...(finalFocus ? { finalFocusEl: finalFocus } : {})}
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            {subject !== null && (
              <>
                <Dialog.Header>
                  <Dialog.Title>{title(subject)}</Dialog.Title>
                </Dialog.Header>
                <Dialog.Body>
                  <Stack gap={gap}>
                    {children(subject)}
                    {mutation.isError && (
                      <Alert.Root status="error" role="alert">
                        <Alert.Indicator />
                        <Alert.Content>
                          <Alert.Title>{failedTitle}</Alert.Title>
                          <Alert.Description>{problemText(mutation.error)}</Alert.Description>
                        </Alert.Content>
                      </Alert.Root>
                    )}
                  </Stack>
                </Dialog.Body>
                <Dialog.Footer>
                  {action === null ? (
                    <Button onClick={close}>{cancelLabel}</Button>
                  ) : (
                    <>
                      <Button variant="outline" onClick={close}>
                        {cancelLabel}
                      </Button>
                      <Button
                        colorPalette={action.tone}
                        aria-disabled={mutation.isPending || undefined}
                        onClick={() => mutation.isPending || action.onConfirm(close)}
                      >
                        {action.label}
                      </Button>
                    </>
                  )}
                </Dialog.Footer>
              </>
            )}
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
