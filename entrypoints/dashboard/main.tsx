import { createRoot } from 'react-dom/client';
import { DatabaseGate } from '@/components/DatabaseGate';
import { DashboardApp } from './DashboardApp';
import '@/components/base.css';
import './dashboard.css';

createRoot(document.getElementById('root')!).render(
  <DatabaseGate>
    <DashboardApp />
  </DatabaseGate>,
);
