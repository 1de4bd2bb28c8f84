/**
 * The province of a receiver region as the consoles print it (`浙江省杭州市`, `北京市`, `新疆维吾尔自治区乌鲁木齐市`,
 * `广西 南宁`): its short name, or undefined when the text starts with no province.
 */
const PROVINCES = [
  '黑龙江', '内蒙古', // three characters first, so they are not cut short
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '广西', '西藏',
  '宁夏', '新疆', '香港', '澳门',
] as const;

export type Province = (typeof PROVINCES)[number];

export function provinceOf(region: string | undefined): Province | undefined {
  const text = region?.trim().replace(/^中国\s*/, '');
  if (!text) return undefined;
  return PROVINCES.find((province) => text.startsWith(province));
}
