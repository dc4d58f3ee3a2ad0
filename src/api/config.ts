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

/** The admin's view of the set-up. */
export function configOverviewQueryOptions() {
  return queryOptions({
    queryKey: configKeys.overview(),
    queryFn: ({ signal }) => apiRequest('/api/config', { schema: configOverviewSchema, signal }),
  });
}

/** Verify Credentials for what the admin typed; nothing is stored. */
export function verifyCredentialInput(input: CredentialInput) {
  return apiRequest('/api/config/verify-credentials', { method: 'POST', body: input, schema: verifyResultSchema });
}

export function createCredential(input: CredentialInput) {
  return apiRequest('/api/config/credentials', { method: 'POST', body: input, schema: credentialViewSchema });
}

export function verifyStoredCredential(id: string) {
  return apiRequest(`${credentialPath(id)}/verify`, { method: 'POST', schema: verifyResultSchema });
}

export function updateCredential(id: string, patch: CredentialPatch) {
  return apiRequest(credentialPath(id), { method: 'PATCH', body: patch, schema: credentialViewSchema });
}

export function removeCredential(id: string) {
  return apiRequest(credentialPath(id), { method: 'DELETE', schema: noContent });
}

export function setActivation(input: ActivationInput) {
  return apiRequest('/api/config/activation', { method: 'PUT', body: input, schema: activationSchema });
}

export function saveMapping(save: MappingSave) {
  return apiRequest('/api/config/mapping', { method: 'PUT', body: save, schema: savedMappingSchema });
}

/** Keeps the admin's unsaved field changes on the server, for that admin alone. */
export function saveDraft(draft: MappingDraftInput, options: { keepalive?: boolean } = {}) {
  return apiRequest('/api/config/draft', { method: 'PUT', body: draft, schema: noContent, ...options });
}

export function discardDraft() {
  return apiRequest('/api/config/draft', { method: 'DELETE', schema: noContent });
}

/** Every change to the set-up makes the overview stale, whether it worked or not (a refused verify marks the credential). */
function useConfigMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: configKeys.all }),
  });
}

export function useVerifyCredentialInput() {
  return useMutation({ mutationFn: verifyCredentialInput });
}

export function useCreateCredential() {
  return useConfigMutation(createCredential);
}

export function useVerifyStoredCredential() {
  return useConfigMutation(verifyStoredCredential);
}

export function useUpdateCredential() {
  return useConfigMutation(({ id, patch }: { id: string; patch: CredentialPatch }) => updateCredential(id, patch));
}

export function useRemoveCredential() {
  return useConfigMutation(removeCredential);
}

export function useActivation() {
  return useConfigMutation(setActivation);
}

export function useSaveMapping() {
  return useConfigMutation(saveMapping);
}
