import { signedIn } from '../helpers/signed-in';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { poolAccounts, poolPaymentHistory } from '@/db/schema';
import { seedMarketHistory } from '@/db/seed/market';
import { AppError } from '@/lib/core/errors';
import type { Role } from '@/lib/core/roles';
import { backtestXlsx } from '@/lib/treasury/backtest-export';
import { renderBacktestPdf } from '@/lib/treasury/backtest-pdf';
import { type BacktestResult, runTreasuryBacktest } from '@/lib/treasury/backtest-run';
import { backtestQuerySchema } from '@/lib/validation/treasury-backtest';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';
import { pdfText } from '../helpers/pdf';

const route = await import('@/app/api/treasury/backtest/export/route');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let userId: string;
let result: BacktestResult;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  await seedMarketHistory(db);
  const org = await makeOrg(db);
  orgId = org.id;
  const site = await makeSite(db, org.id);
  for (let i = 0; i < 3; i++) await makeMiner(db, { orgId, siteId: site.id });
  userId = (await makeUser(db, { orgId, role: 'OWNER' })).user.id;
  result = await runTreasuryBacktest(db, testActor(orgId, 'OWNER', userId).scope, backtestQuerySchema.parse({ startBtc: '1' }));
}, 120_000);
afterAll(() => drop());

describe('the treasury backtest over the stored history', () => {
  it('runs every template over 2024–2025 on the stored closes, and each one but hold trades', () => {
    expect(result.days).toHaveLength(731);
    expect(result.days[0]!.day).toBe('2024-01-01');
    // 2024-01-01's bundled close is $44,197.61.
    expect(result.days[0]!.closeCentsPerBtc).toBe(4_419_761);
    expect(result.prices).toEqual({ bundledDays: 731, fetchedDays: 0 });
    expect(result.usedFleet.reduce((s, f) => s + f.count, 0)).toBe(3);
    expect(result.runs).toHaveLength(7);
    for (const run of result.runs) expect(run.trades.length > 0, run.params.kind).toBe(run.params.kind !== 'hold');
    // The bundle has no fees for 2024-12-01 and 2025-08-05…10: carried and named, not invented.
    expect(result.feesCarried).toEqual([
      { from: '2024-12-01', to: '2024-12-01' },
      { from: '2025-08-05', to: '2025-08-10' },
    ]);
  });

  it('feels the halving of 2024-04-20 in the modelled production', () => {
    const mean = (from: string, to: string) => {
      const ds = result.days.filter((d) => d.day >= from && d.day <= to);
      return ds.reduce((s, d) => s + d.producedSats, 0) / ds.length;
    };
    // Ten days before and ten after (the halving day itself had 1,257 BTC of Runes fees, so it is left out).
    expect(mean('2024-04-24', '2024-05-03') / mean('2024-04-09', '2024-04-18')).toBeLessThan(0.65);
    expect(result.halvings).toEqual([{ height: 840_000, day: '2024-04-20' }]);
  });

  it('names the missing range rather than filling it', async () => {
    const q = backtestQuerySchema.parse({ from: '2025-12-01', to: '2026-02-03' });
    const err = await runTreasuryBacktest(db, testActor(orgId, 'OWNER', userId).scope, q).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('HISTORY_MISSING');
    // Bundled closes end 2026-01-06, the network history 2026-01-31.
    expect((err as AppError).details).toEqual({
      missing: [
        { kind: 'price', from: '2026-01-07', to: '2026-02-03' },
        { kind: 'network', from: '2026-02-01', to: '2026-02-03' },
      ],
    });
  });
});

describe('production from the pool data', () => {
  it("uses the pool's daily earnings, and names the days without any", async () => {
    const [acct] = await db.insert(poolAccounts).values({ orgId, label: 'Main', userId: 'main' }).returning();
    // 0.01 BTC recorded on 2024-04-01 (in two records) and 0.02 BTC on 04-02; nothing on 04-03.
    await db.insert(poolPaymentHistory).values([
      { accountId: acct!.id, kind: 'recv', paidAt: new Date('2024-04-01T00:00:00Z'), amountSats: 600_000 },
      { accountId: acct!.id, kind: 'recv', paidAt: new Date('2024-04-01T12:00:00Z'), amountSats: 400_000 },
      { accountId: acct!.id, kind: 'recv', paidAt: new Date('2024-04-02T00:00:00Z'), amountSats: 2_000_000 },
    ]);
    const scope = testActor(orgId, 'OWNER', userId).scope;
    const r = await runTreasuryBacktest(db, scope, backtestQuerySchema.parse({ from: '2024-04-01', to: '2024-04-02', production: 'pool' }));
    expect(r.days.map((d) => d.producedSats)).toEqual([1_000_000, 2_000_000]);
    const err = await runTreasuryBacktest(db, scope, backtestQuerySchema.parse({ from: '2024-04-01', to: '2024-04-04', production: 'pool' })).catch((e: unknown) => e);
    expect((err as AppError).details).toEqual({ missing: [{ kind: 'pool', from: '2024-04-03', to: '2024-04-04' }] });
  });
});

describe('exports', () => {
  it.each([
    ['en', 'Summary', 'Template', 'Hold', 'Treasury strategy backtest'],
    ['zh', '汇总', '模板', '持有', '资金策略回测'],
  ] as const)('%s: the workbook and the PDF read back', async (locale, sheet, header, hold, title) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await backtestXlsx(result, locale));
    expect(book.worksheets.map((w) => w.name)[0]).toBe(sheet);
    const summary = book.worksheets[0]!;
    expect(summary.getRow(1).getCell(1).value).toBe(header);
    expect(summary.getRow(2).getCell(1).value).toBe(hold);
    expect(summary.actualRowCount).toBe(8);
    // Equity at end of the hold row equals the run's, in USD.
    const equityCol = (summary.getRow(1).values as unknown[]).indexOf(locale === 'en' ? 'Equity at end' : '期末权益');
    expect(summary.getRow(2).getCell(equityCol).value).toBe(result.runs[0]!.equityCents.at(-1)! / 100);
    const daily = book.worksheets[1]!;
    expect(daily.actualRowCount).toBe(732);
    const trades = book.worksheets[2]!;
    expect(trades.actualRowCount - 1).toBe(result.runs.reduce((s, r) => s + r.trades.length, 0));

    const pdf = await renderBacktestPdf(result, locale);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    if (text !== null) {
      expect(text).toContain(title);
      expect(text).toContain(hold);
    }
  }, 60_000);
});

describe('the export route', () => {
  const ctx = { params: Promise.resolve({}) };
  const get = (q: string) => route.GET(new Request(`http://app.test/api/treasury/backtest/export?${q}`), ctx);
  const as = (role: Role) => void (signedIn.actor = testActor(orgId, role, userId));

  it.each([
    ['OWNER', 200],
    ['MINING_SITE_OWNER', 200],
    ['OPERATOR', 403],
    ['CLIENT', 403],
  ] as const)('%s gets %i', async (role, status) => {
    as(role);
    const res = await get('format=xlsx&from=2024-04-01&to=2024-04-30');
    expect(res.status).toBe(status);
  }, 60_000);

  it('answers a period past the history with 422 and a bad field with 400', async () => {
    as('OWNER');
    const missing = await get('format=pdf&from=2026-01-01&to=2026-01-10');
    expect(missing.status).toBe(422);
    expect(JSON.stringify(await missing.json())).toContain('HISTORY_MISSING');
    expect((await get('format=xlsx&ladder=lots')).status).toBe(400);
  }, 60_000);
});
