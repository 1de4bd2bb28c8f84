import { siteByPlatform } from '@/utils/sites/registry';

export function platformName(platform: string, lang: 'zh' | 'en' = 'zh'): string {
  const site = siteByPlatform(platform);
  if (!site) return platform;
  return lang === 'zh' ? site.nameZh : site.nameEn;
}
