import { Text } from '@chakra-ui/react';
import { useRemoveCredential } from '../api/config';
import type { CredentialView } from '../shared/config-wire';
import { ConfirmDialog } from './confirm-dialog';
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
  return (
    <ConfirmDialog
      role="alertdialog"
      subject={credential}
      finalFocus={finalFocus}
      title={(c) => t.title(c.name)}
      mutation={remove}
      failedTitle={t.failed}
      cancelLabel={active ? t.close : t.cancel}
      confirm={(c) =>
        active
          ? null
          : {
              label: t.confirm,
              tone: 'red',
              onConfirm: () => remove.mutate(c.id, { onSuccess: () => onRemoved(c) }),
            }
      }
      onClose={onClose}
    >
      {(c) =>
        active ? (
          <Text>{t.inUse}</Text>
        ) : (
          <>
            <Text>{t.body}</Text>
            {c.source !== 'ui' && <Text>{t.fromSource}</Text>}
          </>
        )
      }
    </ConfirmDialog>
  );
}
