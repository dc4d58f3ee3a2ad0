import { queryOptions } from '@tanstack/react-query';
import {
  actionOrderSchema,
  actionOutcomeSchema,
  actionSettingsViewSchema,
  allowedActionsSchema,
  auditPageSchema,
  refundPreviewSchema,
  savedActionSettingsSchema,
  type ActionOutcome,
  type ActionSettings,
  type CancelRequest,
  type DraftOrderRequest,
  type NoteRequest,
  type RefundPreview,
  type RefundRequest,
  type RefundSelection,
  type SavedActionSettings,
  type TagsRequest,
} from '../shared/actions';
import { apiRequest } from './http';

export const actionKeys = {
  all: ['actions'] as const,
  allowed: () => [...actionKeys.all, 'allowed'] as const,
  order: (orderId: string) => [...actionKeys.all, 'order', orderId] as const,
  settings: () => [...actionKeys.all, 'settings'] as const,
  audit: (filter: AuditFilter) => [...actionKeys.all, 'audit', filter] as const,
};

/** `GET /api/actions/allowed`: which actions this viewer may use; the order's buttons follow it. */
export function allowedActionsQueryOptions() {
  return queryOptions({
    queryKey: actionKeys.allowed(),
    queryFn: ({ signal }) => apiRequest('/api/actions/allowed', { schema: allowedActionsSchema, signal }),
    staleTime: 30_000,
  });
}

/** `POST /api/actions/order`: the order as the action dialogs need it, fresh from Shopify. */
export function actionOrderQueryOptions(orderId: string) {
  return queryOptions({
    queryKey: actionKeys.order(orderId),
    queryFn: ({ signal }) => apiRequest('/api/actions/order', { method: 'POST', body: { orderId }, schema: actionOrderSchema, signal }),
  });
}

export function previewRefund(selection: RefundSelection): Promise<RefundPreview> {
  return apiRequest('/api/actions/refund/preview', { method: 'POST', body: selection, schema: refundPreviewSchema });
}

/** Each action, sent with the key made when the agent confirmed it. */
export const runAction = {
  refund: (request: RefundRequest) => send('/api/actions/refund', request),
  cancel: (request: CancelRequest) => send('/api/actions/cancel', request),
  tags: (request: TagsRequest) => send('/api/actions/tags', request),
  note: (request: NoteRequest) => send('/api/actions/note', request),
  draftOrder: (request: DraftOrderRequest) => send('/api/actions/draft-order', request),
};

function send(path: string, body: unknown): Promise<ActionOutcome> {
  return apiRequest(path, { method: 'POST', body, schema: actionOutcomeSchema });
}

/** One key per confirmed action: the same key again is answered with the first outcome. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function actionSettingsQueryOptions() {
  return queryOptions({
    queryKey: actionKeys.settings(),
    queryFn: ({ signal }) => apiRequest('/api/actions/settings', { schema: actionSettingsViewSchema, signal }),
  });
}

export function saveActionSettings(settings: ActionSettings, version: number): Promise<SavedActionSettings> {
  return apiRequest('/api/actions/settings', { method: 'PUT', body: { settings, version }, schema: savedActionSettingsSchema });
}

export type AuditFilter = { action?: string; result?: string; actor?: string; from?: string; to?: string };

export function fetchAuditPage(filter: AuditFilter, cursor: string | null, signal?: AbortSignal) {
  const query = new URLSearchParams(
    Object.entries({ ...filter, ...(cursor ? { cursor } : {}) }).filter(([, value]) => value) as [string, string][],
  );
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return apiRequest(`/api/actions/audit${suffix}`, { schema: auditPageSchema, signal });
}
