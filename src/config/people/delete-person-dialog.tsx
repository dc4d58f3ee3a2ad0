import { Alert, Button, Dialog, Portal, Stack, Text } from '@chakra-ui/react';
import { useDeletePerson } from '../../api/people';
import { problemText } from '../problem-text';
import { peopleStrings } from './people-strings';

const t = peopleStrings.person;

type DeletePersonDialogProps = {
  person: { id: string; name: string } | null;
  onClose: () => void;
  onDeleted: () => void;
};

/** Asks before deleting a person, saying that it is final until Shopify changes that customer again. */
export function DeletePersonDialog({ person, onClose, onDeleted }: DeletePersonDialogProps) {
  const remove = useDeletePerson();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog.Root role="alertdialog" open={person !== null} onOpenChange={(details) => !details.open && close()}>
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            {person && (
              <>
                <Dialog.Header>
                  <Dialog.Title>{t.deleteTitle(person.name)}</Dialog.Title>
                </Dialog.Header>
                <Dialog.Body>
                  <Stack gap="3">
                    <Dialog.Description asChild>
                      <Text>{t.deleteBody}</Text>
                    </Dialog.Description>
                    {remove.isError && (
                      <Alert.Root status="error" role="alert">
                        <Alert.Indicator />
                        <Alert.Content>
                          <Alert.Title>{t.deleteFailed}</Alert.Title>
                          <Alert.Description>{problemText(remove.error)}</Alert.Description>
                        </Alert.Content>
                      </Alert.Root>
                    )}
                  </Stack>
                </Dialog.Body>
                <Dialog.Footer>
                  <Button variant="outline" onClick={close}>
                    {t.cancel}
                  </Button>
                  <Button
                    colorPalette="red"
                    aria-disabled={remove.isPending || undefined}
                    onClick={() => remove.isPending || remove.mutate(person.id, { onSuccess: onDeleted })}
                  >
                    {t.confirmDelete}
                  </Button>
                </Dialog.Footer>
              </>
            )}
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
