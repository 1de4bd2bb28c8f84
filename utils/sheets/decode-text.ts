import { TableFileError, type TextEncoding } from './table-file';

/**
 * The text of a CSV/TXT file. Console exports and Excel's "CSV" save come as UTF-8 (with or without a BOM),
 * as GBK/GB18030 (Excel on a Chinese Windows saves CSV in the ANSI code page 936), or as UTF-16LE
 * (Excel's "Unicode text"). UTF-8 is tried strictly first: GBK bytes are almost never valid UTF-8, while
 * GB18030 would decode any byte string.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (hasNul(bytes)) throw new TableFileError('unsupported', 'binary');
  let utf8: string | null = null;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = null;
  }
  if (utf8 !== null) return checked(utf8, 'utf-8');
  {
    return checked(new TextDecoder('gb18030').decode(bytes), 'gb18030');
  }
}

/** NUL bytes do not occur in UTF-8 or GBK text: the file is binary (or UTF-16 without a BOM). */
function hasNul(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 64 * 1024);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Garbled text is refused rather than imported as nonsense: replacement characters (a lossy conversion
 * upstream), mojibake (UTF-8 bytes once read as Latin-1 and saved again: `è®¢å•ç¼–å·` for 订单编号), or after
 * the GB18030 fallback characters no Chinese spreadsheet holds (private use, Extension A, Yi, Hangul — what
 * Big5 or Shift-JIS bytes turn into).
 */
function checked(text: string, encoding: TextEncoding): { text: string; encoding: TextEncoding } {
  const sample = text.slice(0, 200_000);
  let bad = 0;
  let latin = 0;
  let nonAscii = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) continue;
    nonAscii++;
    if (code >= 0xc0 && code <= 0xff) latin++;
    if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) bad++;
    else if (encoding === 'gb18030' && (code > 0xffff || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xa000 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7af))) bad++;
  }
  if (bad > Math.max(3, nonAscii / 50) || (nonAscii >= 20 && latin > nonAscii / 4)) throw new TableFileError('garbled', encoding);
  return { text, encoding };
}
