import { describe, expect, it } from 'vitest';
import { auditActionCatalogue, auditActionLabel } from '../src/audit/audit-action-labels';
import { AUDIT_ACTION_LIST } from '../src/audit/audit-actions';
import { actionsMatching } from '../src/audit/list-audit-log';

describe('audit action labels and filters', () => {
  it('label every action in a few words, grouped by what it is about', () => {
    const catalogue = auditActionCatalogue();
    expect(catalogue.map((a) => a.action)).toEqual(AUDIT_ACTION_LIST);
    for (const { action, label, group } of catalogue) {
      expect(label, action).toMatch(/^[A-Z]/);
      expect(label, action).not.toContain('_');
      expect(label.split(' ').length, action).toBeLessThanOrEqual(5);
      expect(group, action).not.toBe('Other');
    }
    expect(auditActionLabel('order.placed')).toBe('Order placed');
  });

  it('read an action missing from the table from its name', () => {
    expect(auditActionLabel('seat_map.layout_changed')).toBe('Seat map layout changed');
  });

  it('match one action exactly, or a subject and all its actions', () => {
    expect(actionsMatching('order.placed')).toEqual(['order.placed']);
    const orders = actionsMatching('order.');
    expect(orders).toContain('order.refunded');
    expect(orders).toEqual(actionsMatching('order'));
    expect(actionsMatching('ticket').some((a) => a.startsWith('ticket_type.'))).toBe(false);
  });
});
