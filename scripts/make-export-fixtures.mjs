#!/usr/bin/env node
// Writes the consoles' official order-export files used by the import tests, from the same console data the
// capture fixtures serve: 抖店's export of the orders in tests/fixtures/douyin/api/searchlist-all-p*.json
// (columns of reference/consoles.md §1.2, one row per 子订单), as UTF-8 CSV with BOM, as GBK CSV (what Excel on a
// Chinese Windows saves) and as .xlsx (LibreOffice, ids as text cells); and a 千牛 orders report (§3.2 headers,
// GBK) with invented buyers. Needs `iconv` and `soffice`. Run: node scripts/make-export-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'tests/fixtures/exports');
mkdirSync(out, { recursive: true });

const beijing = (seconds) => {
  if (!seconds) return '-';
  const d = new Date(seconds * 1000 + 8 * 3600_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
};
const yuan = (cents) => (cents / 100).toFixed(2);
const csvCell = (value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csv = (rows) => rows.map((row) => row.map((cell) => csvCell(String(cell))).join(',')).join('\r\n') + '\r\n';

// ---- 抖店 订单管理 → 导出 ----
const DOUYIN_HEADERS = ['主订单编号', '子订单编号', '选购商品', '商品规格', '商品ID', '商品数量', '商品金额', '订单应付金额', '订单提交时间', '支付完成时间', '发货时间', '订单完成时间', '订单状态', '取消原因', '售后状态', '订单类型', '货号', '快递公司', '快递单号', '抖音昵称', '省', '市', '流量来源'];
const pages = ['searchlist-all-p0.json', 'searchlist-all-p1.json'].map((name) => JSON.parse(readFileSync(join(root, 'tests/fixtures/douyin/api', name), 'utf8')));
const douyinRows = [DOUYIN_HEADERS];
for (const order of pages.flatMap((page) => page.data)) {
  const logistics = order.logistics_info ?? [];
  const address = order.receiver_info?.post_addr ?? {};
  for (const item of order.product_item) {
    douyinRows.push([
      order.order_id,
      item.item_order_id,
      item.product_name,
      (item.sku_spec ?? []).map((spec) => `${spec.name}：${spec.value}`).join('；'),
      item.product_id,
      item.combo_num,
      yuan(item.combo_amount),
      yuan(order.pay_amount),
      beijing(order.create_time),
      beijing(order.pay_time),
      beijing(logistics[0]?.ship_time),
      '-',
      order.order_status_info.order_status_text,
      order.order_status === 4 ? '超时未支付' : '-',
      item.after_sale_info?.after_sale_text ?? '-',
      '普通订单',
      item.merchant_sku_code ?? '-',
      logistics.map((entry) => entry.company_name).join(';') || '-',
      logistics.map((entry) => entry.tracking_no).join(';') || '-',
      order.user_nickname || '-',
      address.province?.name ?? '-',
      address.city?.name ?? '-',
      order.c_biz_desc ?? '-',
    ]);
  }
}
const douyinCsv = csv(douyinRows);
writeFileSync(join(out, 'douyin-order-export-utf8.csv'), '\uFEFF' + douyinCsv);
writeFileSync(join(out, 'douyin-order-export-gbk.csv'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: douyinCsv }));
// ids (columns 1, 2, 5, 19) and free text (3 商品, 17 货号) imported as text, as the console's own .xlsx writes them
// (a text column also keeps a cell like `=CMD|calc` from being evaluated)
const tmp = join(out, 'douyin-order-export.csv');
writeFileSync(tmp, douyinCsv);
const textColumns = [1, 2, 3, 5, 17, 19].map((column) => `${column}/2`).join('/');
execFileSync('soffice', ['--headless', `--infilter=CSV:44,34,76,1,${textColumns}`, '--convert-to', 'xlsx', '--outdir', out, tmp], { stdio: 'ignore' });
rmSync(tmp);

// ---- 千牛 已卖出的宝贝 → 订单报表 (one row per order; full names and phones are in the file, never kept) ----
const TAOBAO_HEADERS = ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额', '订单状态', '买家留言', '收货人姓名', '收货地址', '运送方式', '联系电话', '联系手机', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝种类', '物流单号', '物流公司', '订单备注', '宝贝总数量', '店铺Id', '店铺名称', '订单关闭原因'];
const taobaoRows = [
  TAOBAO_HEADERS,
  ['3320145500112233441', '星河散步者', 'x***@example.invalid', '169.00', '0.00', '169.00', '169.00', '等待买家付款', '', '测试一', '浙江省 杭州市 西湖区 文三路000号', '快递', '', '13800000001', '2026-11-20 09:12:45', '', '北欧风陶瓷花瓶', '1', '', '', '', '1', '100001', '小熊家居旗舰店', '订单未关闭'],
  ['3320145500112233442', '牛奶糖', 'y***@example.invalid', '257.00', '0.00', '257.00', '257.00', '买家已付款，等待卖家发货', '请尽快发货', '测试二', '广东省 深圳市 南山区 科技园000号', '快递', '', '13800000002', '2026-11-20 08:47:03', '2026-11-20 08:48:10', '棉麻抱枕套，加厚地垫', '2', '', '', '', '3', '100001', '小熊家居旗舰店', '订单未关闭'],
  ['3320145500112233443', '柚子茶', 'z***@example.invalid', '398.00', '0.00', '398.00', '398.00', '卖家已发货，等待买家确认', '', '测试三', '四川省 成都市 武侯区 人民南路000号', '快递', '', '13800000003', '2026-11-19 21:30:18', '2026-11-19 21:31:00', '实木床头柜', '1', '78561234567001', '中通快递', '', '1', '100001', '小熊家居旗舰店', '订单未关闭'],
  ['3320145500112233444', '豆沙包', 'w***@example.invalid', '156.00', '0.00', '156.00', '156.00', '交易成功', '', '测试四', '北京 北京市 朝阳区 建国路000号', '快递', '', '13800000004', '2026-11-18 14:05:51', '2026-11-18 14:06:30', '香薰蜡烛礼盒', '1', 'SF1402345670001', '顺丰速运', '', '1', '100001', '小熊家居旗舰店', '订单未关闭'],
  ['3320145500112233445', '阿木', 'v***@example.invalid', '49.90', '0.00', '49.90', '0.00', '交易关闭', '', '测试五', '江苏省 苏州市 姑苏区 观前街000号', '快递', '', '13800000005', '2026-11-17 19:48:12', '', '收纳盒', '1', '', '', '', '1', '100001', '小熊家居旗舰店', '买家不想买了'],
];
writeFileSync(join(out, 'taobao-orders-report-gbk.csv'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: csv(taobaoRows) }));
console.log(`wrote ${douyinRows.length - 1} 抖店 export rows and ${taobaoRows.length - 1} 千牛 report rows to ${out}`);
