// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findRowsById } from '@/utils/capture/find-rows-by-id';

const A = '4934071258846137401';
const B = '4934071258846137402';
const C = '4934071258846137403';

function page(html: string): HTMLElement {
  const parser = new DOMParser();
  const doc = parser.parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceWith(document.adoptNode(doc.body));
  return document.body;
}

describe('findRowsById (rows found by order id, no class names)', () => {
  it('finds a div-grid row: the largest element holding only its own id', () => {
    const body = page(`<main><div class="x_list__a1"><div class="r_9f" id="ra"><div><span>订单号</span><span>${A}</span></div><div>¥89.90</div></div>
      <div class="r_9f" id="rb"><div><span>${B}</span></div><div>¥12.00</div></div></div></main>`);
    const rows = findRowsById(body, new Set([A, B]), new Set());
    expect(rows.get(A)?.id).toBe('ra');
    expect(rows.get(B)?.id).toBe('rb');
  });

  it('finds table rows, and a row never swallows a neighbour the DOM reader already read', () => {
    const body = page(`<table><tbody><tr id="ta"><td>${A}</td><td>待支付</td></tr><tr id="tb"><td>订单 ${B}</td></tr><tr id="tc"><td>${C}</td></tr></tbody></table>`);
    const rows = findRowsById(body, new Set([A]), new Set([B]));
    expect(rows.get(A)?.id).toBe('ta');
    expect(rows.has(B)).toBe(false); // B was not asked for
  });

  it('an id printed twice in one row (header and copy tooltip) still finds that row', () => {
    const body = page(`<section><article id="x"><h4>${A}</h4><p>复制 ${A}</p></article><article id="y"><h4>${B}</h4></article></section>`);
    expect(findRowsById(body, new Set([A, B]), new Set()).get(A)?.id).toBe('x');
  });

  it('ignores ids in OrderLens nodes, attributes only, and ids not on the page', () => {
    const body = page(`<div><div data-orderlens="panel">${A}</div><a href="/detail?id=${B}">详情</a></div>`);
    expect(findRowsById(body, new Set([A, B, C]), new Set()).size).toBe(0);
  });

  it('a longer number containing the id is not the id', () => {
    const body = page(`<div><div id="r">${A}9</div><div>${B}</div></div>`);
    expect(findRowsById(body, new Set([A, B]), new Set()).has(A)).toBe(false);
  });
});
