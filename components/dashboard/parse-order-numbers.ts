import { readIdCell } from '@/utils/export/csv-cell';

/** Most numbers batch tracking looks up at once. */
export const MAX_BATCH_NUMBERS = 5000;

/** Separators sellers paste between numbers: whitespace (incl. the TAB our CSV ids carry), commas, 、；。| … */
const SEPARATORS = /[\s,，、;；。|｜/]+/;
const NUMBER = /^[A-Za-z0-9-]{4,40}$/;

function clean(token: string): string {
  return readIdCell(token).trim().replace(/^['"‘’“”「」]+|['"‘’“”「」]+$/g, '');
}

/** Distinct numbers of a pasted text, in the order given; tokens that cannot be a number are dropped. */
export function splitOrderNumbers(text: string): string[] {
  const seen = new Set<string>();
  for (const token of text.replace(/^\uFEFF/, '').split(SEPARATORS)) {
    const number = clean(token);
    if (NUMBER.test(number)) seen.add(number);
  }
  return [...seen];
}
