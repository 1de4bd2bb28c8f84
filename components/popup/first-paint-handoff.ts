/** Removes the popup's first paint (components/popup/first-paint.ts) and shows the app in its place. */
export function handOffFirstPaint(doc: Document = document): void {
  doc.getElementById('first-paint')?.remove();
  doc.getElementById('root')?.removeAttribute('hidden');
}
