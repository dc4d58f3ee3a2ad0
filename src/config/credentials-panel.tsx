import { Alert, Box, Button, Heading, HStack, Stack, Text } from '@chakra-ui/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useVerifyStoredCredential } from '../api/config';
import type { CredentialView, VerifyResult } from '../shared/config-wire';
import { preloaded, usePreloaded } from '../ui/preloaded';
import { CredentialsTable } from './credentials-table';
import { problemText } from './problem-text';
import { strings } from './strings';

const t = strings.credentials;

// Adding, editing and removing a credential are rare: the form and the dialogs load when first opened.
const credentialForm = preloaded(() => import('./credential-form'));
const editDialog = preloaded(() => import('./edit-credential-dialog'));
const removeDialog = preloaded(() => import('./remove-credential-dialog'));
const verifyResultPanel = preloaded(() => import('./verify-result-panel'));

type Notice = {
  status: 'success' | 'warning' | 'error' | 'info';
  title: string;
  body?: string;
  result?: VerifyResult;
  next?: boolean;
};

type CredentialsPanelProps = {
  credentials: CredentialView[];
  activeId: string | null;
  onGoToIntegrations: () => void;
};

/** The Credentials tab: the list (secrets masked), Add Credentials, and per credential Verify, Edit and Remove. */
export function CredentialsPanel({ credentials, activeId, onGoToIntegrations }: CredentialsPanelProps) {
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [editing, setEditing] = useState<CredentialView | null>(null);
  const [removing, setRemoving] = useState<CredentialView | null>(null);
  const form = usePreloaded(credentialForm, adding);
  const edit = usePreloaded(editDialog, editing !== null);
  const remove = usePreloaded(removeDialog, removing !== null);
  const verifyResult = usePreloaded(verifyResultPanel, notice?.result !== undefined);
  const verify = useVerifyStoredCredential();
  const noticeRef = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  // A notice replaces what the admin was working in (the form, a dialog): keyboard focus goes to it.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  /** After a dialog's change, focus goes to the notice that reports it; after Cancel, back where it was. */
  const focusNoticeOnClose = useRef(false);
  const finalFocus = () => {
    if (!focusNoticeOnClose.current) return null;
    focusNoticeOnClose.current = false;
    return noticeRef.current;
  };

  function verifyStored(credential: CredentialView) {
    if (verify.isPending) return;
    setNotice(null);
    verify.mutate(credential.id, {
      onSuccess: (result) =>
        setNotice({
          status: result.missingScopes.length ? 'warning' : 'success',
          title: t.verifiedStored(credential.name, result.shopName),
          result,
        }),
      onError: (error) => setNotice({ status: 'error', title: t.refusedStored(credential.name), body: problemText(error) }),
    });
  }

  const action = (label: string, credential: CredentialView, onClick: () => void): ReactNode => (
    <Button size="xs" variant="outline" aria-label={t.actionLabel(label, credential.name)} onClick={onClick}>
      {label}
    </Button>
  );

  return (
    <Stack as="section" gap="5" aria-labelledby="credentials-heading">
      <Stack gap="1">
        <Heading as="h2" size="lg" id="credentials-heading">
          {t.heading}
        </Heading>
        <Text color="fg.muted">{t.intro}</Text>
      </Stack>

      {notice && (
        <Box ref={noticeRef} tabIndex={-1} outline="none">
          {notice.result ? (
            <Stack gap="2">
              <Text fontWeight="semibold">{notice.title}</Text>
              {verifyResult ? <verifyResult.VerifyResultPanel result={notice.result} /> : <Text role="status">{strings.loading}</Text>}
            </Stack>
          ) : (
            <Alert.Root status={notice.status} role={notice.status === 'error' ? 'alert' : 'status'}>
              <Alert.Indicator />
              <Alert.Content>
                <Alert.Title>{notice.title}</Alert.Title>
                {(notice.body || notice.next) && (
                  <Alert.Description>
                    {notice.body}
                    {notice.next && (
                      <HStack mt="2" gap="3" flexWrap="wrap">
                        <Text>{t.next}</Text>
                        <Button size="sm" colorPalette="blue" onClick={onGoToIntegrations}>
                          {t.goToIntegrations}
                        </Button>
                      </HStack>
                    )}
                  </Alert.Description>
                )}
              </Alert.Content>
            </Alert.Root>
          )}
        </Box>
      )}

      {credentials.length === 0 ? (
        <Text>{t.none}</Text>
      ) : (
        <CredentialsTable
          credentials={credentials}
          activeId={activeId}
          actions={(credential) => (
            <>
              {action(t.verify, credential, () => verifyStored(credential))}
              {action(t.edit, credential, () => setEditing(credential))}
              {action(t.remove, credential, () => setRemoving(credential))}
            </>
          )}
        />
      )}

      {adding ? (
        !form ? (
          <Text role="status">{strings.loading}</Text>
        ) : (
          <form.CredentialForm
            onCancel={() => {
              setAdding(false);
              requestAnimationFrame(() => addButton.current?.focus());
            }}
            onSubmitted={(created) => {
              setAdding(false);
              setNotice(
                created.status === 'invalid'
                  ? { status: 'warning', title: t.addedRefused(created.name) }
                  : { status: 'success', title: t.added(created.name), next: activeId === null },
              );
            }}
          />
        )
      ) : (
        <Box>
          <Button
            ref={addButton}
            colorPalette="blue"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            {t.add}
          </Button>
        </Box>
      )}

      {verify.isPending && <Text role="status">{strings.form.verifying}</Text>}

      {edit && (
        <edit.EditCredentialDialog
          credential={editing}
          finalFocus={finalFocus}
          onClose={() => setEditing(null)}
          onUpdated={(updated, secretReplaced) => {
            focusNoticeOnClose.current = true;
            setEditing(null);
            setNotice({ status: 'success', title: t.updated(updated.name), ...(secretReplaced ? { body: t.secretReplaced } : {}) });
          }}
        />
      )}
      {remove && (
        <remove.RemoveCredentialDialog
          credential={removing}
          active={removing !== null && removing.id === activeId}
          finalFocus={finalFocus}
          onClose={() => setRemoving(null)}
          onRemoved={(removed) => {
            focusNoticeOnClose.current = true;
            setRemoving(null);
            setNotice({ status: 'success', title: t.removed(removed.name) });
          }}
        />
      )}
    </Stack>
  );
}
