import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getTreasuryPosition } from '@/db/queries/treasury/position';
import { formatUsdFromCents } from '@/lib/format';
import { buildReport, renderReport } from '@/lib/reports/build';
import { createTestDb } from '../helpers/db';
import { pdfText } from '../helpers/pdf';
import { seedTreasuryLedger, treasuryFarm } from '../treasury/treasury-fixture';

const NOW = new Date('2026-12-07T12:00:00Z');
let db: Db;
let drop: () => Promise<void>;
let farm: Awaited<ReturnType<typeof treasuryFarm>>;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  farm = await treasuryFarm(db);
  await seedTreasuryLedger(db, farm, NOW);
});
afterAll(async () => drop());

/*
 * The treasury test farm (tests/treasury/treasury.test.ts has the working): for November the ledger
 * as of 30 Nov 23:59:59 — 0.35 BTC held at a FIFO cost of 875,000 ¢, plus the mistaken 1 BTC inflow of
 * 10 Nov, not reversed until December, a November lot at 2,500,000 ¢ → 1.35 BTC, 3,375,000 ¢; realised 2,120,000 ¢; cash
 * 1,000,000 + 3,145,000 = 4,145,000 ¢ (the 300,000 ¢ out is on 1 Dec); costs October 1,500,000 ¢ over
 * 0.5 BTC = 3,000,000 ¢/BTC, November 1,000,000 ¢ over 0.4 BTC = 2,500,000 ¢/BTC.
 */
describe('treasury report', () => {
  it("November's report: the ledger at the month's end, as /treasury's position reads it", async () => {
    const m = await buildReport(db, farm.scope, 'treasury', { month: '2026-11', locale: 'en', now: NOW });
    const p = await getTreasuryPosition(db, farm.scope, new Date('2026-11-30T23:59:59.999Z'));
    expect(m.summary.map((s) => s.value)).toEqual([135_000_000, 4_145_000, 3_375_000, 2_120_000, p.monthlyOpexCents]);
    expect(m.summary.slice(0, 4).map((s) => s.value)).toEqual([p.holdingsSats, p.cashCents, p.fifo.costCents, p.fifo.realisedPnlCents]);
    const [costs, lots] = m.tables;
    expect(costs!.rows).toEqual([
      ['2026-10', 1_000_000, 500_000, 50_000_000, 1_500_000, 3_000_000],
      ['2026-11', 800_000, 200_000, 40_000_000, 1_000_000, 2_500_000],
    ]);
    expect(costs!.totals).toEqual([null, 1_800_000, 700_000, 90_000_000, 2_500_000, null]);
    expect(lots!.totals).toEqual([null, 135_000_000, 3_375_000]);
  });

  it('writes the same figures to the spreadsheet (SUM formulas) and the PDF, in both languages', async () => {
    const m = await buildReport(db, farm.scope, 'treasury', { month: '2026-11', locale: 'zh', now: NOW });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReport(m, 'xlsx')) as unknown as ArrayBuffer);
    const values = wb.worksheets.flatMap((ws) => {
      const out: unknown[] = [];
      ws.eachRow((r) => r.eachCell((c) => out.push(typeof c.value === 'object' && c.value && 'result' in c.value ? c.value.result : c.value)));
      return out;
    });
    // Total cost 2,500,000 ¢ = $25,000.00, stored as dollars or cents by the writer's unit.
    expect(values.some((v) => v === 25_000 || v === 2_500_000)).toBe(true);
    const text = await pdfText(await renderReport(await buildReport(db, farm.scope, 'treasury', { month: '2026-11', locale: 'en', now: NOW }), 'pdf'));
    expect(text).toContain('Treasury report');
    expect(text).toContain(formatUsdFromCents(2_500_000, 'en'));
  });

  it('is the organization’s: a site-bound scope or a client is refused', async () => {
    await expect(buildReport(db, { orgId: farm.org.id, sites: [farm.a.id], customers: 'all' }, 'treasury', { month: '2026-11', locale: 'en', now: NOW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(buildReport(db, { orgId: farm.org.id, sites: 'all', customers: [] }, 'treasury', { month: '2026-11', locale: 'en', now: NOW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
