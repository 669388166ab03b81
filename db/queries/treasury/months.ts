import { sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { type MonthCostBasis, monthCostBasis } from '@/lib/domain/treasury/cost-basis';
import { type Db, queryRows } from '../../client';
import { monthlyFigures } from '../power/reports';
import { assertTreasuryScope } from './scope';

/*
 * A month's cost-basis inputs: energy cost summed over the organization's sites (power aggregates,
 * each site's local month), opex entered for the month, and BTC produced (the pool's daily earnings,
 * 'recv', in the UTC month). Months run from the first month with any of them to `now`'s month.
 */

const ym = (d: Date) => d.toISOString().slice(0, 7);

export async function costBasisMonths(db: Db, scope: Scope, now: Date): Promise<MonthCostBasis[]> {
  assertTreasuryScope(scope);
  const [produced, opex] = await Promise.all([
    queryRows<{ month: string; sats: number }>(
      db,
      sql`select to_char(date_trunc('month', p.paid_at at time zone 'UTC'), 'YYYY-MM') as month, sum(p.amount_sats)::float8 as sats
          from pool_payment_history p join pool_accounts a on a.id = p.account_id
          where a.org_id = ${scope.orgId} and p.kind = 'recv' and p.paid_at <= ${now.toISOString()}::timestamptz group by 1`,
    ),
    queryRows<{ month: string; cents: number }>(db, sql`select to_char(month, 'YYYY-MM') as month, sum(amount_cents)::float8 as cents from treasury_opex where org_id = ${scope.orgId} group by 1`),
  ]);
  const [firstEntry] = await queryRows<{ month: string | null }>(db, sql`select to_char(min(occurred_at) at time zone 'UTC', 'YYYY-MM') as month from treasury_entries where org_id = ${scope.orgId}`);
  const candidates = [...produced.map((r) => r.month), ...opex.map((r) => r.month), firstEntry?.month].filter((m): m is string => !!m && m <= ym(now));
  if (!candidates.length) return [];
  const fromMonth = candidates.reduce((a, b) => (a < b ? a : b));
  const energy = await monthlyFigures(db, scope, { by: 'site', fromMonth, toMonth: ym(now) });
  const energyBy = new Map<string, number>();
  for (const r of energy) if (r.costCents !== null) energyBy.set(r.month, (energyBy.get(r.month) ?? 0) + r.costCents);
  const producedBy = new Map(produced.map((r) => [r.month, Number(r.sats)]));
  const opexBy = new Map(opex.map((r) => [r.month, Number(r.cents)]));
  const out: MonthCostBasis[] = [];
  for (let m = fromMonth; m <= ym(now); m = nextMonth(m)) {
    out.push(monthCostBasis({ month: m, energyCents: energyBy.get(m) ?? null, opexCents: opexBy.get(m) ?? null, producedSats: producedBy.get(m) ?? null }));
  }
  return out;
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
