import type { Db } from '@/db/client';
import { listLedger, listWallets } from '@/db/queries/treasury/ledger';
import { getTreasuryPosition, type TreasuryPosition } from '@/db/queries/treasury/position';
import { getTreasurySettings } from '@/db/queries/treasury/writes';
import type { Scope } from '@/lib/core/scope';
import { usdToCents } from '@/lib/domain/treasury/ledger';
import type { CostMethod } from '@/lib/domain/treasury/lots';
import { treasurySummary, type TreasurySummary } from '@/lib/domain/treasury/summary';

/** The ledger never holds more for one organization in practice; an export past it would be cut silently, so it is refused. */
export const MAX_EXPORT_ROWS = 50_000;

export type TreasuryReport = {
  now: Date;
  method: CostMethod;
  price: { centsPerBtc: number; asOf: string; source: string; stale: boolean };
  position: TreasuryPosition;
  summary: TreasurySummary;
  settings: { coverMonths: number; runwayAlertMonths: number };
  entries: Awaited<ReturnType<typeof listLedger>>['rows'];
  wallets: Array<{ id: string; label: string; kind: string; sats: number }>;
};

/** Everything the exports show, from the same queries as the page, at one price. */
export async function loadTreasuryReport(db: Db, scope: Scope, o: { method: CostMethod; now: Date; market: { btcPriceUsd: number; asOf: string; sources: Record<string, string | undefined>; stale: boolean } }): Promise<TreasuryReport> {
  const [position, ledger, wallets, settings] = await Promise.all([getTreasuryPosition(db, scope, o.now), listLedger(db, scope, { page: 1, pageSize: MAX_EXPORT_ROWS }), listWallets(db, scope), getTreasurySettings(db, scope)]);
  const price = usdToCents(o.market.btcPriceUsd);
  const lots = o.method === 'average' ? position.average : position.fifo;
  return {
    now: o.now,
    method: o.method,
    price: { centsPerBtc: price, asOf: o.market.asOf, source: o.market.sources.price ?? '', stale: o.market.stale },
    position,
    summary: treasurySummary(position, lots, price, settings),
    settings,
    entries: ledger.rows,
    wallets: wallets.map((w) => ({ id: w.id, label: w.label, kind: w.kind, sats: position.byWallet[w.id] ?? 0 })),
  };
}
