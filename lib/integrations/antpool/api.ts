import type { AntpoolClient, CallOptions } from './client';
import { AntpoolError } from './errors';
import { btcToSats, toHs, UNIT_HS } from './units';

export const PAGE_SIZE = 50;

type Page<T> = { page?: number; totalPage?: number; pageSize?: number; totalRecord?: number; rows?: T[] };

/**
 * Every row of a paged endpoint. Antpool's `page` field is not trusted (a short page reads 1
 * whatever was asked): totalPage from the first reply decides how many to ask for, and a short
 * page ends the walk early.
 */
export async function allPages<T>(fetchPage: (page: number) => Promise<Page<T>>, maxPages = 1000): Promise<{ rows: T[]; totalRecord: number; pages: number }> {
  const first = await fetchPage(1);
  const rows = [...(first.rows ?? [])];
  const totalPage = Math.min(maxPages, Math.max(1, Number(first.totalPage ?? 1)));
  let pages = 1;
  for (let p = 2; p <= totalPage && (first.rows?.length ?? 0) >= PAGE_SIZE; p++) {
    const next = await fetchPage(p);
    pages++;
    rows.push(...(next.rows ?? []));
    if ((next.rows?.length ?? 0) < PAGE_SIZE) break;
  }
  return { rows, totalRecord: Number(first.totalRecord ?? rows.length), pages };
}

export type WorkerRow = { workerName: string; hs10m: string; hs1h: string; hs1d: string; rejectRatio: string | null; lastShareAt: Date | null };

/** The API's ways of spelling the coin differ per call (REFERENCE §4). */
export function antpoolApi(client: AntpoolClient, coin = 'BTC') {
  return {
    poolStats: async (o?: CallOptions) => {
      const d = await client.call<{ poolHashrate: string; activeWorkerNumber: number; networkDiff?: string }>('poolStats', { coin }, o);
      return { poolHashrateHs: toHs(d.poolHashrate), activeWorkerNumber: Number(d.activeWorkerNumber ?? 0), networkDiff: d.networkDiff ? toHs(d.networkDiff) : null };
    },
    account: async (userId: string, o?: CallOptions) => {
      const d = await client.call<{ earn24Hours: string; earnTotal: string; paidOut: string; balance: string; settleTime?: string }>('account', { coin, userId }, o);
      return {
        earn24hSats: btcToSats(d.earn24Hours), earnTotalSats: btcToSats(d.earnTotal), paidOutSats: btcToSats(d.paidOut), balanceSats: btcToSats(d.balance),
        settleTime: d.settleTime && !Number.isNaN(Date.parse(d.settleTime)) ? new Date(d.settleTime) : null,
      };
    },
    overview: async (userId: string, o?: CallOptions) => {
      const d = await client.call<Record<string, string | number>>('accountOverview', { coin, userId }, o);
      return {
        hs10m: toHs(d.hsLast10m), hs1h: toHs(d.hsLast1h), hs1d: toHs(d.hsLast1d),
        totalWorkers: Number(d.totalWorkerNum ?? 0), activeWorkers: Number(d.activeWorkerNum ?? 0), inactiveWorkers: Number(d.inactiveWorkerNum ?? 0), invalidWorkers: Number(d.invalidWorkerNum ?? 0),
      };
    },
    hashrate: async (userId: string, o?: CallOptions) => {
      const d = await client.call<Record<string, string | number>>('hashrate', { coin, userId }, o);
      const unit = UNIT_HS[String(d.unit ?? 'MH/s')] ?? 1e6;
      return { hs10m: toHs(d.last10m, unit), hs1h: toHs(d.last1h, unit), hs1d: toHs(d.last1d, unit), totalWorkers: Number(d.totalWorkers ?? 0), activeWorkers: Number(d.activeWorkers ?? 0) };
    },
    /** workerStatus: 0 all, 1 online, 2 offline, 3 invalid. */
    workers: async (userId: string, workerStatus: 0 | 1 | 2 | 3 = 0, o?: CallOptions) => {
      const { rows, totalRecord, pages } = await allPages<Record<string, string>>(async (page) => {
        const d = await client.call<{ result?: Page<Record<string, string>> }>('userWorkerList', { coinType: coin, userId, workerStatus, page, pageSize: PAGE_SIZE }, o);
        if (!d?.result) throw new AntpoolError('malformed', 'userWorkerList without result');
        return d.result;
      });
      const workers: WorkerRow[] = rows.map((r) => ({
        workerName: String(r.workerId), hs10m: toHs(r.hsLast10min), hs1h: toHs(r.hsLast1h), hs1d: toHs(r.hsLast1d),
        rejectRatio: r.rejectRatio ?? null, lastShareAt: r.shareLastTime && Number(r.shareLastTime) > 0 ? new Date(Number(r.shareLastTime)) : null,
      }));
      return { workers, totalRecord, pages };
    },
    recv: async (userId: string, maxPages = 2, o?: CallOptions) => {
      const { rows } = await allPages<Record<string, string>>((page) => client.call('paymentHistoryV2', { coin, userId, type: 'recv', page, pageSize: PAGE_SIZE }, o), maxPages);
      return rows.map((r) => ({
        paidAt: new Date(r.timestamp!), hashrate: toHs(r.hashrate), ppsSats: btcToSats(r.ppsAmount), pplnsSats: btcToSats(r.pplnsAmount),
        fppsBlockSats: btcToSats(r.fppsBlockAmount), fppsFeeSats: btcToSats(r.fppsFeeAmount),
        amountSats: btcToSats(r.ppsAmount) + btcToSats(r.pplnsAmount) + btcToSats(r.fppsBlockAmount) + btcToSats(r.fppsFeeAmount) + btcToSats(r.soloAmount),
      }));
    },
    payouts: async (userId: string, maxPages = 2, o?: CallOptions) => {
      const { rows } = await allPages<Record<string, string>>((page) => client.call('paymentHistoryV2', { coin, userId, type: 'payout', page, pageSize: PAGE_SIZE }, o), maxPages);
      return rows.map((r) => ({ externalId: String(r.id), paidAt: new Date(r.timestamp!), amountSats: btcToSats(r.amount), txId: r.txId ?? null, walletAddress: r.walletAddress ?? null }));
    },
  };
}
export type AntpoolApi = ReturnType<typeof antpoolApi>;
