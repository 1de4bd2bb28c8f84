/** The charset a Content-Type header declares (`application/json;charset=GBK` → `gbk`), or null. */
export function declaredCharset(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

function decodeWith(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return null; // unknown label
  }
}

/**
 * Body bytes → text by the response's charset. fetch's text()/json() always decode UTF-8, but 千牛's
 * asyncSold answers in GBK (network-capture.md §2.1): a declared charset wins, and an undeclared body that
 * is not valid UTF-8 is read as GB18030 (a superset of GBK).
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): string {
  const charset = declaredCharset(contentType);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    const text = decodeWith(charset, bytes);
    if (text !== null) return text;
  }
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (charset || !utf8.includes('\uFFFD')) return utf8;
  return decodeWith('gb18030', bytes) ?? utf8;
}
