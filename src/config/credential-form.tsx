import { Alert, Badge, Box, Button, Field, Heading, HStack, Input, RadioGroup, Stack, Text } from '@chakra-ui/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useCreateCredential, useVerifyCredentialInput } from '../api/config';
import type { CredentialView, VerifyResult } from '../shared/config-wire';
import {
  checkCredentialForm,
  emptyCredentialForm,
  kindFields,
  type CredentialFieldErrors,
  type CredentialFieldName,
  type CredentialFormValues,
  type CredentialKind,
} from './credential-form-model';
import { problemText } from './problem-text';
import { problemColor } from './problem-color';
import { strings } from './strings';
import { VerifyResultPanel } from './verify-result-panel';

const t = strings.form;
const kinds: CredentialKind[] = ['client_credentials', 'access_token'];
const secretFields: ReadonlySet<CredentialFieldName> = new Set(['clientSecret', 'accessToken']);

function labelOf(field: CredentialFieldName, kind: CredentialKind): string {
  if (field === 'shop') return t.shop[kind];
  return t[field];
}

function helpOf(field: CredentialFieldName): string | null {
  if (field === 'name') return t.nameHelp;
  if (field === 'shop') return t.shopHelp;
  if (field === 'accessToken') return t.accessTokenHelp;
  return null;
}

type CredentialFormProps = {
  onSubmitted: (credential: CredentialView) => void;
  onCancel: () => void;
};

/**
 * Add Credentials: the kind, its fields, then optionally Verify Credentials, then Submit. Each field
 * is checked when it loses focus and all of them before a request; nothing typed is lost on failure.
 */
export function CredentialForm({ onSubmitted, onCancel }: CredentialFormProps) {
  const [values, setValues] = useState<CredentialFormValues>(emptyCredentialForm);
  const [touched, setTouched] = useState<ReadonlySet<CredentialFieldName>>(new Set());
  const [showAll, setShowAll] = useState(false);
  // The result belongs to the values it was verified with; any edit makes it stale.
  const [verified, setVerified] = useState<{ result: VerifyResult; values: CredentialFormValues } | null>(null);
  const verify = useVerifyCredentialInput();
  const create = useCreateCredential();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const fields = kindFields[values.kind];
  const current = verified && verified.values === values ? verified.result : null;
  const checked = checkCredentialForm(values, current?.shopName);
  const errors: CredentialFieldErrors = checked.errors ?? {};
  const shown = (field: CredentialFieldName) => (showAll || touched.has(field) ? errors[field] : undefined);

  function change(field: keyof CredentialFormValues, value: string) {
    setValues((before) => ({ ...before, [field]: value }));
    verify.reset();
    create.reset();
  }

  function ready() {
    setShowAll(true);
    if (checked.errors) {
      const first = fields.find((field) => checked.errors[field]);
      if (first) document.getElementById(`credential-${first}`)?.focus();
      return null;
    }
    return checked.input;
  }

  const busy = verify.isPending || create.isPending;

  function onVerify() {
    if (busy) return;
    const input = ready();
    if (!input) return;
    const at = values;
    verify.mutate(input, { onSuccess: (result) => setVerified({ result, values: at }) });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const input = ready();
    if (!input) return;
    create.mutate(input, { onSuccess: onSubmitted });
  }

  const hasShownErrors = fields.some((field) => shown(field));

  return (
    <Box asChild borderWidth="1px" borderRadius="md" p="5">
      <form onSubmit={onSubmit} noValidate aria-labelledby="add-credentials-heading">
        <Stack gap="5">
          <Heading as="h3" size="md" id="add-credentials-heading" ref={heading} tabIndex={-1} outline="none">
            {t.heading}
          </Heading>

          <RadioGroup.Root
            value={values.kind}
            onValueChange={(details) => details.value && change('kind', details.value)}
            aria-labelledby="credential-kind-legend"
          >
            <Text id="credential-kind-legend" fontWeight="medium" mb="2">
              {t.kindLegend}
            </Text>
            <Stack gap="3">
              {kinds.map((kind) => (
                <RadioGroup.Item key={kind} value={kind} alignItems="flex-start">
                  <RadioGroup.ItemHiddenInput aria-describedby={`credential-kind-${kind}-help`} />
                  <RadioGroup.ItemIndicator />
                  <Stack gap="0.5">
                    <RadioGroup.ItemText>
                      {strings.credentials.kind[kind]}
                      {kind === 'access_token' && (
                        <Badge colorPalette="red" ms="2" variant="solid">
                          {strings.credentials.deprecated}
                        </Badge>
                      )}
                    </RadioGroup.ItemText>
                    <Text id={`credential-kind-${kind}-help`} color="fg.muted" fontSize="sm">
                      {t.kindHelp[kind]}
                    </Text>
                  </Stack>
                </RadioGroup.Item>
              ))}
            </Stack>
          </RadioGroup.Root>

          {hasShownErrors && (
            <Text role="alert" color={problemColor}>
              {t.fixFields}
            </Text>
          )}

          {fields.map((field) => {
            const error = shown(field);
            const help = helpOf(field);
            return (
              <Field.Root key={field} ids={{ control: `credential-${field}` }} invalid={error !== undefined} required={field !== 'name'}>
                <Field.Label>{labelOf(field, values.kind)}</Field.Label>
                <Input
                  value={values[field]}
                  type={secretFields.has(field) ? 'password' : 'text'}
                  autoComplete={secretFields.has(field) ? 'new-password' : 'off'}
                  spellCheck={false}
                  onChange={(event) => change(field, event.target.value)}
                  onBlur={() => setTouched((before) => new Set(before).add(field))}
                />
                {help && <Field.HelperText>{help}</Field.HelperText>}
                {error && <Field.ErrorText color={problemColor}>{error}</Field.ErrorText>}
              </Field.Root>
            );
          })}

          {current && <VerifyResultPanel result={current} />}
          {verify.isError && (
            <Alert.Root status="error" role="alert">
              <Alert.Indicator />
              <Alert.Content>
                <Alert.Title>{t.verifyFailed}</Alert.Title>
                <Alert.Description>{problemText(verify.error)}</Alert.Description>
              </Alert.Content>
            </Alert.Root>
          )}
          {create.isError && (
            <Alert.Root status="error" role="alert">
              <Alert.Indicator />
              <Alert.Content>
                <Alert.Title>{t.submitFailed}</Alert.Title>
                <Alert.Description>{problemText(create.error)}</Alert.Description>
              </Alert.Content>
            </Alert.Root>
          )}

          {/* The buttons stay enabled while a request runs, so keyboard focus stays where it is. */}
          <HStack gap="3" flexWrap="wrap">
            <Button type="button" variant="outline" onClick={onVerify} aria-disabled={busy || undefined}>
              {t.verify}
            </Button>
            <Button type="submit" colorPalette="blue" aria-disabled={busy || undefined}>
              {t.submit}
            </Button>
            <Button type="button" variant="ghost" onClick={onCancel}>
              {t.cancel}
            </Button>
            <Text role="status" color="fg.muted">
              {verify.isPending ? t.verifying : create.isPending ? t.submitting : ''}
            </Text>
          </HStack>
        </Stack>
      </form>
    </Box>
  );
}
