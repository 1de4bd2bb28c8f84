// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { controlsFor, ensureRowControls } from '@/utils/capture/row-controls';
import { captured } from './order-factory';

function row(): HTMLElement {
  document.body.textContent = '';
  const div = document.createElement('div');
  div.className = 'index_tableRow__tpbkM';
  div.textContent = '订单编号 4987654321098765432';
  document.body.append(div);
  return div;
}

describe('row controls', () => {
  it('marks the row once and adds 催付 to unpaid orders, 查物流 to shipped ones', () => {
    const element = row();
    expect(ensureRowControls(element, captured())).toBe(true);
    expect(ensureRowControls(element, captured())).toBe(false);
    expect(element.getAttribute('data-orderlens-row')).toBe('4987654321098765432');
    expect(element.querySelectorAll('[data-orderlens="remind"]')).toHaveLength(1);
    expect(element.querySelectorAll('[data-orderlens="track"]')).toHaveLength(0);
  });

  it('replaces, never duplicates, controls when a row is re-rendered for another order', () => {
    const element = row();
    ensureRowControls(element, captured());
    ensureRowControls(element, captured({ orderId: '4987654321098765499', status: 'shipped', statusText: '已发货' }));
    expect(element.getAttribute('data-orderlens-row')).toBe('4987654321098765499');
    expect(element.querySelectorAll('[data-orderlens="controls"]')).toHaveLength(1);
    expect(element.querySelectorAll('[data-orderlens="track"]')).toHaveLength(1);
    expect(element.querySelectorAll('[data-orderlens="remind"]')).toHaveLength(0);
  });

  it('puts controls of a table-per-order row inside a cell', () => {
    document.body.textContent = '';
    const table = document.createElement('table');
    const tr = table.insertRow();
    const td = tr.insertCell();
    document.body.append(table);
    ensureRowControls(table, captured());
    expect(td.querySelector('[data-orderlens="remind"]')).not.toBeNull();
  });

  it('decides controls from waybills and status', () => {
    expect(controlsFor(captured({ status: 'paid', shipments: [{ waybillNo: 'SF1234567890123', events: [] }] }))).toEqual(['track']);
    expect(controlsFor(captured({ status: 'paid' }))).toEqual([]);
    expect(controlsFor(captured({ status: 'delivered' }))).toEqual(['track']);
    expect(controlsFor(captured({ status: 'closed' }))).toEqual([]);
  });
});

describe('row label of an unpaid order', () => {
  it('shows the time left to pay, estimated or printed; falls back to the age when the estimate has passed on a live row', () => {
    const now = Date.now();
    const order = captured({ createdAt: now - 10 * 60_000 });
    const element = row();
    ensureRowControls(element, order, undefined, { hasWaybill: false, reminders: 0, payDeadline: { at: now + 20 * 60_000 + 5_000, estimated: true } });
    expect(element.querySelector('[data-orderlens-state="age"]')?.textContent).toBe('付款剩余约 20 分钟');
    const printed = row();
    ensureRowControls(printed, captured({ createdAt: now - 10 * 60_000, payDeadlineAt: now + 29 * 60_000 + 5_000 }));
    expect(printed.querySelector('[data-orderlens-state="age"]')?.textContent).toBe('付款剩余 29 分钟');
    const stale = row();
    ensureRowControls(stale, captured({ createdAt: now - 3 * 86_400_000 }), undefined, { hasWaybill: false, reminders: 0, payDeadline: { at: now - 86_400_000, estimated: true } });
    expect(stale.querySelector('[data-orderlens-state="age"]')?.textContent).toBe('下单 3 天');
    expect(stale.querySelector('[data-orderlens="remind"]')).not.toBeNull(); // the console prints it unpaid right now
  });
});

describe('催付 beside the console’s own', () => {
  it('says what it adds where the row already has the console’s 催付 link; plain 催付 elsewhere', () => {
    const plain = row();
    ensureRowControls(plain, captured());
    expect(plain.querySelector('[data-orderlens="remind"]')?.textContent).toBe('催付');
    const withOwn = row();
    const own = document.createElement('a');
    own.textContent = '催付';
    withOwn.append(own);
    ensureRowControls(withOwn, captured());
    const ours = withOwn.querySelector('[data-orderlens="remind"]');
    expect(ours?.textContent).toBe('话术催付');
    expect(ours?.getAttribute('title')).toContain('模板');
  });
});
