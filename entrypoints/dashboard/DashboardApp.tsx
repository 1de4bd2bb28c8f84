import { useState } from 'react';
import { OrdersView } from './OrdersView';
import { ParseHealthView } from './ParseHealthView';

const VIEWS = [
  { id: 'orders', label: '订单' },
  { id: 'parse-health', label: '解析健康' },
] as const;

type ViewId = (typeof VIEWS)[number]['id'];

export function DashboardApp() {
  const [view, setView] = useState<ViewId>(() => (location.hash === '#parse-health' ? 'parse-health' : 'orders'));
  return (
    <div className="dashboard">
      <header>
        <h1>OrderLens 仪表盘</h1>
        <nav role="tablist">
          {VIEWS.map((item) => (
            <button
              key={item.id}
              role="tab"
              aria-selected={view === item.id}
              data-view={item.id}
              onClick={() => {
                setView(item.id);
                history.replaceState(null, '', `#${item.id}`);
              }}
            >
              {item.label}
            </button>
          ))}
        </nav>
      </header>
      {view === 'orders' ? <OrdersView /> : <ParseHealthView />}
    </div>
  );
}
