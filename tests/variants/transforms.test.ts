// @vitest-environment jsdom
/**
 * The transforms themselves: reproducible from the seed, and they keep what the page prints (the premise of
 * the variant tier — a variant that loses a value would blame the readers for the transform's fault).
 */
import { describe, expect, it } from 'vitest';
import { recognizeCarrier } from '@/utils/carriers/recognize';
import { carrierFromName } from '@/utils/carriers/carrier-names';
import type { CapturedOrder } from '@/utils/model/order';
import { squash, tableGrid, textOf } from './dom';
import { loadCases, type FixtureCase } from './run';
import { TRANSFORM_NAMES, type TransformName } from './transforms';
import { buildVariant, transformsForSeed, variantSpec, type BuiltVariant } from './variant';

const cases = loadCases();
const byKey = (key: string) => cases.find((c) => c.key === key)!;
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function build(c: FixtureCase, seed: number, transforms: TransformName[], html = c.html): BuiltVariant {
  return buildVariant({ fixture: c.key, n: -1, seed, transforms }, parse(html), {
    platform: c.platform,
    kind: c.entry.kind,
    expected: c.expected,
  });
}

const bodyText = (doc: Document) => squash(doc.body.textContent).replace(/\s/g, '');

describe('layout variant transforms', () => {
  it('are reproducible: the same seed gives the same page, another seed another page', () => {
    for (const key of ['douyin/list-all', 'taobao/qn-detail-two-packages']) {
      const c = byKey(key);
      const spec = variantSpec(key, 20);
      const a = build(c, spec.seed, spec.transforms);
      const b = build(c, spec.seed, spec.transforms);
      expect(a.doc.documentElement.outerHTML).toBe(b.doc.documentElement.outerHTML);
      expect(a.expected).toEqual(b.expected);
      const other = build(c, spec.seed + 1, spec.transforms);
      expect(other.doc.documentElement.outerHTML).not.toBe(a.doc.documentElement.outerHTML);
    }
    expect(transformsForSeed(123)).toEqual(transformsForSeed(123));
    expect(new Set(Array.from({ length: 50 }, (_, i) => transformsForSeed(i).join()))).not.toHaveProperty('size', 1);
  });

  it.each(cases.map((c) => [c.key, c] as const))('%s: class, wrapper and money-split changes keep every printed character', (_key, c) => {
    const before = bodyText(parse(c.html));
    for (const name of ['rehash', 'rehash-kit', 'wrap', 'unwrap', 'money-split'] as TransformName[]) {
      expect(bodyText(build(c, 7, [name]).doc), name).toBe(before);
    }
    // label-split keeps the text when the label keeps its colon; dates only swap separators
    const split = build(c, 7, ['label-split']);
    if (split.applied[0]!.notes.includes('label keeps its colon')) expect(bodyText(split.doc)).toBe(before);
    expect(bodyText(build(c, 7, ['dates']).doc).replace(/\//g, '-')).toBe(before.replace(/\//g, '-'));
  });

  it('rehash renames every module class consistently and leaves kit classes unless told', () => {
    const c = byKey('douyin/list-all');
    const original = parse(c.html);
    const { doc } = build(c, 3, ['rehash']);
    const was = Array.from(original.querySelectorAll('[class]')).map((e) => e.getAttribute('class')!.split(/\s+/));
    const now = Array.from(doc.querySelectorAll('[class]')).map((e) => e.getAttribute('class')!.split(/\s+/));
    expect(now.length).toBe(was.length);
    const map = new Map<string, string>();
    was.forEach((classes, i) =>
      classes.forEach((cls, j) => {
        const renamed = now[i]![j]!;
        if (/^(?:auxo|sp)-/.test(cls)) expect(renamed).toBe(cls);
        else {
          expect(renamed, cls).not.toBe(cls);
          expect(renamed.toLowerCase()).not.toContain(cls.split('_')[1]?.toLowerCase() ?? cls.toLowerCase());
          expect(map.get(cls) ?? renamed).toBe(renamed);
          map.set(cls, renamed);
        }
      }),
    );
    const kit = build(c, 3, ['rehash-kit']).doc;
    expect(kit.querySelector('[class*="auxo-"]')).toBeNull();
    expect(kit.querySelector('[class*="index_"]')).toBeNull();
  });

  /** Header name → cell text, per row, over the header-named tables of a page. */
  function rowsByHeader(doc: Document): Record<string, string>[] {
    const out: Record<string, string>[] = [];
    const tables = Array.from(doc.querySelectorAll('table'));
    const header = tables.map((t) => tableGrid(t).rows.find((r) => r.cells.length >= 3 && r.cells.every((x) => x.cell.tagName === 'TH')));
    const first = header.findIndex(Boolean);
    const names = header[first]!.cells.map((x) => textOf(x.cell));
    for (const t of tables.slice(first)) {
      const grid = tableGrid(t);
      if (grid.width !== names.length) continue;
      for (const { cells } of grid.rows) {
        if (cells.some((x) => x.cell.tagName === 'TH') || cells.length < 2) continue;
        out.push(Object.fromEntries(cells.map((x) => [names[x.col] ?? `#${x.col}`, textOf(x.cell)])));
      }
    }
    return out;
  }

  it.each(['kuaishou/list-all', 'pinduoduo/list-all', 'taobao/qn-sold-list', 'jd/list-porder', 'douyin/detail-shipped'])(
    '%s: columns move header and cells together (every value stays under its header)',
    (key) => {
      const c = byKey(key);
      const before = rowsByHeader(parse(c.html));
      const variant = build(c, 11, ['columns']);
      expect(variant.applied[0]!.edits).toBeGreaterThan(0);
      const after = rowsByHeader(variant.doc);
      expect(after).toEqual(before);
      const order = (doc: Document) => Array.from(doc.querySelectorAll('th')).map(textOf).join('|');
      expect(order(variant.doc)).not.toBe(order(parse(c.html)));
    },
  );

  it('columns reorder div grids and ARIA grids by their header row', () => {
    const html = `<body><div role="grid"><div role="row"><div role="columnheader">A</div><div role="columnheader">B</div><div role="columnheader">C</div><div role="columnheader">D</div></div>
      <div role="row" class="r"><div role="gridcell">123456789012</div><div role="gridcell">¥12.00</div><div role="gridcell">待发货</div><div role="gridcell">x</div></div></div></body>`;
    const c: FixtureCase = {
      ...byKey('kuaishou/list-all'),
      html,
      expected: [{ platform: 'kuaishou', orderId: '123456789012', statusText: '待发货', amountCents: 1200, items: [], shipments: [], currency: 'CNY', sourcePage: 'list' } as CapturedOrder],
    };
    const { doc, applied } = build(c, 5, ['columns']);
    expect(applied[0]!.edits).toBe(1);
    const [head, row] = Array.from(doc.querySelectorAll('[role=row]'));
    const pairs = Array.from(head!.children).map((h, i) => `${textOf(h)}=${textOf(row!.children[i]!)}`).sort();
    expect(pairs).toEqual(['A=123456789012', 'B=¥12.00', 'C=待发货', 'D=x']);
    expect(Array.from(head!.children).map(textOf).join('')).not.toBe('ABCD');

    const jd = byKey('jd/list-cards');
    const cards = build(jd, 2, ['columns']).doc;
    const headerProps = Array.from(cards.querySelector('.table-header')!.children).map((h) => h.getAttribute('prop'));
    expect(headerProps.join()).not.toBe('skuInfo,receivables,consigneeInfo,orderStatus,operation');
    for (const body of Array.from(cards.querySelectorAll('.card-body'))) {
      expect(Array.from(body.children).map((cell) => cell.getAttribute('prop'))).toEqual(headerProps);
    }
  });

  it('list waybills are printed as carrier + a number in that carrier\'s format, and expected', () => {
    for (const key of ['douyin/list-all', 'jd/list-cards', 'taobao/qn-sold-list']) {
      const c = byKey(key);
      for (const name of ['waybill-status', 'waybill-cell'] as TransformName[]) {
        const v = build(c, 9, [name]);
        const added = v.expected.flatMap((o) => o.shipments);
        expect(added.length, `${key} ${name}`).toBeGreaterThan(0);
        const text = bodyText(v.doc);
        for (const s of added) {
          expect(text).toContain(s.waybillNo);
          const carrier = carrierFromName(s.carrierName)!;
          const seen = recognizeCarrier({ waybillNo: s.waybillNo });
          expect(seen.carrier?.code === carrier.code || seen.candidates.some((x) => x.code === carrier.code), s.waybillNo).toBe(true);
        }
      }
    }
  });

  it('detail waybills move with their carrier and keep their number; a note never replaces the amount', () => {
    const c = byKey('pinduoduo/detail-shipped');
    const v = build(c, 4, ['waybill-cell', 'money-note']);
    expect(v.expected).toEqual(c.expected);
    const text = bodyText(v.doc);
    for (const s of c.expected[0]!.shipments) expect(text).toMatch(new RegExp(`${s.carrierName}[ ：:]*${s.waybillNo}`));
    const note = v.applied.find((a) => a.name === 'money-note')!;
    expect(note.edits).toBe(1);
    expect(text).toContain('¥' + (c.expected[0]!.amountCents! / 100).toFixed(2));
  });

  it('every transform name is known to the registry and the canonical order', () => {
    expect(new Set(TRANSFORM_NAMES).size).toBe(TRANSFORM_NAMES.length);
    for (const name of TRANSFORM_NAMES) expect(() => build(byKey('jd/detail-shipped'), 1, [name])).not.toThrow();
  });
});
