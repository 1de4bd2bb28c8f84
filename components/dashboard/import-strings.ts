import { fillText as fill, lang } from './strings';
import type { RowProblemKind } from '@/utils/import/rows-to-orders';

/** Texts of the 导入订单 view, Chinese first. `{name}` placeholders are filled by `is(key, values)`. */
const ZH = {
  navImport: '导入订单',
  importHeading: '从平台导出文件补齐历史订单',
  importIntro:
    '在平台后台导出订单（抖店：订单管理 → 导出；千牛：已卖出的宝贝 → 批量导出订单报表；京东、快手、拼多多同理），把文件拖到这里或选择文件。支持 .xlsx、.xls、.csv（UTF-8 或 GBK）和 .txt。文件只在本机读取，姓名、电话、详细地址不会保存。',
  importDrop: '把导出文件拖到这里',
  importChoose: '选择文件…',
  importReading: '正在读取 {file}…',
  importKnown: '已识别：{layout}（{rows} 行）',
  importUnknown: '未识别的表格（{rows} 行）：请在下面确认每一列对应的字段，再看预览是否正确。',
  importNoIdColumn: '没有找到订单编号列：表头里应有「订单编号」「订单号」「主订单编号」之类的列。请检查是否选错了文件。',
  importPlatform: '平台',
  importShop: '店铺',
  importShopHint: '文件里没有店铺列时，这批订单记在这个店铺下',
  importShopNone: '（不指定）',
  importMappingHeading: '列对应',
  importMappingNone: '（不导入）',
  importPreviewHeading: '预览（前 {n} 单）',
  importChecking: '正在检查文件里的每一行…',
  importSummary: '可导入 {orders} 单（{rows} 行）；{problems} 行不能用。',
  importUnknownStatus: '未识别的订单状态「{text}」{n} 行：保留原文，状态记为未知。',
  importStart: '导入 {n} 单',
  importCancel: '取消',
  importWorking: '正在导入…',
  importDone: '导入完成：新增 {inserted} 单，更新 {updated} 单，无变化 {unchanged} 单。',
  importKeptStatus: '{n} 单在导出之后已在页面上看到更新的状态，保留了页面上的状态。',
  importCancelled: '已取消，没有导入任何订单。',
  importFailed: '导入失败，没有写入任何订单：{error}',
  importProblemsHeading: '不能用的行',
  importMoreProblems: '……另有 {n} 行',
  colOrderId: '订单编号',
  colCreated: '下单时间',
  colStatus: '订单状态',
  colAmount: '实付金额',
  colItems: '商品',
  colRow: '行',
  colProblem: '原因',
};

type ImportStringKey = keyof typeof ZH;

const EN: Record<ImportStringKey, string> = {
  navImport: 'Import orders',
  importHeading: 'Fill in order history from a console’s export file',
  importIntro:
    'Export your orders in the console (Douyin: 订单管理 → 导出; Qianniu: 已卖出的宝贝 → 订单报表; JD, Kuaishou and Pinduoduo alike), then drop the file here or choose it. Reads .xlsx, .xls, .csv (UTF-8 or GBK) and .txt. The file is read on this computer only; names, phones and street addresses are not kept.',
  importDrop: 'Drop the export file here',
  importChoose: 'Choose a file…',
  importReading: 'Reading {file}…',
  importKnown: 'Recognised: {layout} ({rows} rows)',
  importUnknown: 'Layout not recognised ({rows} rows): confirm below what each column holds and check the preview.',
  importNoIdColumn: 'No order-number column found: the header should have a column such as 订单编号, 订单号 or 主订单编号. Check that this is the right file.',
  importPlatform: 'Platform',
  importShop: 'Shop',
  importShopHint: 'Used for these orders when the file has no shop column',
  importShopNone: '(none)',
  importMappingHeading: 'Columns',
  importMappingNone: '(not imported)',
  importPreviewHeading: 'Preview (first {n} orders)',
  importChecking: 'Checking every row of the file…',
  importSummary: '{orders} orders can be imported ({rows} rows); {problems} rows cannot be used.',
  importUnknownStatus: 'Status “{text}” is not recognised on {n} rows: kept as printed, status unknown.',
  importStart: 'Import {n} orders',
  importCancel: 'Cancel',
  importWorking: 'Importing…',
  importDone: 'Imported: {inserted} new, {updated} updated, {unchanged} unchanged.',
  importKeptStatus: '{n} orders had a newer status seen on a page after the export; the page’s status was kept.',
  importCancelled: 'Cancelled; no order was imported.',
  importFailed: 'Import failed; no order was written: {error}',
  importProblemsHeading: 'Rows that cannot be used',
  importMoreProblems: '… and {n} more rows',
  colOrderId: 'Order number',
  colCreated: 'Created',
  colStatus: 'Status',
  colAmount: 'Paid',
  colItems: 'Items',
  colRow: 'Row',
  colProblem: 'Reason',
};

const PROBLEM_ZH: Record<RowProblemKind, string> = {
  'no-order-id': '没有订单编号{shown}',
  'damaged-id': '订单编号 {shown} 已被表格软件改成了数字，末尾几位已丢失。请把该列设为「文本」后重新导出；这一行不会对到任何订单。',
  'wrong-platform-id': '{shown} 不像所选平台的订单编号（平台选错了？）',
  'bad-time': '{field}「{shown}」不是能识别的时间，这一单不导入',
  'bad-amount': '{field}「{shown}」不是能识别的金额，这一单不导入',
  invalid: '这一单的数据不完整或超出范围（{shown}），不导入',
  conflict: '同一订单的几行互相矛盾，不导入',
};

const PROBLEM_EN: Record<RowProblemKind, string> = {
  'no-order-id': 'No order number{shown}',
  'damaged-id': 'Order number {shown} was turned into a number by a spreadsheet and lost its last digits. Set the column to Text and export again; this row is matched to no order.',
  'wrong-platform-id': '{shown} is not an order number of the chosen platform (wrong platform?)',
  'bad-time': '{field} “{shown}” is not a time that can be read; this order is not imported',
  'bad-amount': '{field} “{shown}” is not an amount that can be read; this order is not imported',
  invalid: 'This order’s data is incomplete or out of range ({shown}); not imported',
  conflict: 'Rows of this order contradict each other; not imported',
};

export function is(key: ImportStringKey, values: Record<string, string | number> = {}): string {
  return fill(lang === 'zh' ? ZH[key] : EN[key], values);
}

export function problemText(kind: RowProblemKind, values: { shown?: string; field?: string }): string {
  const shown = kind === 'no-order-id' ? (values.shown ? `（${values.shown}）` : '') : (values.shown ?? '');
  return fill((lang === 'zh' ? PROBLEM_ZH : PROBLEM_EN)[kind], { shown, field: values.field ?? '' });
}
