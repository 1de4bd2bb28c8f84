import { browser } from 'wxt/browser';
import zh from '../../public/_locales/zh_CN/messages.json';

export type MessageKey = keyof typeof zh;

/**
 * UI text in the browser's language (public/_locales: zh_CN first, en), with the Chinese text as the
 * fallback where the i18n API is unavailable (unit tests).
 */
export function t(key: MessageKey): string {
  try {
    const text = browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0]);
    if (text) return text;
  } catch {
    // fall through
  }
  return zh[key].message;
}

/** 'zh' unless the browser UI language is something else. */
export function uiLang(): 'zh' | 'en' {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh' : 'en';
  } catch {
    return 'zh';
  }
}
