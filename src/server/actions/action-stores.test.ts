import { afterEach, describe, expect, it } from 'vitest';
import { defaultActionSettings, type ActionOutcome } from '../../shared/actions';
import { testEngines } from '../test/engines';
import type { Sql } from '../storage/sql';
import { createActionKeyStore, createActionSettingsStore, createAuditLog, fingerprintOf } from './action-stores';

const outcome: ActionOutcome = { action: 'refund', orderId: 'gid://shopify/Order/1', message: 'Refunded €10.00', replayed: false };

for (const engine of await testEngines()) {
  describe.skipIf(!engine.available)(`action stores on ${engine.name}`, () => {
    let sql: Sql | undefined;
    let clock = Date.parse('2026-11-01T12:00:00Z');
    afterEach(async () => {
      await sql?.close();
      sql = undefined;
    });
    async function open() {
      sql = await engine.open();
      clock = Date.parse('2026-11-01T12:00:00Z');
      return sql;
    }

    it('starts with every action off for agents, and saves versions with conflicts', async () => {
      const settings = createActionSettingsStore(await open(), () => clock);
      expect(await settings.current()).toEqual({ version: 0, settings: defaultActionSettings, savedBy: null, savedAt: null });
      const on = { ...defaultActionSettings, enabled: { ...defaultActionSettings.enabled, cancel: true } };
      expect(await settings.save(on, 0, 'admin-a')).toMatchObject({ version: 1, savedBy: 'admin-a' });
      await expect(settings.save(defaultActionSettings, 0, 'admin-b')).rejects.toMatchObject({ code: 'CONFIG_CONFLICT' });
      expect((await settings.current()).settings.enabled.cancel).toBe(true);
    });

    it('lets a key claim an action once; the same request gets the outcome, another request is refused', async () => {
      const keys = createActionKeyStore(await open(), () => clock);
      const print = fingerprintOf('agent-1', 'refund', { orderId: 1 });
      expect(await keys.claim('key-aaaaaaaaaaaaaaaa', 'agent-1', 'refund', print)).toEqual({ state: 'new' });
      expect(await keys.claim('key-aaaaaaaaaaaaaaaa', 'agent-1', 'refund', print)).toEqual({ state: 'pending' });
      await keys.finish('key-aaaaaaaaaaaaaaaa', outcome);
      expect(await keys.claim('key-aaaaaaaaaaaaaaaa', 'agent-1', 'refund', print)).toEqual({ state: 'done', outcome });
      const other = fingerprintOf('agent-2', 'refund', { orderId: 1 });
      expect(await keys.claim('key-aaaaaaaaaaaaaaaa', 'agent-2', 'refund', other)).toEqual({ state: 'mismatch' });
    });

    it('lets exactly one of many concurrent claims of a key win', async () => {
      const keys = createActionKeyStore(await open(), () => clock);
      const print = fingerprintOf('agent-1', 'refund', {});
      const claims = await Promise.all(Array.from({ length: 8 }, () => keys.claim('key-bbbbbbbbbbbbbbbb', 'agent-1', 'refund', print)));
      expect(claims.filter((c) => c.state === 'new')).toHaveLength(1);
    });

    it('forgets a released key and keys older than a day', async () => {
      const keys = createActionKeyStore(await open(), () => clock);
      const print = fingerprintOf('a', 'cancel', {});
      await keys.claim('key-cccccccccccccccc', 'a', 'cancel', print);
      await keys.release('key-cccccccccccccccc');
      expect(await keys.claim('key-cccccccccccccccc', 'a', 'cancel', print)).toEqual({ state: 'new' });
      await keys.finish('key-cccccccccccccccc', outcome);
      clock += 25 * 3_600_000;
      expect(await keys.claim('key-cccccccccccccccc', 'a', 'cancel', print)).toEqual({ state: 'new' });
    });

    it('lists audit entries newest first, filtered, in pages', async () => {
      const audit = createAuditLog(await open(), () => (clock += 1000));
      for (const [i, result] of (['succeeded', 'refused', 'failed', 'succeeded'] as const).entries()) {
        await audit.record({
          actor: `agent-${i % 2}`,
          role: 'agent',
          action: i === 3 ? 'cancel' : 'refund',
          orderId: 'gid://shopify/Order/1',
          orderName: '#1001',
          amount: i === 3 ? null : { amount: '10.00', currencyCode: 'EUR' },
          summary: 'whole order',
          conversationId: 'conv-1',
          host: 'infobip',
          result,
          errorCode: result === 'succeeded' ? null : 'FORBIDDEN',
          error: result === 'succeeded' ? null : 'Over the limit',
          idempotencyKey: `key-${i}`,
        });
      }
      const all = await audit.list({}, null, 3);
      expect(all.entries.map((e) => e.idempotencyKey)).toEqual(['key-3', 'key-2', 'key-1']);
      const rest = await audit.list({}, all.next, 3);
      expect(rest.entries.map((e) => e.idempotencyKey)).toEqual(['key-0']);
      expect((await audit.list({ result: 'refused' }, null, 10)).entries.map((e) => e.idempotencyKey)).toEqual(['key-1']);
      expect((await audit.list({ action: 'cancel' }, null, 10)).entries[0]).toMatchObject({ amount: null, result: 'succeeded' });
      expect((await audit.list({ actor: 'agent-0', action: 'refund' }, null, 10)).entries).toHaveLength(2);
    });
  });
}
