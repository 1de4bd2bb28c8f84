#!/usr/bin/env node
// Regenerates the spreadsheet fixtures in tests/fixtures/files/ from the text sources in tests/fixtures/files/src/
// (invented orders, no buyer data). The generated files are committed: tests never need LibreOffice for them.
//
//   node scripts/make-sheet-fixtures.mjs        (needs LibreOffice: soffice on PATH, and iconv)
//
// orders-title-rows.xlsx   two title rows, header 订单编号 on row 3, the id column imported as Text (every digit
//                          kept); an empty id, a 见备注 cell, a duplicate
// orders-damaged.xlsx      the realistic damaged file: LibreOffice (like Excel) opens the CSV with standard column
//                          types, so the 19- and 16-digit ids become number cells rounded to 15 digits;
//                          the 12-digit 京东 id stays exact, the 拼多多 id with its dash stays text
// orders-two-sheets.xls    legacy .xls: a notes sheet without numbers, then 订单 with a title row and the header
//                          快递公司 / 运单号 / 订单号 (订单号 wins over 运单号); one id a number cell (damaged)
// orders-gbk.csv           GBK bytes, as Excel on a Chinese Windows saves CSV; a 4.93407E+18 cell (what Excel
//                          writes for a damaged id), a duplicate row
// numbers-no-header.txt    written by hand (not generated): tab-separated, no header (the column is told by its
//                          values), a blank line, waybills beside order ids
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILES = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'files');
const SRC = join(FILES, 'src');
// CSV import: comma, double quote, UTF-8 (76), from line 1; then column/format pairs (2 = Text)
const CSV_UTF8 = 'CSV:44,34,76,1';

const work = mkdtempSync(join(tmpdir(), 'orderlens-sheets-'));
// a profile of its own: another soffice (e.g. the export tests) may be running
const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;

function convert(source, format, { infilter, as } = {}) {
  const args = ['--headless', profile, ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', format, '--outdir', work, join(SRC, source)];
  execFileSync('soffice', args, { stdio: 'pipe' });
  const produced = source.replace(/\.[^.]+$/, `.${format}`);
  copyFileSync(join(work, produced), join(FILES, as ?? produced));
}

try {
  convert('orders-title-rows.csv', 'xlsx', { infilter: `${CSV_UTF8},1/1/2/2/3/1/4/1` });
  convert('orders-damaged.csv', 'xlsx', { infilter: CSV_UTF8 });
  convert('orders-two-sheets.fods', 'xls');
  writeFileSync(join(FILES, 'orders-gbk.csv'), execFileSync('iconv', ['-f', 'utf-8', '-t', 'gbk', join(SRC, 'orders-gbk.csv')]));
  console.log(`fixtures written to ${FILES}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
