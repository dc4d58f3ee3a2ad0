import { Dialog, Text } from '@chakra-ui/react';
import { useDeletePerson } from '../../api/people';
import { ConfirmDialog } from '../confirm-dialog';
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
  return (
    <ConfirmDialog
      role="alertdialog"
      subject={person}
      title={(p) => t.deleteTitle(p.name)}
      mutation={remove}
      failedTitle={t.deleteFailed}
      cancelLabel={t.cancel}
      confirm={(p) => ({
        label: t.confirmDelete,
        tone: 'red',
        onConfirm: () => remove.mutate(p.id, { onSuccess: onDeleted }),
      })}
      onClose={onClose}
    >
      {() => (
        <Dialog.Description asChild>
          <Text>{t.deleteBody}</Text>
        </Dialog.Description>
      )}
    </ConfirmDialog>
  );
}
