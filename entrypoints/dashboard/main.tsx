import { createRoot } from 'react-dom/client';
import { DatabaseGate } from '@/components/DatabaseGate';
import { lang, s } from '@/components/dashboard/strings';
import { DashboardApp } from './DashboardApp';
import '@/components/base.css';
import './dashboard.css';

document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
document.title = s('title');

createRoot(document.getElementById('root')!).render(
  <DatabaseGate>
    <DashboardApp />
  </DatabaseGate>,
);
