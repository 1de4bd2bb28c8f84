import { createRoot } from 'react-dom/client';
import { DatabaseGate } from '@/components/DatabaseGate';
import { PopupApp } from './PopupApp';

export function mountPopup(root: HTMLElement): void {
  createRoot(root).render(
    <DatabaseGate>
      <PopupApp />
    </DatabaseGate>,
  );
}
