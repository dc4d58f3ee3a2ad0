import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  actionKinds,
  actionSettingsSaveSchema,
  auditResults,
  cancelRequestSchema,
  draftOrderRequestSchema,
  noteRequestSchema,
  refundRequestSchema,
  refundSelectionSchema,
  tagsRequestSchema,
  type AuditPage,
} from '../../../shared/actions';
import { orderDetailsRequestSchema } from '../../../shared/wire';
import type { ActionService } from '../../actions/action-service';
import type { ActionSettingsStore, AuditLog } from '../../actions/action-stores';
import { requireRole, type AuthVariables } from '../../auth/middleware';
import type { VerifyingSecrets } from '../../auth/tokens';
import { AppError } from '../problem';
import { readJson } from '../read-json';

export type ActionRouteServices = { actions: ActionService; actionSettings: ActionSettingsStore; audit: AuditLog };

const AUDIT_PAGE_SIZE = 25;

const isoTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'A date like 2026-11-01 or a UTC time'));
const auditQuerySchema = z.object({
  action: z.optional(z.enum(actionKinds)),
  result: z.optional(z.enum(auditResults)),
  actor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  from: z.optional(isoTime),
  to: z.optional(isoTime),
  cursor: z.optional(z.string().check(z.maxLength(300))),
});

const cursorOf = (after: { at: string; id: string }) => Buffer.from(JSON.stringify([after.at, after.id])).toString('base64url');
function readCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string') return { at, id };
  } catch {
    // Falls through to the problem below.
  }
  throw new AppError('BAD_REQUEST', 'The cursor is not one this API gave.', [{ path: 'cursor', message: 'Unknown cursor' }]);
}

/** A whole day given as `to` includes that day. */
const endOf = (to: string) => (to.length === 10 ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString() : to);
const startOf = (from: string) => (from.length === 10 ? `${from}T00:00:00.000Z` : from);

/**
 * Order actions: what this viewer may do, the dialogs' order, the refund preview and each action, for agents
 * and admins; the settings and the audit log for admins only.
 */
export function actionRoutes(secret: VerifyingSecrets, services: ActionRouteServices) {
  const { actions } = services;
  const admin = requireRole(secret, 'admin');
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireRole(secret, 'agent', 'admin'))
    .get('/allowed', async (c) => c.json(await actions.allowed(c.get('viewer'))))
    .get('/settings', admin, async (c) => c.json(await actions.settingsView()))
    .put('/settings', admin, async (c) => {
      const { settings, version } = await readJson(c, actionSettingsSaveSchema);
      return c.json(await services.actionSettings.save(settings, version, c.get('viewer').sub));
    })
    .get('/audit', admin, async (c) => {
      const parsed = auditQuerySchema.safeParse(c.req.query());
      if (!parsed.success) {
        const errors = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
        throw new AppError('BAD_REQUEST', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      }
      const { cursor, from, to, ...filter } = parsed.data;
      const page = await services.audit.list(
        { ...filter, ...(from ? { from: startOf(from) } : {}), ...(to ? { to: endOf(to) } : {}) },
        readCursor(cursor),
        AUDIT_PAGE_SIZE,
      );
      const answer: AuditPage = { entries: page.entries, nextCursor: page.next ? cursorOf(page.next) : null };
      return c.json(answer);
    })
    .post('/order', async (c) => c.json(await actions.order((await readJson(c, orderDetailsRequestSchema)).orderId, c.get('viewer'))))
    .post('/refund/preview', async (c) => c.json(await actions.preview(await readJson(c, refundSelectionSchema), c.get('viewer'))))
    .post('/refund', async (c) => c.json(await actions.refund(await readJson(c, refundRequestSchema), c.get('viewer'))))
    .post('/cancel', async (c) => c.json(await actions.cancel(await readJson(c, cancelRequestSchema), c.get('viewer'))))
    .post('/tags', async (c) => c.json(await actions.tags(await readJson(c, tagsRequestSchema), c.get('viewer'))))
    .post('/note', async (c) => c.json(await actions.note(await readJson(c, noteRequestSchema), c.get('viewer'))))
    .post('/draft-order', async (c) => c.json(await actions.draftOrder(await readJson(c, draftOrderRequestSchema), c.get('viewer'))));
}
