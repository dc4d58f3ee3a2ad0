import { Alert, List, Stack, Text } from '@chakra-ui/react';
import type { VerifyResult } from '../shared/config-wire';
import { CredentialAllows } from './credential-allows';
import { strings } from './strings';

/** What Verify Credentials found: the shop, the granted scopes, any the card needs but lacks, and what they allow. */
export function VerifyResultPanel({ result }: { result: VerifyResult }) {
  const t = strings.verifyResult;
  const missing = result.missingScopes.length > 0;
  return (
    <Alert.Root status={missing ? 'warning' : 'success'} role="status" alignItems="flex-start">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>{t.connected(result.shopName, result.shopDomain)}</Alert.Title>
        <Alert.Description asChild>
          <Stack gap="1">
            {missing ? <Text fontWeight="semibold">{t.missing(result.missingScopes)}</Text> : <Text>{t.allRequired}</Text>}
            {!result.allOrdersVisible && <Text>{t.sixtyDays}</Text>}
            <Text>{t.granted}:</Text>
            {result.grantedScopes.length === 0 ? (
              <Text>{t.noneGranted}</Text>
            ) : (
              <List.Root aria-label={t.granted} display="flex" flexWrap="wrap" gap="1" listStyleType="none">
                {result.grantedScopes.map((scope) => (
                  <List.Item key={scope} fontFamily="mono" fontSize="xs" px="1.5" borderRadius="sm" bg="bg.muted">
                    {scope}
                  </List.Item>
                ))}
              </List.Root>
            )}
            <CredentialAllows grantedScopes={result.grantedScopes} />
          </Stack>
        </Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}
