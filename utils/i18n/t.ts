import { browser } from 'wxt/browser';
import { langOf, messageIn, type MessageKey } from './messages';

export type { MessageKey } from './messages';

/** 'zh' unless the browser UI language is something else. */
export function uiLang(): 'zh' | 'en' {
  try {
    return langOf(browser.i18n.getUILanguage());
  } catch {
    return 'zh';
  }
}

/**
 * UI text from public/_locales (zh_CN first, en) in the language of uiLang(). Not i18n.getMessage: headless
 * Chromium answers it in en_US while getUILanguage() says zh-CN, and every page must speak one language.
 */
export function t(key: MessageKey): string {
  return messageIn(uiLang(), key);
}
