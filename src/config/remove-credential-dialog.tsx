import { Alert, Button, Dialog, Portal, Stack, Text } from '@chakra-ui/react';
import { useRemoveCredential } from '../api/config';
import type { CredentialView } from '../shared/config-wire';
import { problemText } from './problem-text';
import { strings } from './strings';

const t = strings.remove;

type RemoveCredentialDialogProps = {
  credential: CredentialView | null;
  /** The card uses it: say how to free it instead of offering to remove it. */
  active: boolean;
  /** Where focus goes when the dialog closes; null for the button that opened it. */
  finalFocus: () => HTMLElement | null;
  onClose: () => void;
  onRemoved: (credential: CredentialView) => void;
};

/** Asks before removing a credential; an active one cannot be removed, and the dialog says why. */
export function RemoveCredentialDialog({ credential, active, finalFocus, onClose, onRemoved }: RemoveCredentialDialogProps) {
  const remove = useRemoveCredential();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog.Root
      role="alertdialog"
      open={credential !== null}
      onOpenChange={(details) => !details.open && close()}
      finalFocusEl={finalFocus}
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            {credential && (
              <>
                <Dialog.Header>
                  <Dialog.Title>{t.title(credential.name)}</Dialog.Title>
                </Dialog.Header>
                <Dialog.Body>
                  <Stack gap="3">
                    {active ? (
                      <Text>{t.inUse}</Text>
                    ) : (
                      <>
                        <Text>{t.body}</Text>
                        {credential.source !== 'ui' && <Text>{t.fromSource}</Text>}
                      </>
                    )}
                    {remove.isError && (
                      <Alert.Root status="error" role="alert">
                        <Alert.Indicator />
                        <Alert.Content>
                          <Alert.Title>{t.failed}</Alert.Title>
                          <Alert.Description>{problemText(remove.error)}</Alert.Description>
                        </Alert.Content>
                      </Alert.Root>
                    )}
                  </Stack>
                </Dialog.Body>
                <Dialog.Footer>
                  {active ? (
                    <Button onClick={close}>{t.close}</Button>
                  ) : (
                    <>
                      <Button variant="outline" onClick={close}>
                        {t.cancel}
                      </Button>
                      <Button
                        colorPalette="red"
                        aria-disabled={remove.isPending || undefined}
                        onClick={() => remove.isPending || remove.mutate(credential.id, { onSuccess: () => onRemoved(credential) })}
                      >
                        {t.confirm}
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
