import type { FieldKey, FieldValue } from '../../shared/fields';
import { replySummary } from './reply-summary';

const fields: Partial<Record<FieldKey, FieldValue | null>> = {
  'order.createdAt': '2026-11-18T09:24:00Z',
  'order.displayFulfillmentStatus': 'IN_PROGRESS',
  'order.displayFinancialStatus': 'PAID',
  'order.totalPrice': { amount: '89.90', currencyCode: 'EUR' },
  'order.tracking': [
    { company: 'Colissimo', number: '6A123', url: 'https://www.laposte.fr/suivi?code=6A123' },
    { company: 'DHL', number: 'JD014', url: 'javascript:alert(1)' },
  ],
  'order.shippingAddress': ['Amélie Dubois', '12 rue des Lilas'],
  'order.note': 'Leave with the concierge',
};
const order = { name: '#1042', fields };

describe('the order summary for a reply', () => {
  it('puts the order number in WhatsApp bold, one fact a line', () => {
    expect(replySummary(order, 'WHATSAPP', 'en-GB')).toBe(
      '*Order #1042*, placed 18 Nov 2026\nIn progress · Paid\nTotal: €89.90\nTracking: Colissimo 6A123 https://www.laposte.fr/suivi?code=6A123\nTracking: DHL JD014',
    );
  });

  it('is one line on SMS', () => {
    expect(replySummary(order, 'SMS', 'en-GB')).toBe(
      'Order #1042, placed 18 Nov 2026. In progress · Paid. Total: €89.90. Tracking: Colissimo 6A123 https://www.laposte.fr/suivi?code=6A123. Tracking: DHL JD014',
    );
  });

  it('is plain text elsewhere, with no markup and never an unsafe link', () => {
    const text = replySummary(order, 'EMAIL', 'en-GB');
    expect(text.startsWith('Order #1042, placed 18 Nov 2026\n')).toBe(true);
    expect(text).not.toContain('*');
    expect(text).not.toContain('javascript:');
  });

  it('leaves out the address and the note: a reply is no place for them', () => {
    const text = replySummary(order, 'EMAIL', 'en-GB');
    expect(text).not.toContain('rue des Lilas');
    expect(text).not.toContain('concierge');
  });

  it('says only what the card has', () => {
    expect(replySummary({ name: '#1042', fields: {} }, 'WHATSAPP', 'en-GB')).toBe('*Order #1042*');
  });

  it("writes money and dates the agent's way", () => {
    expect(replySummary(order, 'EMAIL', 'fr-FR').replace(/[\u00a0\u202f]/g, ' ')).toContain('Total: 89,90 €');
  });
});
