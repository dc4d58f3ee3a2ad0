import { Alert, Button, Dialog, Field, Input, Portal, Stack, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { useUpdateCredential } from '../api/config';
import { credentialPatchSchema, type CredentialPatch, type CredentialView } from '../shared/config-wire';
import { problemText } from './problem-text';
import { problemColor } from './problem-color';
import { strings } from './strings';

const t = strings.edit;

type EditCredentialDialogProps = {
  credential: CredentialView | null;
  /** Where focus goes when the dialog closes; null for the button that opened it. */
  finalFocus: () => HTMLElement | null;
  onClose: () => void;
  onUpdated: (credential: CredentialView, secretReplaced: boolean) => void;
};

/** Rename a credential or replace its secret, without retyping the shop or the client ID. */
export function EditCredentialDialog({ credential, finalFocus, onClose, onUpdated }: EditCredentialDialogProps) {
  return (
    <Dialog.Root open={credential !== null} onOpenChange={(details) => !details.open && onClose()} finalFocusEl={finalFocus}>
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            {/* Keyed, so each credential starts from its own name and an empty secret. */}
            {credential && <EditCredentialForm key={credential.id} credential={credential} onClose={onClose} onUpdated={onUpdated} />}
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}

function EditCredentialForm({
  credential,
  onClose,
  onUpdated,
}: { credential: CredentialView } & Pick<EditCredentialDialogProps, 'onClose' | 'onUpdated'>) {
  const update = useUpdateCredential();
  const [name, setName] = useState(credential.name);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    if (name.trim() === '') return setError(null);
    const patch: CredentialPatch = {
      ...(name.trim() !== credential.name ? { name } : {}),
      ...(secret.trim() !== '' ? { secret } : {}),
    };
    if (patch.name === undefined && patch.secret === undefined) return setError(t.nothing);
    const parsed = credentialPatchSchema.safeParse(patch);
    if (!parsed.success) return setError(parsed.error.issues.map((issue) => `${String(issue.path[0] ?? '')}: ${issue.message}`).join('; '));
    setError(null);
    update.mutate(
      { id: credential.id, patch: parsed.data },
      { onSuccess: (updated) => onUpdated(updated, parsed.data.secret !== undefined) },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Dialog.Header>
        <Dialog.Title>{t.title(credential.name)}</Dialog.Title>
      </Dialog.Header>
      <Dialog.Body>
        <Stack gap="4">
          {credential.source !== 'ui' && <Text>{t.fromSource}</Text>}
          <Field.Root invalid={name.trim() === ''}>
            <Field.Label>{t.name}</Field.Label>
            <Input value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />
            {name.trim() === '' && <Field.ErrorText color={problemColor}>{strings.form.required}</Field.ErrorText>}
          </Field.Root>
          <Field.Root>
            <Field.Label>{t.secret[credential.kind]}</Field.Label>
            <Input type="password" value={secret} onChange={(event) => setSecret(event.target.value)} autoComplete="new-password" />
            <Field.HelperText>{t.secretHelp}</Field.HelperText>
          </Field.Root>
          {error && (
            <Text role="alert" color={problemColor}>
              {error}
            </Text>
          )}
          {update.isError && (
            <Alert.Root status="error" role="alert">
              <Alert.Indicator />
              <Alert.Content>
                <Alert.Title>{t.failed}</Alert.Title>
                <Alert.Description>{problemText(update.error)}</Alert.Description>
              </Alert.Content>
            </Alert.Root>
          )}
        </Stack>
      </Dialog.Body>
      <Dialog.Footer>
        <Button variant="outline" type="button" onClick={onClose}>
          {t.cancel}
        </Button>
        <Button type="submit" colorPalette="blue" aria-disabled={update.isPending || undefined}>
          {t.save}
        </Button>
      </Dialog.Footer>
    </form>
  );
}
