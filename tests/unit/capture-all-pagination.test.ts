// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { currentPageNumber, findNextControl, findPageNumber, isDisabledControl, lastPageNumber } from '@/utils/capture/capture-all/find-pagination';
import type { PaginationDefinition } from '@/utils/sites/pagination-types';
import { pagination as douyin } from '@/utils/sites/douyin/pagination';
import { pagination as jd } from '@/utils/sites/jd/pagination';
import { pagination as kuaishou } from '@/utils/sites/kuaishou/pagination';
import { pagination as pinduoduo } from '@/utils/sites/pinduoduo/pagination';
import { pagination as taobao } from '@/utils/sites/taobao/pagination';

const FIXTURES = join(__dirname, '..', 'fixtures');
const PAGINATION: Record<string, PaginationDefinition> = { douyin, jd, kuaishou, pinduoduo, taobao };

function page(platform: string, file: string): Document {
  return new JSDOM(readFileSync(join(FIXTURES, platform, file), 'utf8')).window.document;
}

// Each console's existing fixtures, as saved (scripts not run): the next control the walk would click.
const CASES: [platform: string, file: string, layout: string, disabled: boolean][] = [
  ['douyin', 'list-all.html', 'douyin-2024 auxo', false],
  ['douyin', 'list-empty.html', 'douyin-2024 auxo', true],
  ['jd', 'list-cards.html', 'jd-2026 jd-pagination', false],
  ['jd', 'list-cards-empty.html', 'jd-2026 jd-pagination', true],
  ['taobao', 'qn-sold-list.html', 'taobao-qn-2023 fusion', false],
  ['taobao', 'qn-sold-empty.html', 'taobao-qn-2023 fusion', true],
  ['taobao', 'legacy-sold-list.html', 'taobao-legacy-sold', false],
  ['kuaishou', 'list-all.html', 'kuaishou-antd-pagination-inferred', false],
  ['kuaishou', 'list-empty.html', 'kuaishou-antd-pagination-inferred', true],
  ['kuaishou', 'api-list.html', 'kuaishou-2025 pager', true],
  ['pinduoduo', 'list-all.html', 'pdd-beast-core-pagination', false],
  ['pinduoduo', 'list-empty.html', 'pdd-beast-core-pagination', true],
];

describe('采集全部 finds each console’s next-page control', () => {
  it.each(CASES)('%s %s', (platform, file, layout, disabled) => {
    const doc = page(platform, file);
    const next = findNextControl(doc, PAGINATION[platform]!);
    expect(next?.layout).toBe(layout);
    expect(isDisabledControl(next!.element)).toBe(disabled);
  });

  // 京东's next button is an icon (`jd-icon-arrow-right`) with no text or label: nothing class-free to find it by.
  it.each(CASES.filter(([platform, , , disabled]) => !disabled && platform !== 'jd'))('%s %s without its classes: the 下一页/› fallback finds the same control', (platform, file) => {
    const doc = page(platform, file);
    const found = findNextControl(doc, PAGINATION[platform]!)!.element;
    // a redeploy renamed every class and data hook of the pagination
    const block = found.closest('ul, nav, [class*="pagination" i], [class*="pager" i]') ?? found.parentElement!;
    for (const node of [block, ...block.querySelectorAll('*')]) {
      node.removeAttribute('class');
      node.removeAttribute('data-testid');
    }
    const fallback = findNextControl(doc, PAGINATION[platform]!);
    expect(fallback?.layout).toBe('fallback: 下一页 text/label');
    expect(fallback!.element === found || found.contains(fallback!.element) || fallback!.element.contains(found)).toBe(true);
  });

  it('京东 without its classes: no words to go by, so no guess', () => {
    const doc = page('jd', 'list-cards.html');
    for (const node of doc.querySelectorAll('[class*="jd-pagination"], [class*="jd-pagination"] *')) node.removeAttribute('class');
    expect(findNextControl(doc, jd)).toBeNull();
  });

  it('never takes an OrderLens control for the console’s', () => {
    const doc = page('douyin', 'list-empty.html');
    doc.querySelectorAll('[title="下一页"]').forEach((node) => node.remove());
    const ours = doc.createElement('button');
    ours.setAttribute('data-orderlens', 'capture-all');
    ours.textContent = '›';
    doc.body.append(ours);
    expect(findNextControl(doc, douyin)).toBeNull();
  });

  it('reads the current and last page numbers, and finds a page to resume at (抖店)', () => {
    const doc = page('douyin', 'list-all.html');
    const next = findNextControl(doc, douyin)!.element;
    expect(currentPageNumber(next)).toBe(1);
    expect(lastPageNumber(next)).toBe(2);
    expect(findPageNumber(next, 2)?.getAttribute('title')).toBe('2');
    expect(findPageNumber(next, 3)).toBeNull();
  });

  it('reads the current page of 拼多多’s beast-core pager', () => {
    const doc = page('pinduoduo', 'list-all.html');
    const next = findNextControl(doc, pinduoduo)!.element;
    expect(currentPageNumber(next)).toBe(1);
    expect(findPageNumber(next, 2)?.getAttribute('title')).toBe('2');
  });
});
