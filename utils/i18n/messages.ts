import zh from '../../public/_locales/zh_CN/messages.json';
import en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof zh;
export type UiLang = 'zh' | 'en';

/** 'zh' unless the browser UI language (as `i18n.getUILanguage()` gives it) is something else. */
export function langOf(uiLanguage: string | undefined): UiLang {
  return !uiLanguage || uiLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A message of public/_locales in `lang`, zh_CN where the English file lacks it. */
export function messageIn(lang: UiLang, key: MessageKey): string {
  const messages: Record<string, { message: string }> = lang === 'zh' ? zh : en;
  return messages[key]?.message ?? zh[key].message;
}
