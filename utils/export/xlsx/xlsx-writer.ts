import { Zip, ZipDeflate, strToU8 } from 'fflate';

/**
 * A streaming .xlsx writer (SpreadsheetML in a zip, fflate's streaming deflate): rows go out as they come,
 * so a 100k-order export never holds the workbook in memory. Cells are typed, as a seller's Excel needs:
 * - `text`: an inline string with the text format (`@`): order numbers and waybills keep every digit, and
 *   no text is ever a formula (`=HYPERLINK(…)` stays text: an inline string is never evaluated);
 * - `number`: a plain number; `money`: a number shown with two decimals (`0.00`);
 * - `datetime`: epoch ms as a real date-time cell in Beijing wall-clock time (`yyyy-mm-dd hh:mm:ss`),
 *   sortable and filterable.
 * Every sheet gets a bold, frozen header row, an autofilter over its rows and the given column widths.
 */
export type XlsxCell =
  | { t: 'text'; v: string }
  | { t: 'number'; v: number }
  | { t: 'money'; v: number }
  | { t: 'datetime'; v: number }
  | undefined;

export interface XlsxColumn {
  header: string;
  /** Width in Excel's character units. */
  width: number;
}

export interface XlsxSheet {
  name: string;
  columns: readonly XlsxColumn[];
}

const enum Style {
  Default = 0,
  Text = 1,
  Money = 2,
  DateTime = 3,
  Header = 4,
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** Days from Excel's epoch (1899-12-30, the 1900 system with its leap-year quirk) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;
// XML 1.0 forbids these characters even as references; a console's text never needs them
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_SPECIAL = /[&<>"]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAX_TEXT = 32_767; // Excel's limit for one cell

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function escapeXml(text: string): string {
  const clean = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  // most cells need nothing: one native test instead of two replaces
  if (!NEEDS_ESCAPE.test(clean)) return clean;
  return clean.replace(INVALID_XML, '').replace(XML_SPECIAL, (c) => ESCAPES[c]!);
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Epoch ms → Excel's serial date of the Beijing wall-clock time. */
export function excelSerial(epochMs: number): number {
  return (epochMs + BEIJING_OFFSET_MS) / DAY_MS + EXCEL_EPOCH_DAYS;
}

function sheetName(name: string, used: Set<string>): string {
  // Excel: at most 31 characters, none of : \ / ? * [ ]
  let base = name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Sheet';
  for (let n = 2; used.has(base); n += 1) base = `${base.slice(0, 28)} ${n}`;
  used.add(base);
  return base;
}

export class XlsxWriter {
  private readonly zip: Zip;
  private readonly names: string[];
  private readonly rowCounts: number[] = [];
  private current: { index: number; file: ZipDeflate; row: number; letters: string[]; buffer: string[]; size: number } | undefined;
  private nextSheet = 0;
  private failed: Error | undefined;

  /** `onData` receives the file's bytes in order; `final` on the last chunk. */
  constructor(
    private readonly sheets: readonly XlsxSheet[],
    onData: (chunk: Uint8Array, final: boolean) => void,
  ) {
    const used = new Set<string>();
    this.names = sheets.map((sheet) => sheetName(sheet.name, used));
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failed = error;
      else onData(chunk, final);
    });
  }

  /** Starts the next sheet (in the order given) and writes its header row. */
  startSheet(): void {
    this.closeSheet();
    const index = this.nextSheet++;
    const sheet = this.sheets[index];
    if (!sheet) throw new Error('no more sheets declared');
    // level 1: sheets are repetitive XML, level 6 shrank them a further ~15% at 2–3× the time
    const file = new ZipDeflate(`xl/worksheets/sheet${index + 1}.xml`, { level: 1 });
    this.zip.add(file);
    const letters = sheet.columns.map((_, i) => columnName(i));
    const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
    const header = sheet.columns
      .map((c, i) => `<c r="${letters[i]}1" t="inlineStr" s="${Style.Header}"><is><t>${escapeXml(c.header)}</t></is></c>`)
      .join('');
    this.current = { index, file, row: 1, letters, buffer: [], size: 0 };
    this.write(
      `${HEAD}<worksheet ${NS} ${NS_R}><sheetViews><sheetView workbookViewId="0"${index === 0 ? ' tabSelected="1"' : ''}>` +
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
        `</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`,
    );
  }

  /** Appends rows to the current sheet. */
  addRows(rows: readonly (readonly XlsxCell[])[]): void {
    const sheet = this.current;
    if (!sheet) throw new Error('startSheet() first');
    for (const cells of rows) {
      sheet.row += 1;
      const r = sheet.row;
      let xml = `<row r="${r}">`;
      for (let i = 0; i < cells.length; i += 1) {
        const cell = cells[i];
        if (cell === undefined) continue;
        const ref = `${sheet.letters[i] ?? columnName(i)}${r}`;
        switch (cell.t) {
          case 'text':
            if (cell.v !== '') xml += `<c r="${ref}" t="inlineStr" s="${Style.Text}"><is><t xml:space="preserve">${escapeXml(cell.v)}</t></is></c>`;
            break;
          case 'number':
            if (Number.isFinite(cell.v)) xml += `<c r="${ref}"><v>${cell.v}</v></c>`;
            break;
          case 'money':
            if (Number.isFinite(cell.v)) xml += `<c r="${ref}" s="${Style.Money}"><v>${cell.v}</v></c>`;
            break;
          case 'datetime':
            if (Number.isFinite(cell.v)) xml += `<c r="${ref}" s="${Style.DateTime}"><v>${excelSerial(cell.v)}</v></c>`;
            break;
        }
      }
      this.write(`${xml}</row>`);
    }
  }

  /** Ends the last sheet and writes the workbook's other parts; the last chunk then reaches `onData`. */
  finish(): void {
    this.closeSheet();
    while (this.nextSheet < this.sheets.length) {
      this.startSheet();
      this.closeSheet();
    }
    const sheets = this.names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    const filters = this.names
      .map((name, i) => {
        const last = Math.max(1, this.rowCounts[i] ?? 1);
        const width = this.sheets[i]!.columns.length;
        const ref = `'${name.replace(/'/g, "''")}'!$A$1:$${columnName(Math.max(0, width - 1))}$${last}`;
        return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(ref)}</definedName>`;
      })
      .join('');
    this.addFile('xl/workbook.xml', `${HEAD}<workbook ${NS} ${NS_R}><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets><definedNames>${filters}</definedNames></workbook>`);
    const sheetRels = this.names
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('');
    const stylesId = this.names.length + 1;
    this.addFile(
      'xl/_rels/workbook.xml.rels',
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}<Relationship Id="rId${stylesId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    );
    this.addFile('xl/styles.xml', STYLES);
    const overrides = this.names
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('');
    this.addFile(
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
    );
    this.addFile(
      '_rels/.rels',
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    this.zip.end();
    if (this.failed) throw this.failed;
  }

  private closeSheet(): void {
    const sheet = this.current;
    if (!sheet) return;
    const width = this.sheets[sheet.index]!.columns.length;
    const filter = `<autoFilter ref="A1:${columnName(Math.max(0, width - 1))}${sheet.row}"/>`;
    this.write(`</sheetData>${filter}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
    this.flush(true);
    this.rowCounts[sheet.index] = sheet.row;
    this.current = undefined;
  }

  private write(xml: string): void {
    const sheet = this.current!;
    sheet.buffer.push(xml);
    sheet.size += xml.length;
    // hand the deflater ~256 KB at a time: bounded memory, few calls
    if (sheet.size > 262_144) this.flush(false);
  }

  private flush(final: boolean): void {
    const sheet = this.current!;
    sheet.file.push(strToU8(sheet.buffer.join('')), final);
    sheet.buffer = [];
    sheet.size = 0;
    if (this.failed) throw this.failed;
  }

  private addFile(name: string, xml: string): void {
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    file.push(strToU8(xml), true);
  }
}

const STYLES =
  `${HEAD}<styleSheet ${NS}>` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
