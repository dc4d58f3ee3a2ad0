import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import {
  configOverviewSchema,
  credentialViewSchema,
  savedMappingSchema,
  verifyResultSchema,
  type ActivationInput,
  type CredentialInput,
  type CredentialPatch,
  type MappingDraftInput,
  type MappingSave,
} from '../shared/config-wire';
import { apiRequest } from './http';

export const configKeys = {
  all: ['config'] as const,
  overview: () => [...configKeys.all, 'overview'] as const,
};

const activationSchema = z.object({ credentialId: z.nullable(z.string()), changedBy: z.string(), changedAt: z.string() });
/** A 204 answer has no body. */
const noContent = z.undefined();
const credentialPath = (id: string) => `/api/config/credentials/${encodeURIComponent(id)}`;

/** The admin's view of the set-up. The token only says who is asking, so it is not part of the key. */
export function configOverviewQueryOptions(token: string | null) {
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the token authenticates the request; it is not what is asked
  return queryOptions({
    queryKey: configKeys.overview(),
    queryFn: ({ signal }) => apiRequest('/api/config', { token, schema: configOverviewSchema, signal }),
  });
}

/** Verify Credentials for what the admin typed; nothing is stored. */
export function verifyCredentialInput(input: CredentialInput, token: string | null) {
  return apiRequest('/api/config/verify-credentials', { method: 'POST', token, body: input, schema: verifyResultSchema });
}

export function createCredential(input: CredentialInput, token: string | null) {
  return apiRequest('/api/config/credentials', { method: 'POST', token, body: input, schema: credentialViewSchema });
}

export function verifyStoredCredential(id: string, token: string | null) {
  return apiRequest(`${credentialPath(id)}/verify`, { method: 'POST', token, schema: verifyResultSchema });
}

export function updateCredential(id: string, patch: CredentialPatch, token: string | null) {
  return apiRequest(credentialPath(id), { method: 'PATCH', token, body: patch, schema: credentialViewSchema });
}

export function removeCredential(id: string, token: string | null) {
  return apiRequest(credentialPath(id), { method: 'DELETE', token, schema: noContent });
}

export function setActivation(input: ActivationInput, token: string | null) {
  return apiRequest('/api/config/activation', { method: 'PUT', token, body: input, schema: activationSchema });
}

export function saveMapping(save: MappingSave, token: string | null) {
  return apiRequest('/api/config/mapping', { method: 'PUT', token, body: save, schema: savedMappingSchema });
}

/** Keeps the admin's unsaved field changes on the server, for that admin alone. */
export function saveDraft(draft: MappingDraftInput, token: string | null, options: { keepalive?: boolean } = {}) {
  return apiRequest('/api/config/draft', { method: 'PUT', token, body: draft, schema: noContent, ...options });
}

export function discardDraft(token: string | null) {
  return apiRequest('/api/config/draft', { method: 'DELETE', token, schema: noContent });
}

/** Every change to the set-up makes the overview stale, whether it worked or not (a refused verify marks the credential). */
function useConfigMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: configKeys.all }),
  });
}

export function useVerifyCredentialInput(token: string | null) {
  return useMutation({ mutationFn: (input: CredentialInput) => verifyCredentialInput(input, token) });
}

export function useCreateCredential(token: string | null) {
  return useConfigMutation((input: CredentialInput) => createCredential(input, token));
}

export function useVerifyStoredCredential(token: string | null) {
  return useConfigMutation((id: string) => verifyStoredCredential(id, token));
}

export function useUpdateCredential(token: string | null) {
  return useConfigMutation(({ id, patch }: { id: string; patch: CredentialPatch }) => updateCredential(id, patch, token));
}

export function useRemoveCredential(token: string | null) {
  return useConfigMutation((id: string) => removeCredential(id, token));
}

export function useActivation(token: string | null) {
  return useConfigMutation((input: ActivationInput) => setActivation(input, token));
}

export function useSaveMapping(token: string | null) {
  return useConfigMutation((save: MappingSave) => saveMapping(save, token));
}
