/**
 * Province + city of a displayed (masked) Taobao receiver address, never the street. Taobao prints
 * `王**，86-1**********，浙江省 杭州市 西湖区 文三路****号 ，000000`: name and phone come first, so the
 * province is searched for anywhere, not only at the start. Output keeps the console's spacing
 * (`浙江省 杭州市`); municipalities give `上海市`. Null when no province is recognised.
 */

const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建',
  '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海',
  '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
];
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);
// A province starts a comma-separated part of the address (after the name and phone parts).
const PROVINCE = new RegExp(
  `(?:^|[，,]\\s*)(${PROVINCES.join('|')})(省|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|市)?`,
  'g',
);
// A city is short, ends with one of these, and never contains masking stars or digits.
const CITY = /^(\s*)([^\s*，,；;\d]{1,12}?(?:自治州|地区|盟|市))/;

export function receiverRegion(address: string): string | null {
  const text = address.replace(/\s+/g, ' ').trim();
  // A masked receiver name may itself start like a province (`吉林**`): try each candidate in turn.
  for (const province of text.matchAll(PROVINCE)) {
    const short = province[1]!;
    const suffix = province[2] ?? '';
    const after = text.slice((province.index ?? 0) + province[0].length);
    if (MUNICIPALITIES.has(short)) {
      // `上海市 …` or `上海 上海市 …`; a bare `上海` glued to other text is not an address part.
      if (suffix || /^\s/.test(after)) return `${short}市`;
      continue;
    }
    if (suffix === '市') continue;
    const city = CITY.exec(after);
    if (city) return `${short}${suffix}${city[1] ? ' ' : ''}${city[2]}`;
    if (suffix) return `${short}${suffix}`;
  }
  return null;
}
