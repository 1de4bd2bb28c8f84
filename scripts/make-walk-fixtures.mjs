#!/usr/bin/env node
// Generates the 采集全部 walk fixtures (invented orders, no buyer data): a console list with many pages, the
// console's own JSON for each page, and what a full walk must capture.
//
//   node scripts/make-walk-fixtures.mjs
//
// tests/fixtures/douyin/walk/
//   list.html          the 抖店 api-list fixture (same markup, styles and SPA script) with its list config at 50 条/页;
//                      pages 4 and 9 render as a virtualised list (first 10 rows only, the rest on scroll), so
//                      40 of their orders reach the extension through the JSON only; an HTTP 401 answer sends the
//                      page to /login, as the console does when the session ended; the page-size selector works as
//                      the auxo (rc-select) one does: opens on mousedown, lists 10/20/50 条/页, an option's click
//                      reloads page 1 at that size (the test's config starts the list at 10 条/页)
//   api/searchlist-p<N>.json   GET /api/order/searchlist?page=N (0-based), 50 orders each, newest first
//   walk.json          pages, page size, the order ids per page, the oldest order time per page
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures');

const PAGES = 12;
const PAGE_SIZE = 50;
const VIRTUAL_PAGES = [3, 8]; // 0-based: the console's 4th and 9th pages
const NEWEST = Date.UTC(2026, 4, 13, 1, 12, 5) / 1000; // 2026-05-13 09:12:05 Beijing, epoch seconds
const STEP = 3 * 3600 + 17 * 60 + 11; // one order every 3 h 17 min 11 s, back in time

// A small deterministic generator, so the fixtures are the same on every run.
let seed = 20260513;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const SURNAMES = ['夏', '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高'];
const PLACES = [
  ['浙江省', '杭州市', '西湖区'],
  ['广东省', '深圳市', '南山区'],
  ['四川省', '成都市', '武侯区'],
  ['江苏省', '南京市', '鼓楼区'],
  ['湖北省', '武汉市', '洪山区'],
  ['北京市', '北京市', '朝阳区'],
  ['上海市', '上海市', '浦东新区'],
  ['陕西省', '西安市', '雁塔区'],
];
const PRODUCTS = [
  ['陶瓷马克杯 350ml 北欧简约', 2900, [['颜色', '雾蓝']]],
  ['竹纤维抹布 10 片装', 1590, [['规格', '10片']]],
  ['304 不锈钢保温杯 500ml', 6900, [['颜色', '曜石黑']]],
  ['家用厨房收纳盒 三件套', 3990, [['尺寸', '中号']]],
  ['纯棉四件套 1.8m 床', 19900, [['花色', '燕麦灰']]],
  ['手冲咖啡滤杯 陶瓷 V60', 4500, [['颜色', '米白']]],
];
// 抖店 numeric status with its printed words (utils/sites/douyin/status-codes.ts)
const STATUSES = [
  [1, '待支付'],
  [2, '待发货'],
  [3, '已发货'],
  [5, '已完成'],
  [5, '已完成'],
  [3, '已发货'],
  [4, '已关闭'],
];

function order(index) {
  const id = `49371205468${String(81000000 + index).padStart(8, '0')}`;
  const created = NEWEST - index * STEP;
  const [status, statusText] = pick(STATUSES);
  const [name, price, spec] = pick(PRODUCTS);
  const qty = 1 + Math.floor(random() * 3);
  const [province, city, town] = pick(PLACES);
  const surname = pick(SURNAMES);
  const paid = status !== 1 && status !== 4;
  const shipped = status === 3 || status === 5;
  const tel = `1${3 + Math.floor(random() * 6)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
  return {
    shop_order_id: id,
    order_id: id,
    order_status: status,
    main_status: status,
    order_status_info: { order_status: status, order_status_text: statusText },
    create_time: created,
    pay_time: paid ? created + 45 : 0,
    logistics_time: shipped ? created + 26 * 3600 : 0,
    total_price: price * qty,
    pay_amount: price * qty,
    actual_pay_amount: price * qty,
    post_amount: 0,
    b_type: 2,
    b_type_desc: '抖音',
    user_id: 3859600000 + index,
    user_nickname: `${surname}**`,
    receiver_info: {
      post_receiver: `${surname}**`,
      post_tel: tel,
      post_tel_mask: `${tel.slice(0, 3)}****${tel.slice(7)}`,
      post_addr: { province: { name: province }, city: { name: city }, town: { name: town }, detail: `示例路${1 + (index % 300)}号` },
    },
    logistics_info: shipped ? [{ tracking_no: `7531${String(4000000000 + index * 7919).slice(0, 10)}`, company: 'zhongtong', company_name: '中通快递', ship_time: created + 26 * 3600 }] : [],
    product_item: [
      {
        item_order_id: String(BigInt(id) + 1n),
        product_id: '3612874509123456789',
        product_name: name,
        combo_num: qty,
        combo_amount: price,
        pay_amount: price * qty,
        sku_spec: spec.map(([n, v]) => ({ name: n, value: v })),
        item_order_status_desc: statusText,
        after_sale_info: { after_sale_text: '-', after_sale_status_remark: '', after_sale_id: '0' },
      },
    ],
  };
}

function douyin() {
  const dir = join(FIXTURES, 'douyin', 'walk');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'api'), { recursive: true });
  const pages = [];
  for (let page = 0; page < PAGES; page++) {
    const orders = Array.from({ length: PAGE_SIZE }, (_, i) => order(page * PAGE_SIZE + i));
    const body = { code: 0, msg: 'success', data: orders, page, size: PAGE_SIZE, total: PAGES * PAGE_SIZE, log_id: `20260513092145${String(page).padStart(2, '0')}B2C3D4E5F6071829` };
    writeFileSync(join(dir, 'api', `searchlist-p${page}.json`), `${JSON.stringify(body)}\n`);
    pages.push({ page: page + 1, orderIds: orders.map((o) => o.shop_order_id), oldestCreateTime: orders.at(-1).create_time, jsonOnlyRows: VIRTUAL_PAGES.includes(page) ? PAGE_SIZE - 10 : 0 });
  }
  writeFileSync(join(dir, 'walk.json'), `${JSON.stringify({ url: 'https://fxg.jinritemai.com/ffa/morder/order/list?tab=all&from=walk', pageSize: PAGE_SIZE, pages }, null, 1)}\n`);

  let html = readFileSync(join(FIXTURES, 'douyin', 'api-list.html'), 'utf8');
  const swap = (from, to) => {
    if (!html.includes(from)) throw new Error(`api-list.html changed: cannot find ${from}`);
    html = html.replace(from, to);
  };
  swap('<title>订单管理</title>', '<title>订单管理</title>\n<!-- generated by scripts/make-walk-fixtures.mjs from ../api-list.html: do not edit -->');
  swap(
    "rows.forEach(function (order) { body.appendChild(row(order)); });",
    "// the console's virtualised list on long pages: the first rows now, the rest as the seller scrolls\n    var shown = VIRTUAL_PAGES.indexOf(state.page) >= 0 ? rows.slice(0, 10) : rows;\n    shown.forEach(function (order) { body.appendChild(row(order)); });\n    if (shown.length < rows.length) body.appendChild(h('div', { class: 'index_loadMore__2Qx8v', text: '向下滚动加载更多' }));",
  );
  swap("var TAB_COUNT_KEYS", `var VIRTUAL_PAGES = ${JSON.stringify(VIRTUAL_PAGES)};\n  var TAB_COUNT_KEYS`);
  // the session ended: the console's request layer sends the seller to log in
  swap(
    ".then(function (res) { return res.json(); })\n      .then(function (body) {\n        var rows",
    ".then(function (res) {\n        if (res.status === 401) { location.assign('/login?redirect=' + encodeURIComponent(location.pathname + location.search)); return new Promise(function () {}); }\n        return res.json();\n      })\n      .then(function (body) {\n        var rows",
  );
  swap("'&page=' + state.page + '&from=api'", "'&page=' + state.page + '&from=walk'");
  swap(
    "  document.addEventListener('click', function (event) {",
    `  // the size changer (rc-select): opens on mousedown, an option is chosen by its click
  document.addEventListener('mousedown', function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !target.closest('.auxo-pagination-options-size-changer')) return;
    var open = $('.auxo-select-dropdown');
    if (open) { open.remove(); return; }
    var changer = target.closest('.auxo-pagination-options-size-changer').getBoundingClientRect();
    var list = h('div', { class: 'auxo-select-dropdown', style: 'position:absolute;left:' + (changer.left + window.scrollX) + 'px;top:' + (changer.bottom + window.scrollY + 4) + 'px;background:#fff;border:1px solid #dcdee1;border-radius:4px;padding:4px 0;z-index:1050' },
      [10, 20, 50].map(function (size) {
        return h('div', { class: 'auxo-select-item auxo-select-item-option' + (size === state.pageSize ? ' auxo-select-item-option-selected' : ''), title: size + ' 条/页', 'data-size': String(size), style: 'padding:5px 12px;cursor:pointer' },
          h('div', { class: 'auxo-select-item-option-content', text: size + ' 条/页' }));
      }));
    document.body.appendChild(list);
  });
  document.addEventListener('click', function (event) {
    var option = event.target instanceof Element && event.target.closest('.auxo-select-item-option');
    if (!option) return;
    var dropdown = $('.auxo-select-dropdown');
    if (dropdown) dropdown.remove();
    var size = Number(option.getAttribute('data-size'));
    if (size === state.pageSize) return;
    state.pageSize = size; state.page = 0; load();
  });

  document.addEventListener('click', function (event) {`,
  );
  writeFileSync(join(dir, 'list.html'), html);
}

douyin();
