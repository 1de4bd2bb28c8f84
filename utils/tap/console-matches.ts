/**
 * The console pages the tap runs on: every origin of every `utils/sites/<platform>/site.ts`, as plain data
 * so the tap (shipped into each page) carries no site code. tests/unit/tap-matches.test.ts keeps this
 * list equal to the sites' own; a new console adds its origins here.
 */
export const TAP_MATCHES: readonly string[] = [
  'https://fxg.jinritemai.com/*',
  'https://dmall.jinritemai.com/*',
  'https://shop.jd.com/*',
  'https://trade-order-jdm.jd.com/*',
  'https://porder.shop.jd.com/*',
  'https://neworder.shop.jd.com/*',
  'https://s.kwaixiaodian.com/*',
  'https://mms.pinduoduo.com/*',
  'https://myseller.taobao.com/*',
  'https://qn.taobao.com/*',
  'https://trade.taobao.com/*',
  'https://trade.tmall.com/*',
];
