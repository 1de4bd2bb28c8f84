const PROVINCES = [
  '北京市', '天津市', '上海市', '重庆市', '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省',
  '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '海南省', '四川省', '贵州省',
  '云南省', '陕西省', '甘肃省', '青海省', '台湾省', '内蒙古自治区', '广西壮族自治区', '西藏自治区',
  '宁夏回族自治区', '新疆维吾尔自治区', '香港特别行政区', '澳门特别行政区',
];
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市', '香港特别行政区', '澳门特别行政区']);
const PROVINCE_CITY = new RegExp(`(${PROVINCES.join('|')})\\s*([\\u4e00-\\u9fa5]{1,10}?(?:市|自治州|地区|盟))?`);

/**
 * Province and city of a printed address (`广东省 深圳市 南山区 ****` → `广东省深圳市`; a municipality gives
 * itself: `北京市`). Never the district or street. Null when no province is printed.
 */
export function provinceCity(text: string): string | null {
  const match = text.match(PROVINCE_CITY);
  if (!match) return null;
  const province = match[1]!;
  const city = match[2];
  if (MUNICIPALITIES.has(province) || !city) return province;
  return `${province}${city}`;
}
