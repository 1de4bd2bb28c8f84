import { browser } from 'wxt/browser';
import { useDatabase } from '@/components/DatabaseGate';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { platformName } from '@/components/platform-names';
import { SITES } from '@/utils/sites/registry';

export function PopupApp() {
  const db = useDatabase();
  const counts = useLiveQuery(
    async () => {
      const perPlatform = await Promise.all(
        SITES.map(async (site) => [site.platform, await db.orders.where('platform').equals(site.platform).count()] as const),
      );
      return { total: await db.orders.count(), perPlatform };
    },
    [db],
  );
  const dashboardUrl = browser.runtime.getURL('/dashboard.html');
  return (
    <main className="popup">
      <header>
        <h1>OrderLens 订单透镜</h1>
        <a href={dashboardUrl} target="_blank" rel="noreferrer">
          打开仪表盘
        </a>
      </header>
      {counts.status === 'ready' && (
        <>
          <section className="tiles">
            <div className="tile" data-kpi="orders" data-value={counts.value.total}>
              <span className="tile-label">订单数</span>
              <span className="tile-value">{counts.value.total}</span>
            </div>
          </section>
          <ul className="per-platform">
            {counts.value.perPlatform.map(([platform, count]) => (
              <li key={platform} data-platform={platform} data-count={count}>
                <span>{platformName(platform)}</span>
                <span>{count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
