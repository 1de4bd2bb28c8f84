import { createRoot } from 'react-dom/client';
import { DatabaseGate } from '@/components/DatabaseGate';
import { PopupApp } from './PopupApp';
import '@/components/base.css';
import './popup.css';

createRoot(document.getElementById('root')!).render(
  <DatabaseGate>
    <PopupApp />
  </DatabaseGate>,
);
