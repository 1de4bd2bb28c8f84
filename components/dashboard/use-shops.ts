import { useDatabase } from '@/components/DatabaseGate';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { readRollups } from '@/utils/db/read-kpis';
import { dayRange } from '@/utils/kpi/date-ranges';

/** Shops per platform, from the rollups (a few rows per day and shop, never the orders table). */
export function useShops() {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const byPlatform = new Map<string, Set<string>>();
    for (const row of await readRollups(db, { range: dayRange('all', Date.now()) })) {
      if (row.created <= 0) continue;
      const shops = byPlatform.get(row.platform) ?? new Set<string>();
      shops.add(row.shop);
      byPlatform.set(row.platform, shops);
    }
    return new Map([...byPlatform].map(([platform, shops]) => [platform, [...shops].sort((a, b) => a.localeCompare(b, 'zh-CN'))]));
  }, [db]);
}
