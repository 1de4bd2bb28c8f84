import { storage } from '#imports';
import { DEFAULT_TEMPLATES, type ReminderTemplate } from './default-templates';

export interface RemindSettings {
  /** No second reminder of an order within this many hours. */
  cooldownHours: number;
  templates: ReminderTemplate[];
  /** platform → template id used by 催付 on that platform's rows (default: the first Chinese one). */
  templateByPlatform: Record<string, string>;
  /** The coupon text offered by `{优惠券}`. */
  coupon: string;
}

export const DEFAULT_REMIND_SETTINGS: RemindSettings = {
  cooldownHours: 12,
  templates: [...DEFAULT_TEMPLATES],
  templateByPlatform: {},
  coupon: '',
};

/** Versioned WXT storage item; add `migrations: { 2: (v1) => … }` when the shape changes. */
export const remindSettingsItem = storage.defineItem<RemindSettings>('local:remindSettings', {
  fallback: DEFAULT_REMIND_SETTINGS,
  version: 1,
});

export function templateFor(settings: RemindSettings, platform: string): ReminderTemplate {
  const chosen = settings.templates.find((template) => template.id === settings.templateByPlatform[platform]);
  return chosen ?? settings.templates.find((template) => template.lang === 'zh') ?? settings.templates[0] ?? DEFAULT_TEMPLATES[0]!;
}
