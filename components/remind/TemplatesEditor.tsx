import { useEffect, useMemo, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { platformName } from '@/components/platform-names';
import type { ReminderTemplate } from '@/utils/remind/default-templates';
import { fillTemplate, TEMPLATE_VARIABLES, type ReminderFacts } from '@/utils/remind/fill-template';
import { DEFAULT_REMIND_SETTINGS, remindSettingsItem, type RemindSettings } from '@/utils/remind/remind-settings';
import { SITES } from '@/utils/sites/registry';

const SAMPLE: ReminderFacts = {
  buyer: '小明',
  items: [{ title: '纯棉短袖T恤 男款 夏季宽松' }],
  amountCents: 5990,
  createdAt: Date.parse('2026-05-13T09:05:00+08:00'),
  payDeadlineAt: Date.parse('2026-05-13T09:35:00+08:00'),
  shop: '山野好物旗舰店',
  orderId: '4934071258846137421',
};

/** 催付模板: per-platform choice, variables, live preview on the newest unpaid order, cooldown and coupon. */
export function TemplatesEditor() {
  const db = useDatabase();
  const [settings, setSettings] = useState<RemindSettings | null>(null);
  const [selectedId, setSelectedId] = useState<string>('zh-default');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void remindSettingsItem.getValue().then(setSettings);
  }, []);
  const newestUnpaid = useLiveQuery(
    () => db.orders.where('[status+createdAt]').between(['unpaid', -Infinity], ['unpaid', Infinity]).last(),
    [db],
  );
  const facts: ReminderFacts = useMemo(() => {
    const order = newestUnpaid.status === 'ready' ? newestUnpaid.value : undefined;
    if (!order) return SAMPLE;
    return { ...order, items: order.items, coupon: settings?.coupon || undefined };
  }, [newestUnpaid, settings?.coupon]);
  if (!settings) return null;
  const selected = settings.templates.find((template) => template.id === selectedId) ?? settings.templates[0];
  const update = (next: RemindSettings) => {
    setSettings(next);
    setSaved(false);
  };
  const updateTemplate = (patch: Partial<ReminderTemplate>) =>
    selected && update({ ...settings, templates: settings.templates.map((template) => (template.id === selected.id ? { ...template, ...patch } : template)) });
  const addTemplate = () => {
    const id = `custom-${Date.now()}`;
    update({ ...settings, templates: [...settings.templates, { id, name: '新模板', lang: 'zh', text: '{买家}您好，您拍下的「{商品}」还未付款哦～' }] });
    setSelectedId(id);
  };
  const removeTemplate = () => {
    if (!selected || settings.templates.length <= 1) return;
    update({ ...settings, templates: settings.templates.filter((template) => template.id !== selected.id) });
    setSelectedId(settings.templates[0]!.id);
  };
  return (
    <section data-view="templates" className="templates">
      <h2>催付模板</h2>
      <div className="templates-grid">
        <div>
          <label>
            模板
            <select value={selected?.id} onChange={(event) => setSelectedId(event.target.value)} data-field="template">
              {settings.templates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}（{template.lang === 'zh' ? '中文' : 'English'}）
                </option>
              ))}
            </select>
          </label>
          {selected && (
            <>
              <label>
                名称
                <input value={selected.name} onChange={(event) => updateTemplate({ name: event.target.value })} />
              </label>
              <label>
                语言
                <select value={selected.lang} onChange={(event) => updateTemplate({ lang: event.target.value as 'zh' | 'en' })}>
                  <option value="zh">中文</option>
                  <option value="en">English</option>
                </select>
              </label>
              <label>
                内容
                <textarea rows={5} value={selected.text} onChange={(event) => updateTemplate({ text: event.target.value })} data-field="template-text" />
              </label>
              <p className="hint">
                可用变量：
                {TEMPLATE_VARIABLES.map((name) => (
                  <button key={name} type="button" className="chip" onClick={() => updateTemplate({ text: `${selected.text}{${name}}` })}>
                    {`{${name}}`}
                  </button>
                ))}
              </p>
            </>
          )}
          <button type="button" onClick={addTemplate}>
            新建模板
          </button>{' '}
          <button type="button" onClick={removeTemplate} disabled={settings.templates.length <= 1}>
            删除此模板
          </button>
        </div>
        <div>
          <h3>预览</h3>
          <p className="preview" data-preview>
            {selected ? fillTemplate(selected.text, facts, selected.lang) : ''}
          </p>
          <h3>各平台使用的模板</h3>
          {SITES.map((site) => (
            <label key={site.platform}>
              {platformName(site.platform)}
              <select
                value={settings.templateByPlatform[site.platform] ?? ''}
                onChange={(event) => update({ ...settings, templateByPlatform: { ...settings.templateByPlatform, [site.platform]: event.target.value } })}
              >
                <option value="">默认（{settings.templates[0]?.name}）</option>
                {settings.templates.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label>
            冷却时间（小时内不重复催付）
            <input
              type="number"
              min={0}
              max={168}
              value={settings.cooldownHours}
              data-field="cooldown"
              onChange={(event) => update({ ...settings, cooldownHours: Math.max(0, Math.min(168, Number(event.target.value) || 0)) })}
            />
          </label>
          <label>
            优惠券（{'{优惠券}'}）
            <input value={settings.coupon} placeholder="例如：满99减10 券码 SUMMER10" onChange={(event) => update({ ...settings, coupon: event.target.value })} />
          </label>
        </div>
      </div>
      <button
        type="button"
        className="primary"
        data-action="save-templates"
        onClick={() => void remindSettingsItem.setValue(settings).then(() => setSaved(true))}
      >
        保存
      </button>{' '}
      <button type="button" onClick={() => update(DEFAULT_REMIND_SETTINGS)}>
        恢复默认
      </button>
      {saved && <span role="status"> 已保存</span>}
    </section>
  );
}
