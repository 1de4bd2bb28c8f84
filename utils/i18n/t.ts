import zh from '../../public/_locales/zh_CN/messages.json';
import en from '../../public/_locales/en/messages.json';
import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof zh;

/** 'zh' unless the browser UI language is something else. */
export function uiLang(): 'zh' | 'en' {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh' : 'en';
  } catch {
    return 'zh';
  }
}

/**
 * UI text from public/_locales (zh_CN first, en) in the language of uiLang(). Not i18n.getMessage: headless
 * Chromium answers it in en_US while getUILanguage() says zh-CN, and every page must speak one language.
 */
export function t(key: MessageKey): string {
  const messages: Record<string, { message: string }> = uiLang() === 'zh' ? zh : en;
  return messages[key]?.message ?? zh[key].message;
}
