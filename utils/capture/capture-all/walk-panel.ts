import { statusLines } from './walk-words';
import type { WalkSnapshot } from './walk';

// Same look as the row controls (attribute selectors only, one stylesheet): a bordered blue button, a white panel.
const STYLE = `
[data-orderlens="capture-all-box"]{position:relative;display:inline-block;margin:6px 8px;vertical-align:middle;font:12px/20px system-ui,"PingFang SC","Microsoft YaHei",sans-serif;color:#262626;text-align:left}
[data-orderlens="capture-all-box"][data-orderlens-floating]{position:fixed;right:16px;bottom:16px;z-index:2147483646;margin:0}
[data-orderlens="capture-all-box"] button{all:unset;box-sizing:border-box;padding:0 8px;margin-right:6px;border-radius:4px;border:1px solid #1966ff;color:#1966ff;background:#fff;cursor:pointer;white-space:nowrap;font:12px/20px system-ui,"PingFang SC","Microsoft YaHei",sans-serif}
[data-orderlens="capture-all-box"] [hidden]{display:none!important}
[data-orderlens="capture-all-box"] button:focus-visible{outline:2px solid #1966ff;outline-offset:1px}
[data-orderlens="capture-all-box"] button[data-orderlens="capture-all-start"]{background:#1966ff;color:#fff}
[data-orderlens="capture-all-panel"],[data-orderlens="capture-all-status"]{box-sizing:border-box;min-width:300px;max-width:420px;margin-top:4px;padding:10px 12px;border-radius:6px;background:#fff;border:1px solid #d9d9d9;box-shadow:0 6px 16px rgba(0,0,0,.18)}
[data-orderlens="capture-all-panel"]{position:absolute;z-index:2147483646;bottom:100%;left:0}
[data-orderlens="capture-all-panel"] label{display:block;margin:2px 0}
[data-orderlens="capture-all-panel"] p,[data-orderlens="capture-all-status"] p{margin:0 0 4px}
[data-orderlens="capture-all-panel"] small{display:block;color:#8c8c8c;margin:4px 0 6px}
[data-orderlens="capture-all-status"][data-state="stopped"]{border-color:#ffbb96;background:#fff7e6}
[data-orderlens="capture-all-status"][data-state="done"]{border-color:#95de64;background:#f6ffed}
`;

export interface PanelActions {
  start(choice: { untilAt?: number }): void;
  resume(): void;
  stop(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Start of a Beijing day (`YYYY-MM-DD` from a date input) in epoch ms. */
export function beijingDayStart(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - 8 * 3600_000;
}

/**
 * The 采集全部 control: the button (DESIGN.md test contract `capture-all`), its panel (how far back, start,
 * resume) and the walk's status (`capture-all-status` with data-state / data-orders). Built once per page and
 * put back beside the console's pagination when the console re-renders it.
 */
export class WalkPanel {
  readonly box: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly status: HTMLElement;
  private readonly resumeButton: HTMLButtonElement;
  private readonly dateInput: HTMLInputElement;
  private readonly untilRadio: HTMLInputElement;
  private readonly open: HTMLButtonElement;

  constructor(
    private readonly doc: Document,
    actions: PanelActions,
    paceNote: string,
  ) {
    this.box = el(doc, 'div', { 'data-orderlens': 'capture-all-box' });
    const open = (this.open = el(doc, 'button', { type: 'button', 'data-orderlens': 'capture-all', title: 'OrderLens：替你逐页翻完这个列表并采集每一页' }, '采集全部'));
    this.panel = el(doc, 'div', { 'data-orderlens': 'capture-all-panel', hidden: '' });
    const allRadio = el(doc, 'input', { type: 'radio', name: 'orderlens-walk-range', value: 'all', checked: '' });
    this.untilRadio = el(doc, 'input', { type: 'radio', name: 'orderlens-walk-range', value: 'until' });
    this.dateInput = el(doc, 'input', { type: 'date', 'data-orderlens': 'capture-all-until' });
    const allLabel = el(doc, 'label');
    allLabel.append(allRadio, ' 当前筛选的全部页（到最后一页）');
    const untilLabel = el(doc, 'label');
    untilLabel.append(this.untilRadio, ' 直到早于 ', this.dateInput, ' 的订单');
    this.dateInput.addEventListener('input', () => (this.untilRadio.checked = true));
    const startButton = el(doc, 'button', { type: 'button', 'data-orderlens': 'capture-all-start' }, '开始采集');
    this.resumeButton = el(doc, 'button', { type: 'button', 'data-orderlens': 'capture-all-resume', hidden: '' }, '继续上次');
    const cancel = el(doc, 'button', { type: 'button' }, '取消');
    this.panel.append(el(doc, 'p', {}, '采集全部：用平台自己的“下一页”逐页翻，每页采集并保存后再翻。'), allLabel, untilLabel, el(doc, 'small', {}, paceNote), startButton, this.resumeButton, cancel);
    this.status = el(doc, 'div', { 'data-orderlens': 'capture-all-status', hidden: '' });
    this.box.append(open, this.panel, this.status);

    open.addEventListener('click', () => (this.panel.hidden = !this.panel.hidden));
    cancel.addEventListener('click', () => (this.panel.hidden = true));
    startButton.addEventListener('click', () => {
      this.panel.hidden = true;
      const untilAt = this.untilRadio.checked ? beijingDayStart(this.dateInput.value) : undefined;
      actions.start({ untilAt });
    });
    this.resumeButton.addEventListener('click', () => {
      this.panel.hidden = true;
      actions.resume();
    });
    this.stopAction = () => actions.stop();
  }

  private readonly stopAction: () => void;

  /** Offers 继续 from `page` (a walk of this list cut short), or nothing. */
  offerResume(page: number | undefined): void {
    this.resumeButton.hidden = page === undefined;
    if (page !== undefined) this.resumeButton.textContent = `从第 ${page} 页继续上次`;
  }

  show(snapshot: WalkSnapshot): void {
    const status = this.status;
    status.hidden = false;
    status.setAttribute('data-state', snapshot.state);
    status.setAttribute('data-orders', String(snapshot.orders));
    status.setAttribute('data-pages', String(snapshot.pagesDone));
    if (snapshot.reason) status.setAttribute('data-reason', snapshot.reason);
    else status.removeAttribute('data-reason');
    const lines = statusLines(snapshot).map((line) => el(this.doc, 'p', {}, line));
    status.replaceChildren(...lines);
    if (snapshot.state === 'running') {
      const stop = el(this.doc, 'button', { type: 'button', 'data-orderlens': 'capture-all-stop' }, '停止');
      stop.addEventListener('click', this.stopAction);
      status.append(stop);
    }
  }

  /** Beside the console's pagination (before it), or floating at the corner (with the status only on a login page). */
  place(beside: Element | null, withButton: boolean): void {
    ensureWalkStyle(this.doc);
    if (beside) {
      this.box.removeAttribute('data-orderlens-floating');
      this.open.hidden = false;
      if (beside.previousElementSibling !== this.box) beside.before(this.box);
    } else {
      this.box.setAttribute('data-orderlens-floating', '');
      this.open.hidden = !withButton;
      if (!withButton) this.panel.hidden = true;
      if (this.box.parentElement !== this.doc.body) this.doc.body?.append(this.box);
    }
  }

  contains(target: EventTarget | null): boolean {
    return target instanceof Node && this.box.contains(target);
  }
}

function ensureWalkStyle(doc: Document): void {
  if (doc.querySelector('style[data-orderlens="capture-all-style"]')) return;
  const style = doc.createElement('style');
  style.setAttribute('data-orderlens', 'capture-all-style');
  style.textContent = STYLE;
  (doc.head ?? doc.documentElement).append(style);
}
