// Runs inside a console fixture page served at its real URL (bundled to an IIFE by scripts/bench/bundle.mjs).
// Grows the fixture's list to N rows by cloning its own row markup, then times the console's reader and
// the row controls against bare baselines on the same rows, with performance.now().
import { ensurePageStyle } from '@/utils/capture/page-style';
import { controlsFor, ensureRowControls } from '@/utils/capture/row-controls';
import { CapturedOrderSchema, type CapturedOrder } from '@/utils/model/order';
import { reader as douyin } from '@/utils/sites/douyin/reader';
import { reader as jd } from '@/utils/sites/jd/reader';
import { reader as kuaishou } from '@/utils/sites/kuaishou/reader';
import { reader as pinduoduo } from '@/utils/sites/pinduoduo/reader';
import { reader as taobao } from '@/utils/sites/taobao/reader';
import type { SiteReader } from '@/utils/sites/types';
import { median } from './median';

export const readers: Record<string, SiteReader> = { douyin, jd, kuaishou, pinduoduo, taobao };

const ROW_MARK = 'data-bench-row';
const ID_SUFFIX_DIGITS = 6;

function readerOf(platform: string): SiteReader {
  const reader = readers[platform];
  if (!reader) throw new Error(`no reader for ${platform}`);
  return reader;
}

/**
 * The elements that make up one order: the row element, plus the continuation rows of a table row whose
 * cells span several rows (an order with several items in a rowspan table).
 */
function orderGroup(row: Element): Element[] {
  const group = [row];
  if (row.tagName !== 'TR') return group;
  let span = 1;
  for (const cell of Array.from(row.children)) span = Math.max(span, Number(cell.getAttribute('rowspan')) || 1);
  for (let next = row.nextElementSibling; next && group.length < span; next = next.nextElementSibling) group.push(next);
  return group;
}

/** Same length and shape as the original id (digits and dashes kept), unique per clone. */
function cloneId(originalId: string, index: number): string {
  return originalId.slice(0, -ID_SUFFIX_DIGITS) + String(index).padStart(ID_SUFFIX_DIGITS, '0');
}

/** Replaces the order id everywhere in a cloned row: texts, links, data attributes. */
function replaceId(root: Node, from: string, to: string): void {
  const doc = root.ownerDocument!;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4); // elements and texts
  for (let node: Node | null = root; node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      if (node.nodeValue?.includes(from)) node.nodeValue = node.nodeValue.replaceAll(from, to);
    } else if (node.nodeType === 1) {
      for (const attribute of Array.from((node as Element).attributes)) {
        if (attribute.value.includes(from)) attribute.value = attribute.value.replaceAll(from, to);
      }
    }
  }
}

export interface GrowResult {
  templateRows: number;
  rows: number;
  parsedRows: number;
  uniqueIds: number;
  layout: string;
}

/**
 * Replaces the list's rows (valid and broken ones) by `count` clones of the rows the reader parsed, each
 * with a fresh id of the console's format. Every element of a cloned order carries `data-bench-row` so the
 * baseline walks exactly the same markup.
 */
export function growList(platform: string, pageUrl: string, count: number): GrowResult {
  const reader = readerOf(platform);
  const url = new URL(pageUrl);
  const first = reader.read(document, url);
  const rows = first?.rows ?? [];
  if (rows.length === 0) throw new Error(`${platform}: the fixture at ${pageUrl} yielded no rows`);
  const parent = rows[0]!.element.parentElement!;
  if (rows.some((row) => row.element.parentElement !== parent)) throw new Error(`${platform}: rows do not share a parent`);
  const groups = rows.map((row) => orderGroup(row.element));
  const templates = groups.map((group, at) => ({ nodes: group.map((node) => node.cloneNode(true) as Element), id: rows[at]!.order.orderId }));
  const rowShape = new Set(rows.map((row) => `${row.element.tagName}|${row.element.className}`));
  const marker = document.createComment('bench rows');
  parent.insertBefore(marker, groups[0]![0]!);
  for (const group of groups) for (const node of group) node.remove();
  // Broken rows of the fixture (same shape, not parsed) go too: the page holds exactly `count` orders.
  for (const child of Array.from(parent.children)) if (rowShape.has(`${child.tagName}|${child.className}`)) child.remove();
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!;
    const id = cloneId(template.id, i);
    for (const node of template.nodes) {
      const clone = node.cloneNode(true) as Element;
      replaceId(clone, template.id, id);
      clone.setAttribute(ROW_MARK, '');
      fragment.append(clone);
    }
  }
  parent.insertBefore(fragment, marker);
  marker.remove();
  const check = reader.read(document, url);
  const ids = new Set(check?.rows.map((row) => row.order.orderId));
  return {
    templateRows: templates.length,
    rows: count,
    parsedRows: check?.rows.length ?? 0,
    uniqueIds: ids.size,
    layout: check?.diagnostics.layout ?? 'none',
  };
}

let sink = 0;

/** Collects garbage between samples when Chromium runs with --expose-gc, so no sample pays for another's. */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** The bare baseline: every row, its whole text once. */
function walkRowText(): void {
  for (const row of document.querySelectorAll(`[${ROW_MARK}]`)) sink += row.textContent!.length;
}

/** A second, more generous reference: the text of every leaf element of every row. */
function walkLeafText(): void {
  for (const row of document.querySelectorAll(`[${ROW_MARK}]`)) {
    for (const element of row.querySelectorAll('*')) if (element.firstElementChild === null) sink += element.textContent!.length;
  }
}

function timeOnce(run: () => void, inner: number): number {
  collectGarbage();
  const start = performance.now();
  for (let i = 0; i < inner; i++) run();
  return (performance.now() - start) / inner;
}

export interface ExtractTiming {
  readerMs: number;
  rowTextMs: number;
  leafTextMs: number;
  readerSamples: number[];
  rowTextSamples: number[];
  leafTextSamples: number[];
}

/** Median ms per full read of the page, reader vs baselines, interleaved so drift hits all alike. */
export function timeExtract(platform: string, pageUrl: string, warmup: number, reps: number, inner: number): ExtractTiming {
  const reader = readerOf(platform);
  const url = new URL(pageUrl);
  const read = () => {
    sink += reader.read(document, url)?.rows.length ?? 0;
  };
  for (let i = 0; i < warmup; i++) (read(), walkRowText(), walkLeafText());
  const readerSamples: number[] = [];
  const rowTextSamples: number[] = [];
  const leafSamples: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      readerSamples.push(timeOnce(read, inner));
      rowTextSamples.push(timeOnce(walkRowText, inner));
    } else {
      rowTextSamples.push(timeOnce(walkRowText, inner));
      readerSamples.push(timeOnce(read, inner));
    }
    leafSamples.push(timeOnce(walkLeafText, inner));
  }
  return {
    readerMs: median(readerSamples),
    rowTextMs: median(rowTextSamples),
    leafTextMs: median(leafSamples),
    readerSamples,
    rowTextSamples,
    leafTextSamples: leafSamples,
  };
}

interface InjectRow {
  element: Element;
  anchor?: Element;
  order: CapturedOrder;
  labels: string[];
  /** Where ensureRowControls put the controls (the baseline's buttons go to the same place). */
  placedIn?: Element;
}

let injectRows: InjectRow[] = [];

const LABELS = { track: '查物流', remind: '催付' } as const;

function forceLayout(): number {
  return document.body.offsetHeight;
}

function removeControls(): void {
  for (const box of document.querySelectorAll('[data-orderlens="controls"]')) box.remove();
  for (const row of document.querySelectorAll('[data-orderlens-row]')) row.removeAttribute('data-orderlens-row');
  forceLayout();
}

function removePlainButtons(): void {
  for (const button of document.querySelectorAll('[data-bench-plain]')) button.remove();
  forceLayout();
}

/** Reads the grown page once (untimed) and remembers rows, parsed orders and where controls land. */
export function prepareInject(platform: string, pageUrl: string): { rows: number; buttons: number } {
  const page = readerOf(platform).read(document, new URL(pageUrl));
  injectRows = (page?.rows ?? []).flatMap((row) => {
    const parsed = CapturedOrderSchema.safeParse(row.order);
    if (!parsed.success) return [];
    return [{ element: row.element, anchor: row.controlsAnchor, order: parsed.data, labels: controlsFor(parsed.data).map((name) => LABELS[name]) }];
  });
  // The page session adds its stylesheet before the first controls: part of the page from then on.
  ensurePageStyle(document);
  for (const row of injectRows) {
    ensureRowControls(row.element, row.order, row.anchor);
    row.placedIn = row.element.querySelector('[data-orderlens="controls"]')?.parentElement ?? row.anchor ?? row.element;
  }
  removeControls();
  return { rows: injectRows.length, buttons: injectRows.reduce((sum, row) => sum + row.labels.length, 0) };
}

function injectControls(): number {
  collectGarbage();
  const start = performance.now();
  for (const row of injectRows) ensureRowControls(row.element, row.order, row.anchor);
  forceLayout();
  const ms = performance.now() - start;
  removeControls();
  return ms;
}

function injectPlainButtons(): number {
  collectGarbage();
  const start = performance.now();
  for (const row of injectRows) {
    for (const label of row.labels) {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('data-bench-plain', '');
      button.textContent = label;
      row.placedIn!.append(button);
    }
  }
  forceLayout();
  const ms = performance.now() - start;
  removePlainButtons();
  return ms;
}

export interface InjectTiming {
  controlsMs: number;
  plainMs: number;
  controlsSamples: number[];
  plainSamples: number[];
}

/** DOM writes + the forced layout after them, row controls vs plain buttons, interleaved. */
export function timeInject(warmup: number, reps: number): InjectTiming {
  for (let i = 0; i < warmup; i++) (injectControls(), injectPlainButtons());
  const controlsSamples: number[] = [];
  const plainSamples: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      controlsSamples.push(injectControls());
      plainSamples.push(injectPlainButtons());
    } else {
      plainSamples.push(injectPlainButtons());
      controlsSamples.push(injectControls());
    }
  }
  return { controlsMs: median(controlsSamples), plainMs: median(plainSamples), controlsSamples, plainSamples };
}

export function sinkValue(): number {
  return sink;
}
