import { type FakeFarm, payouts, recvHistory, satsToBtc, subTotals, workerReading } from './fake-farm';

type Result = { ok: true; data: unknown } | { ok: false; code: number; message: string };
const bad = (message: string): Result => ({ ok: false, code: -2, message });

/** The rows of page `page`, with Antpool's quirk: a short page reports page 1 whatever was asked. */
function paged<T>(items: T[], form: URLSearchParams) {
  const pageSize = Number(form.get('pageSize') ?? 10);
  const page = Math.max(1, Number(form.get('page') ?? 1));
  const rows = items.slice((page - 1) * pageSize, page * pageSize);
  return { page: rows.length < pageSize ? 1 : page, totalPage: Math.max(1, Math.ceil(items.length / pageSize)), pageSize, totalRecord: items.length, rows };
}

function validPageSize(form: URLSearchParams): boolean {
  const n = Number(form.get('pageSize') ?? 10);
  return Number.isInteger(n) && n >= 1 && n <= 50;
}

/** Answers one authenticated call for `userId` at time `t`, as Antpool shapes it. */
export function handleEndpoint(farm: FakeFarm, endpoint: string, userId: string, form: URLSearchParams, t: number): Result {
  const coinParam = endpoint === 'userWorkerList' || endpoint === 'userHashrateChart' ? 'coinType' : 'coin';
  if (form.get(coinParam) !== 'BTC') return bad(`${coinParam} required`);
  const subs = userId === farm.mainUserId ? farm.subs : farm.subs.filter((s) => s.userId === userId);
  const sumTotals = () => subs.map((s) => subTotals(farm, s, t)).reduce(
    (a, b) => ({ hs10m: a.hs10m + b.hs10m, hs1h: a.hs1h + b.hs1h, hs1d: a.hs1d + b.hs1d, total: a.total + b.total, active: a.active + b.active, inactive: a.inactive + b.inactive }),
    { hs10m: 0, hs1h: 0, hs1d: 0, total: 0, active: 0, inactive: 0 },
  );
  const money = () => {
    const recv = subs.flatMap((s) => recvHistory(farm, s, t));
    const paid = subs.flatMap((s) => payouts(farm, s, t));
    const earnTotal = recv.reduce((s, d) => s + d.fppsBlockSats + d.fppsFeeSats, 0);
    const paidOut = paid.reduce((s, p) => s + p.amountSats, 0);
    const yesterday = recv.filter((d) => d.dayStartMs === recv[0]?.dayStartMs).reduce((s, d) => s + d.fppsBlockSats + d.fppsFeeSats, 0);
    return { recv, paid, earnTotal, paidOut, yesterday };
  };

  switch (endpoint) {
    case 'poolStats':
      return { ok: true, data: { poolHashrate: String(Math.round(1.9e20 * (0.98 + ((t / 600_000) % 7) / 150))), activeWorkerNumber: 812_345, networkDiff: '126982285146989', estimateTime: '600', currentRound: '0' } };
    case 'account': {
      const { earnTotal, paidOut, yesterday } = money();
      return {
        ok: true,
        data: { earn24Hours: satsToBtc(yesterday), earnTotal: satsToBtc(earnTotal), paidOut: satsToBtc(paidOut), balance: satsToBtc(earnTotal - paidOut), settleTime: new Date(Math.floor(t / 86_400_000) * 86_400_000).toISOString() },
      };
    }
    case 'hashrate': {
      const totals = sumTotals();
      return {
        ok: true,
        data: { last10m: String(totals.hs10m / 1e6), last30m: String(totals.hs10m / 1e6), last1h: String(totals.hs1h / 1e6), last1d: String(totals.hs1d / 1e6), unit: 'MH/s', totalWorkers: totals.total, activeWorkers: totals.active },
      };
    }
    case 'accountOverview': {
      const totals = sumTotals();
      const { earnTotal, paidOut, yesterday } = money();
      return {
        ok: true,
        data: {
          hsLast10m: String(totals.hs10m), hsLast1h: String(totals.hs1h), hsLast1d: String(totals.hs1d),
          totalAmount: satsToBtc(earnTotal), unpaidAmount: satsToBtc(earnTotal - paidOut), yesterdayAmount: satsToBtc(yesterday),
          totalWorkerNum: totals.total, activeWorkerNum: totals.active, inactiveWorkerNum: totals.inactive, invalidWorkerNum: 0, userId,
        },
      };
    }
    case 'userWorkerList': {
      if (!validPageSize(form)) return bad('pageSize must be 1..50');
      const status = Number(form.get('workerStatus') ?? 0);
      const names = subs.flatMap((s) => s.workers);
      const rows = names
        .map((w) => ({ w, r: workerReading(farm, w, t) }))
        .filter(({ r }) => status === 0 || (status === 1 && r.online) || (status === 2 && !r.online))
        .map(({ w, r }) => ({
          workerId: w, hsLast10min: String(r.hs10m), hsLast1h: String(r.hs1h), hsLast1d: String(r.hs1d),
          rejectRatio: r.rejectRatio.toFixed(4), shareLastTime: String(r.lastShareMs),
        }));
      return { ok: true, data: { result: paged(rows, form) } };
    }
    case 'paymentHistoryV2': {
      if (!validPageSize(form)) return bad('pageSize must be 1..50');
      const type = form.get('type');
      const { recv, paid } = money();
      if (type === 'payout') {
        const rows = paid.sort((a, b) => b.paidMs - a.paidMs).map((p) => ({ id: p.id, timestamp: new Date(p.paidMs).toISOString(), walletAddress: p.walletAddress, txId: p.txId, amount: satsToBtc(p.amountSats) }));
        return { ok: true, data: paged(rows, form) };
      }
      if (type === 'recv') {
        const rows = recv.map((d) => ({
          timestamp: new Date(d.dayStartMs).toISOString(), hashrate: String(d.hashrateHs), ppsAmount: satsToBtc(d.ppsSats), pplnsAmount: satsToBtc(d.pplnsSats),
          fppsBlockAmount: satsToBtc(d.fppsBlockSats), fppsFeeAmount: satsToBtc(d.fppsFeeSats), soloAmount: '0.00000000',
        }));
        return { ok: true, data: paged(rows, form) };
      }
      return bad('type must be payout or recv');
    }
    case 'userHashrateChart': {
      const type = Number(form.get('type'));
      const step = type === 1 ? 600_000 : type === 2 ? 3_600_000 : type === 3 ? 86_400_000 : 0;
      if (!step) return bad('type must be 1, 2 or 3');
      const base = sumTotals().hs1d / 1e12;
      const list = Array.from({ length: type === 3 ? 30 : type === 2 ? 48 : 144 }, (_, i) => {
        const at = Math.floor(t / step) * step - i * step;
        return { date: at, speed: +(base * (0.97 + (((at / step) * 2654435761) % 1000) / 16_000)).toFixed(2) };
      }).reverse();
      return { ok: true, data: { poolSpeedBeanList: list, unit: 'TH/s' } };
    }
    default:
      return { ok: false, code: -1, message: `unknown endpoint ${endpoint}` };
  }
}
