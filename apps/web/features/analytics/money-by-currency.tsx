import { formatMoney } from '@/lib/event-format';

/**
 * Amounts in several currencies, one per line: they are never added up or converted. An empty
 * list (nothing sold) reads as a dash.
 */
export function MoneyByCurrency({ amounts }: { amounts: readonly { currency: string; amount: number }[] }) {
  if (amounts.length === 0) return <>—</>;
  if (amounts.length === 1) return <>{formatMoney(amounts[0]!.amount, amounts[0]!.currency)}</>;
  return (
    <span className="money-lines">
      {amounts.map((a) => (
        <span key={a.currency}>{formatMoney(a.amount, a.currency)}</span>
      ))}
    </span>
  );
}
