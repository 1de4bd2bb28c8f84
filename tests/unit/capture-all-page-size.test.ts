// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chooseLargestPageSize } from '@/utils/capture/capture-all/page-size';
import { pagination as douyin } from '@/utils/sites/douyin/pagination';

const WALK = join(__dirname, '..', 'fixtures', 'douyin', 'walk');

/** The walk fixture's list with its own script, its requests answered by a stub that records them. */
function walkPage(): { window: JSDOM['window']; asked: string[] } {
  const asked: string[] = [];
  const dom = new JSDOM(readFileSync(join(WALK, 'list.html'), 'utf8'), {
    url: 'https://fxg.jinritemai.com/ffa/morder/order/list?tab=all&from=walk',
    runScripts: 'dangerously',
    beforeParse(window) {
      const w = window as unknown as Record<string, unknown>;
      w.fetch = (url: string) => {
        asked.push(url);
        return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({ code: 0, data: [], total: 600 }) });
      };
      w.XMLHttpRequest = class {
        responseText = JSON.stringify({ code: 0, data: { pageSize: 10 } });
        open() {}
        send() {}
      };
    },
  });
  return { window: dom.window, asked };
}

describe('采集全部 page size', () => {
  it('opens the console’s own size selector and picks 50 条/页: the console reloads page 1 at 50', async () => {
    const { window, asked } = walkPage();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked.filter((url) => url.includes('/api/order/searchlist'))).toHaveLength(1);
    expect(await chooseLargestPageSize(window.document, douyin, 500)).toBe(true);
    const lists = asked.filter((url) => url.includes('/api/order/searchlist'));
    expect(lists).toHaveLength(2);
    expect(new URL(lists[1]!, 'https://fxg.jinritemai.com').searchParams.get('pageSize')).toBe('50');
    expect(window.document.querySelector('.auxo-select-dropdown')).toBeNull();
  });

  it('changes nothing when the list is at its largest size already, or has no selector', async () => {
    const { window, asked } = walkPage();
    expect(await chooseLargestPageSize(window.document, douyin, 500)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    window.document.querySelector('.auxo-select-selection-item')!.textContent = '50 条/页';
    const before = asked.length;
    expect(await chooseLargestPageSize(window.document, douyin, 500)).toBe(false);
    expect(asked).toHaveLength(before);
    expect(window.document.querySelector('.auxo-select-dropdown')).toBeNull();
    window.document.querySelector('.auxo-pagination-options')!.remove();
    expect(await chooseLargestPageSize(window.document, douyin, 200)).toBe(false);
  });
});
