import { uiLang } from '@/utils/i18n/t';
import { MAX_TABLE_FILE_BYTES, TableFileError, type TableFileProblem } from '@/utils/sheets/table-file';

const MAX_MB = Math.round(MAX_TABLE_FILE_BYTES / 1024 / 1024);

/** Why a seller's file cannot be used, in words that say what to do next. Any importer may show these. */
const ZH: Record<TableFileProblem, string> = {
  'too-big': `文件太大（超过 ${MAX_MB} MB）。请分成几个小文件，或只保留需要的列后再导入。`,
  unsupported: '不是可以读取的表格文件。请选择 .xlsx、.xls、.csv 或 .txt 文件；加了密码的 Excel 请先取消密码再导入。',
  garbled: '文件的文字编码无法识别（打开后是乱码）。请在 Excel 或 WPS 里另存为「CSV UTF-8（逗号分隔）」或 .xlsx 后再导入。',
  empty: '文件是空的，没有任何内容。',
  unreadable: '文件已损坏，或者不是它的扩展名所说的格式。请在 Excel 或 WPS 里打开它，另存为 .xlsx 后再导入。',
};

const EN: Record<TableFileProblem, string> = {
  'too-big': `The file is too big (over ${MAX_MB} MB). Split it into smaller files, or keep only the columns you need.`,
  unsupported: 'This is not a spreadsheet that can be read. Choose an .xlsx, .xls, .csv or .txt file; remove the password from a protected Excel file first.',
  garbled: 'The file’s text encoding is not recognised (it opens as garbled text). Save it from Excel or WPS as “CSV UTF-8 (comma delimited)” or .xlsx and try again.',
  empty: 'The file is empty.',
  unreadable: 'The file is damaged, or not the format its name says. Open it in Excel or WPS, save it as .xlsx and try again.',
};

export function tableFileProblemText(problem: TableFileProblem, lang: 'zh' | 'en' = uiLang()): string {
  return (lang === 'zh' ? ZH : EN)[problem];
}

/** Any error from reading a file as a seller-facing sentence: a TableFileError by its problem, anything else as unreadable. */
export function tableFileErrorText(error: unknown, lang: 'zh' | 'en' = uiLang()): string {
  return tableFileProblemText(error instanceof TableFileError ? error.problem : 'unreadable', lang);
}
