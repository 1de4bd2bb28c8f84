import '@/components/base.css';
import './popup.css';
import { handOffFirstPaint } from '@/components/popup/first-paint-handoff';

// The app loads once the first paint is on screen (popup-first-paint.js): evaluating React while the first
// figures are read would hold them back. Without a first paint (no database yet) the app shows at once.
const firstPaint = (globalThis as { __olFirstPaint?: Promise<boolean> }).__olFirstPaint ?? Promise.resolve(false);
const waitAtMost = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000));
void Promise.race([firstPaint, waitAtMost]).then(async (painted) => {
  if (!painted) handOffFirstPaint();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const { mountPopup } = await import('./mount-popup');
  mountPopup(document.getElementById('root')!);
  // the app hands off when its tiles are ready; whatever happens, never keep the first paint for long
  setTimeout(handOffFirstPaint, 5000);
});
