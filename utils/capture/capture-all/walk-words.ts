import { formatBeijing } from '../../model/time';
import type { WalkPace } from './pace';
import type { WalkEndReason, WalkSnapshot } from './walk';

/** Why the walk ended, as the seller reads it. */
export const END_REASON_TEXT: Record<WalkEndReason, string> = {
  'last-page': '已到最后一页',
  date: '已到所选日期',
  'rate-limit': '平台提示操作太频繁（限流），已停止，请稍后再继续',
  error: '平台返回错误，已停止',
  login: '需要重新登录，已停止',
  captcha: '出现安全验证，已停止',
  unchanged: '翻页后页面没有变化，已停止',
  'not-confirmed': '本页一直未能保存，已停止',
  'no-next': '找不到“下一页”，已停止',
  hidden: '标签页在后台太久，已停止',
  seller: '你操作了页面，已停止',
  navigated: '页面已离开订单列表，已停止',
  'stop-button': '已手动停止',
  interrupted: '上次采集被中断（页面关闭或刷新）',
};

function minutesSeconds(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds >= 60 ? `${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒` : `${seconds} 秒`;
}

export function paceText(pace: WalkPace): string {
  const sec = (ms: number) => (ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1);
  return `每页间隔 ${sec(pace.minPauseMs)}–${sec(pace.maxPauseMs)} 秒，每分钟最多 ${pace.pagesPerMinute} 页`;
}

/** The status lines: pages, orders new vs known, the date reached, time left or the end summary. */
export function statusLines(snapshot: WalkSnapshot): string[] {
  const known = Math.max(0, snapshot.orders - snapshot.newOrders);
  const pages = snapshot.pagesTotal ? `${snapshot.pagesDone} 页 / 共 ${snapshot.pagesTotal} 页` : `${snapshot.pagesDone} 页`;
  const lines = [`已采集 ${pages}，订单 ${snapshot.orders} 个（新 ${snapshot.newOrders}，已有 ${known}）`];
  if (snapshot.oldestAt !== undefined) lines.push(`已到 ${formatBeijing(snapshot.oldestAt).slice(0, 16)}`);
  if (snapshot.state === 'running') {
    lines.push(snapshot.timeLeftMs !== undefined ? `正在采集第 ${snapshot.page} 页，预计还需 ${minutesSeconds(snapshot.timeLeftMs)}` : `正在采集第 ${snapshot.page} 页…`);
  } else {
    const took = snapshot.endedAt !== undefined ? `，用时 ${minutesSeconds(snapshot.endedAt - snapshot.startedAt)}` : '';
    lines.push(`${snapshot.state === 'done' ? '采集完成' : '采集已停止'}：${snapshot.reason ? END_REASON_TEXT[snapshot.reason] : ''}${took}`);
  }
  return lines;
}
