import { Alert, Dialog, RadioGroup, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { useSetPeopleCredential } from '../../api/people';
import type { CredentialView } from '../../shared/config-wire';
import { missingScopes, peopleSyncScopes } from '../../shared/scopes';
import { ConfirmDialog } from '../confirm-dialog';
import { strings } from '../strings';
import { peopleStrings } from './people-strings';

const t = peopleStrings.credentials;

type SetCredentialsDialogProps = {
  open: boolean;
  credentials: CredentialView[];
  /** The credential the sync uses now, chosen when the dialog opens. */
  chosenId: string | null;
  onClose: () => void;
  onSet: (name: string) => void;
  onGoToCredentials: () => void;
};

/** What the stored verification says about reading customers and orders with this credential. */
function ScopeWarning({ credential }: { credential: CredentialView }) {
  if (credential.grantedScopes === null) return <Text color="fg.muted">{t.unverified}</Text>;
  const missing = missingScopes(credential.grantedScopes, peopleSyncScopes);
  if (missing.length === 0) return null;
  return (
    <Alert.Root status="warning">
      <Alert.Indicator />
      <Alert.Description>{t.lacks(missing)}</Alert.Description>
    </Alert.Root>
  );
}

/** Set Credentials: one of the stored credentials, the same ones the card uses, for the sync to read Shopify with. */
export function SetCredentialsDialog({ open, credentials, chosenId, onClose, onSet, onGoToCredentials }: SetCredentialsDialogProps) {
  const save = useSetPeopleCredential();
  const [picked, setPicked] = useState<string | null>(null);
  const selected = picked ?? chosenId ?? credentials.find((c) => c.status === 'verified')?.id ?? credentials[0]?.id ?? null;
  const credential = credentials.find((c) => c.id === selected) ?? null;

  function submit() {
    if (!credential) return;
    save.mutate(credential.id, {
      onSuccess: () => {
        setPicked(null);
        onSet(credential.name);
      },
    });
  }

  return (
    <ConfirmDialog
      subject={credentials}
      open={open}
      title={() => t.title}
      gap="4"
      mutation={save}
      failedTitle={t.failed}
      cancelLabel={t.cancel}
      confirm={() =>
        credentials.length === 0
          ? {
              label: t.goToCredentials,
              tone: 'blue',
              onConfirm: (close) => {
                close();
                onGoToCredentials();
              },
            }
          : { label: t.save, tone: 'blue', onConfirm: submit }
      }
      onClose={() => {
        setPicked(null);
        onClose();
      }}
    >
      {() => (
        <>
          <Dialog.Description>{t.description}</Dialog.Description>
          {credentials.length === 0 ? (
            <Text>{t.none}</Text>
          ) : (
            <RadioGroup.Root
              value={selected}
              onValueChange={(details) => setPicked(details.value)}
              aria-labelledby="people-credential-legend"
            >
              <Text id="people-credential-legend" fontWeight="medium" mb="2">
                {t.legend}
              </Text>
              <Stack gap="3">
                {credentials.map((c) => (
                  <RadioGroup.Item key={c.id} value={c.id} alignItems="flex-start">
                    <RadioGroup.ItemHiddenInput />
                    <RadioGroup.ItemIndicator />
                    <RadioGroup.ItemText>
                      {t.option(c.name, c.shopDomain)}
                      {c.status !== 'verified' && (
                        <Text as="span" color="fg.muted">{` (${strings.credentials.status[c.status].toLowerCase()})`}</Text>
                      )}
                    </RadioGroup.ItemText>
                  </RadioGroup.Item>
                ))}
              </Stack>
            </RadioGroup.Root>
          )}
          {credential && <ScopeWarning credential={credential} />}
        </>
      )}
    </ConfirmDialog>
  );
}
