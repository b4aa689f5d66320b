import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { money } from '../admin/menu/menu-api';
import type { AnalyticsToday } from './analytics-api';

/** Best sellers today by portions; the tooltip adds their revenue. */
export function TopItemsChart({ items }: { items: AnalyticsToday['topItems'] }) {
  if (items.length === 0) return <p className="muted chart__empty">No orders yet today.</p>;
  const data = items.map((i) => ({ ...i, revenueNumber: Number(i.revenue) }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
        <CartesianGrid horizontal={false} stroke="#eceff3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value, _name, entry) => [`${value} portions · ${money((entry.payload as { revenueNumber: number }).revenueNumber)}`, 'Sold']} />
        <Bar dataKey="quantity" fill="#1f5fbf" radius={[0, 4, 4, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
