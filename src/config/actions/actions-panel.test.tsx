import { screen, within } from '@testing-library/react';
import { mockActionSettings, mockAuditEntries, resetActionMock } from '../../../mocks/api/action-handlers';
import { renderConfig } from '../../test/render-config';
import type { AuditEntry } from '../../shared/actions';

beforeAll(() => Promise.all([import('./actions-panel'), import('./audit-panel')]));
beforeEach(() => resetActionMock());

const entry = (at: string, action: AuditEntry['action'], result: AuditEntry['result'], actor = 'agent-7'): AuditEntry => ({
  id: at,
  at,
  actor,
  role: 'agent',
  action,
  orderId: 'gid://shopify/Order/5101',
  orderName: '#1042',
  amount: action === 'refund' ? { amount: '59.90', currencyCode: 'EUR' } : null,
  summary: action === 'refund' ? '1 × Pull en laine mérinos' : 'reason: Staff error',
  conversationId: 'conv-42',
  host: 'infobip',
  result,
  errorCode: result === 'refused' ? 'ACTION_LIMIT' : null,
  error: result === 'refused' ? 'Refunds by agents are limited to 50.00 USD each' : null,
  idempotencyKey: `key-${at}`,
});

describe('the Actions tab', () => {
  it('starts with every action off, and saves an action switched on with the refund limit in the shop’s currency', async () => {
    const { user } = await renderConfig();
    await user.click(screen.getByRole('tab', { name: 'Actions' }));
    const refund = await screen.findByRole('checkbox', { name: 'Refund' }, { timeout: 5_000 });
    for (const name of ['Refund', 'Cancel order', 'Order tags', 'Customer tags', 'Edit note', 'Create draft order']) {
      expect(screen.getByRole('checkbox', { name })).not.toBeChecked();
    }
    await user.click(refund);
    expect(screen.getByText('Set the refund limit for agents before switching Refund on')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Refund limit per refund for agents (USD)'), '50');
    await user.click(screen.getByRole('checkbox', { name: 'Cancel order' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved (version 1).');
    expect(mockActionSettings.saved.settings).toMatchObject({
      enabled: { refund: true, cancel: true, orderNote: false },
      refundLimit: { amount: '50', currencyCode: 'USD' },
    });
  });

  it('says when someone else saved meanwhile, and Reload shows theirs', async () => {
    const { user } = await renderConfig();
    await user.click(screen.getByRole('tab', { name: 'Actions' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Edit note' }, { timeout: 5_000 }));
    mockActionSettings.saved = {
      version: 3,
      settings: { ...mockActionSettings.saved.settings, enabled: { ...mockActionSettings.saved.settings.enabled, draftOrder: true } },
      savedBy: 'admin-2',
      savedAt: '2026-11-20T08:00:00.000Z',
    };
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else saved the action settings meanwhile');
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByRole('checkbox', { name: 'Create draft order' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Edit note' })).not.toBeChecked();
  });
});

describe('the Audit tab', () => {
  it('lists each attempted action, filters them and pages through them', async () => {
    mockAuditEntries.push(
      ...Array.from({ length: 26 }, (_, index) =>
        entry(`2026-11-19T10:${String(59 - index).padStart(2, '0')}:00.000Z`, 'refund', 'succeeded'),
      ),
      entry('2026-11-18T10:00:00.000Z', 'cancel', 'refused', 'agent-9'),
    );
    const { user } = await renderConfig();
    await user.click(screen.getByRole('tab', { name: 'Audit' }));
    const table = await screen.findByRole('table', { name: 'Audited actions' }, { timeout: 5_000 });
    expect(within(table).getAllByRole('row')).toHaveLength(26);
    expect(within(table).getAllByText('1 × Pull en laine mérinos')[0]).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await within(table).findByText('agent-9 (agent)')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Result'), 'Refused');
    const filtered = await screen.findByRole('table', { name: 'Audited actions' });
    await vi.waitFor(() => expect(within(filtered).getAllByRole('row')).toHaveLength(2));
    expect(within(filtered).getByText('Refunds by agents are limited to 50.00 USD each')).toBeInTheDocument();
  });
});
