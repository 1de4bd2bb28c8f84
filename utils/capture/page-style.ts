// content-visibility: a 1,000-row page lays out the controls of the rows in view only; the others lay out
// as they scroll near (in a 64×22 placeholder until then, their real size remembered after).
const STYLE = `
[data-orderlens="controls"]{display:inline-block;margin:2px 6px;white-space:nowrap;content-visibility:auto;contain-intrinsic-size:auto 64px auto 22px}
[data-orderlens="controls"]>button{all:unset;box-sizing:border-box;margin-right:4px;font:12px/20px system-ui,"PingFang SC","Microsoft YaHei",sans-serif;padding:0 8px;border-radius:4px;border:1px solid #1966ff;color:#1966ff;background:#fff;cursor:pointer;white-space:nowrap}
[data-orderlens="controls"]>button[data-orderlens="remind"]{border-color:#f5222d;color:#f5222d}
[data-orderlens="controls"]>button:focus-visible{outline:2px solid #1966ff;outline-offset:1px}
[data-orderlens="controls"]>button[data-orderlens-reminded]{border-style:dashed}
[data-orderlens="notice"]{position:fixed;right:16px;bottom:16px;z-index:2147483646;box-sizing:border-box;width:360px;max-width:calc(100vw - 32px);padding:12px 36px 12px 14px;border-radius:6px;background:#fff7e6;border:1px solid #ffa940;color:#873800;font:13px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;text-align:left;box-shadow:0 4px 12px rgba(0,0,0,.15)}
[data-orderlens="notice"]>strong{display:block;margin-bottom:4px;font-weight:600}
[data-orderlens="notice"]>p{margin:0 0 2px}
[data-orderlens="notice"]>button{all:unset;position:absolute;top:8px;right:12px;cursor:pointer;font:bold 16px/1 system-ui,sans-serif;color:#873800}
[data-orderlens="storage-notice"]{position:fixed;right:16px;top:16px;z-index:2147483646;box-sizing:border-box;width:360px;max-width:calc(100vw - 32px);padding:12px 14px;border-radius:6px;background:#fff1f0;border:1px solid #ff4d4f;color:#a8071a;font:13px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;text-align:left;box-shadow:0 4px 12px rgba(0,0,0,.15)}
[data-orderlens="storage-notice"]>strong{display:block;margin-bottom:4px;font-weight:600}
[data-orderlens="storage-notice"]>p{margin:0 0 2px}
[data-orderlens="panel"]{position:absolute;z-index:2147483646;min-width:280px;max-width:420px;padding:10px 12px;border-radius:6px;background:#fff;border:1px solid #d9d9d9;color:#262626;font:12px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;box-shadow:0 6px 16px rgba(0,0,0,.18)}
[data-orderlens="toast"]{position:absolute;z-index:2147483646;max-width:360px;padding:8px 12px;border-radius:6px;background:#f6ffed;border:1px solid #95de64;color:#135200;font:12px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;box-shadow:0 6px 16px rgba(0,0,0,.15)}
[data-orderlens="toast"][data-orderlens-kind="refused"]{background:#fff2e8;border-color:#ffbb96;color:#871400}
[data-orderlens-state]{font:12px/20px system-ui,"PingFang SC","Microsoft YaHei",sans-serif;color:#8c8c8c;white-space:nowrap}
[data-orderlens="panel"] a{color:#1966ff;margin-right:8px}
[data-orderlens="panel"] button{all:unset;cursor:pointer;color:#1966ff;margin-right:8px}
`;

/** One stylesheet for every control OrderLens adds to a console page (attribute selectors only). */
export function ensurePageStyle(doc: Document): void {
  if (doc.querySelector('style[data-orderlens="style"]')) return;
  const style = doc.createElement('style');
  style.setAttribute('data-orderlens', 'style');
  style.textContent = STYLE;
  (doc.head ?? doc.documentElement).append(style);
}
