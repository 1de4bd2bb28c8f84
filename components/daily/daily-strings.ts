import { lang } from '@/components/dashboard/strings';

/** Texts of the 日报 view, Chinese first; `{name}` placeholders filled by `d(key, values)`. */
const ZH = {
  heading: '日报',
  intro: '昨日（北京时间）对比前日和上周同日。订单、GMV、客单价、转化率、退货率、纠纷率、时效和挽回金额按下单日统计：退货和签收陆续发生，近几天的退货率和物流时效会继续变化。待催付和物流异常是当前状态（物流异常统计近30天的订单）。',
  days: '昨日 {yesterday} · 前日 {dayBefore} · 上周同日 {lastWeek}',
  colScope: '平台 / 店铺',
  colMetric: '指标',
  colYesterday: '昨日',
  colDayBefore: '前日',
  colVsDayBefore: '较前日',
  colLastWeek: '上周同日',
  colVsLastWeek: '较上周同日',
  allPlatforms: '全部平台',
  noOrdersYesterday: '昨日没有订单记录（前日 {dayBefore} 单，上周同日 {lastWeek} 单）。',
  noData: '昨日、前日和上周同日都没有订单记录。打开商家后台的订单列表，OrderLens 会自动记录。',
  copyText: '复制文本',
  copied: '已复制，可粘贴到微信群',
  copyFailed: '复制失败：{error}',
  downloadImage: '下载图片',
  exportExcel: '导出 Excel',
  notifyHeading: '每日提醒',
  notifyToggle: '每天定时弹出日报通知',
  notifyHour: '时间（北京时间）',
  notifyHourOption: '{h}:00',
  notifyNote: '开启时浏览器会请求“显示通知”权限；关闭后权限随即交还。通知只在本机显示，点击打开日报。',
  notifyDenied: '没有获得通知权限，提醒未开启。',
  notifyOn: '已开启：每天 {h}:00 提醒。',
} as const;

type DailyKey = keyof typeof ZH;

const EN: Record<DailyKey, string> = {
  heading: 'Daily report',
  intro: 'Yesterday (Beijing time) against the day before and the same day last week. Orders, GMV, average order value, conversion, return and dispute rates, times and recovered GMV count the orders created that day: returns and deliveries keep coming, so recent return rates and delivery times still change. To remind and logistics exceptions are states of now (exceptions among the last 30 days’ orders).',
  days: 'Yesterday {yesterday} · day before {dayBefore} · same day last week {lastWeek}',
  colScope: 'Platform / shop',
  colMetric: 'Metric',
  colYesterday: 'Yesterday',
  colDayBefore: 'Day before',
  colVsDayBefore: 'vs day before',
  colLastWeek: 'Last week',
  colVsLastWeek: 'vs last week',
  allPlatforms: 'All platforms',
  noOrdersYesterday: 'No orders recorded yesterday (day before: {dayBefore}, same day last week: {lastWeek}).',
  noData: 'No orders recorded yesterday, the day before or the same day last week. Open an order list in a seller console and OrderLens records it.',
  copyText: 'Copy text',
  copied: 'Copied — paste it into your WeChat group',
  copyFailed: 'Could not copy: {error}',
  downloadImage: 'Download image',
  exportExcel: 'Export Excel',
  notifyHeading: 'Daily notification',
  notifyToggle: 'Show the daily report as a notification',
  notifyHour: 'At (Beijing time)',
  notifyHourOption: '{h}:00',
  notifyNote: 'Turning this on asks the browser for the “notifications” permission; turning it off gives it back. Notifications stay on this computer; clicking one opens the report.',
  notifyDenied: 'The notifications permission was not granted; the notification is off.',
  notifyOn: 'On: every day at {h}:00.',
};

export function d(key: DailyKey, values: Record<string, string | number> = {}): string {
  const template: string = lang === 'zh' ? ZH[key] : EN[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
