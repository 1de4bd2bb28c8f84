// The popup's baseline (issue 14): a bare extension page that opens the same `orderlens` database with raw
// IndexedDB, reads the rollup rows the popup's first tile reads (today's, then yesterday's for the delta)
// and writes one number as a [data-kpi][data-value] tile. Never part of the product's bundles: the bench
// bundles it and writes it into its own copy of the built extension (scripts/bench/bench-extension.mjs).
import { addDays, beijingDay } from '@/utils/kpi/beijing-day';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function paint(): Promise<void> {
  const db = await request(indexedDB.open('orderlens'));
  const today = beijingDay(Date.now());
  const days = db.transaction('rollups').objectStore('rollups').index('day');
  const [current] = await Promise.all([
    request(days.getAll(IDBKeyRange.only(today))),
    request(days.getAll(IDBKeyRange.only(addDays(today, -1)))),
  ]);
  let created = 0;
  for (const row of current as { created: number }[]) created += row.created;
  const tile = document.createElement('div');
  tile.setAttribute('data-kpi', 'orders');
  tile.setAttribute('data-value', String(created));
  tile.textContent = String(created);
  document.body.append(tile);
  db.close();
}

void paint();
