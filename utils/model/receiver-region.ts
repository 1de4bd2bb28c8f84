/**
 * Province + city at the start of a displayed (masked) receiver address, never the street:
 * `浙江省杭州市西湖区***` → `浙江省杭州市`, JD's `陕西安康市紫阳县****` → `陕西安康市`, `北京市朝阳区***` →
 * `北京市`, `浙江省 杭州市` → `浙江省杭州市` (one spelling on every console, so the dashboard groups them), or null
 * when the address does not start with a known province — a region is left out rather than guessed.
 *
 * Used by the 抖店 and 京东 readers; 千牛's `name，phone，address` line: receiverRegionAfterContact below.
 */

const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建',
  '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海',
  '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
];
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);

const PROVINCE_SUFFIX = '(?:省|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?';
const PROVINCE_AT_START = new RegExp(`^(${PROVINCES.join('|')})${PROVINCE_SUFFIX}`);
// A city name is short and ends with one of these; masked characters (*) never belong to it.
const CITY_AT_START = /^\s*([^\s*，,；;\d]{1,12}?(?:自治州|地区|盟|市))/;

export function receiverRegion(address: string): string | null {
  const text = address.replace(/\s+/g, ' ').trim();
  const province = PROVINCE_AT_START.exec(text);
  if (!province) return null;
  const short = province[1]!;
  if (MUNICIPALITIES.has(short)) return `${short}市`;
  const provinceText = province[0];
  const city = CITY_AT_START.exec(text.slice(provinceText.length));
  if (!city) return provinceText.length > short.length ? provinceText : null;
  // one spelling whatever the console prints between them (千牛/拼多多 `浙江省 杭州市`, 抖店 `浙江省杭州市`)
  return `${provinceText}${city[1]}`;
}

// The parts of a contact line (`name，phone，address，zip`).
const CONTACT_PARTS = /[，,]\s*/;

/**
 * The region of an address printed after the receiver's name and phone, parts separated by commas, as
 * 千牛 prints it: `王**，86-1**********，浙江省 杭州市 西湖区 文三路****号 ，000000` → `浙江省杭州市`. The first
 * part that reads as an address counts: a masked name may start like a province (`吉林**`, `上海**`), so a
 * municipality needs its 市 or a space after it, and a province must be followed by its city or carry its
 * suffix (`吉林市` is a city, not the province). Null when no part does.
 */
export function receiverRegionAfterContact(line: string): string | null {
  const text = line.replace(/\s+/g, ' ').trim();
  for (const part of text.split(CONTACT_PARTS)) {
    const province = PROVINCE_AT_START.exec(part);
    if (!province) continue;
    const rest = part.slice(province[0].length);
    if (MUNICIPALITIES.has(province[1]!)) {
      if (rest.startsWith('市') || rest.startsWith(' ')) return `${province[1]}市`;
      continue;
    }
    if (rest.startsWith('市')) continue;
    const region = receiverRegion(part);
    if (region) return region;
  }
  return null;
}
