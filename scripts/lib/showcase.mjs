// The demo's showcase data: the fixtures carry attack strings on purpose (markup and spreadsheet formulas in
// product and buyer names, so the tests prove they stay text); screenshots for sellers should not show them.
// Applied to the served fixture pages and JSON bodies by the demo only — the tests serve the fixtures as they are.
const REPLACEMENTS = [
  // <img src=x onerror=alert(1)> before a product name, escaped in HTML or raw in JSON/templates
  [/(?:&lt;|<|\\u003c)img src=x onerror=alert\(1\)(?:&gt;|>)\s*/g, ''],
  // =HYPERLINK("http://…","点我领券") → 点我领券 (HTML-escaped, JSON-escaped or plain quotes)
  [/=HYPERLINK\((?:&quot;|\\"|")[^"&\\]*(?:&quot;|\\"|"),\s*(?:&quot;|\\"|")([^"&\\]*)(?:&quot;|\\"|")\)/g, '$1'],
  // =HYPERLINK("http://x") before a product name
  [/=HYPERLINK\((?:&quot;|\\"|")[^"&\\]*(?:&quot;|\\"|")\)\s*/g, ''],
  // <u>白色</u>: markup inside a spec
  [/(?:&lt;|<|\\u003c)\/?[ub](?:&gt;|>)/g, ''],
  // formula-looking seller SKU codes
  [/"(?:=CMD\|calc|@SUM\(A1\)|\+SUM\(1\)|=A1)"/g, '"SKU-2024"'],
];

export function showcaseText(text) {
  let out = text;
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return out;
}
