import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { customerDailyEarnings } from '@/db/queries/pool/views';
import { curtailmentSavingsByMonth } from '@/db/queries/power/read';
import { monthlyFigures } from '@/db/queries/power/reports';
import type { Scope } from '@/lib/core/scope';
import { formatEnergy, formatSats, formatUsdFromCents } from '@/lib/format';
import { buildOperationsReport } from '@/lib/reports/operations';
import { renderReportPdf } from '@/lib/reports/pdf';
import { renderReportPptx } from '@/lib/reports/pptx';
import { renderReportXlsx } from '@/lib/reports/xlsx';
import { createTestDb } from '../helpers/db';
import { pdfText } from '../helpers/pdf';
import { pptxSlides } from '../helpers/pptx';
import { MONTH, seedReportMonth } from './report-fixture';

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof seedReportMonth>>;
let staff: Scope;
const now = new Date('2026-12-02T08:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  f = await seedReportMonth(db);
  staff = { orgId: f.org.id, sites: 'all', customers: 'all' };
});
afterAll(() => drop());

/** The totals row of a sheet: its formula cells' (formula, cached result) by header. */
async function sheetTotals(bytes: Buffer, sheetName: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(sheetName)!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const last = sheet.getRow(sheet.rowCount);
  const out: Record<string, { formula: string; result: number }> = {};
  header.forEach((h, i) => {
    const cell = last.getCell(i + 1);
    if (cell.formula) out[h] = { formula: cell.formula, result: Number(cell.result) };
  });
  return { out, types: (sheet.getRow(2).values as unknown[]).slice(1).map((v) => typeof v) };
}

describe('monthly operations report', () => {
  it('per site, its totals equal the power, pool and curtailment queries the pages read', async () => {
    const m = await buildOperationsReport(db, staff, { month: MONTH, locale: 'en', now });
    const bySite = m.tables[0]!;
    // Alpha: 2 miners × 2 days × 100 TH/s ÷ 2 days = 200 TH/s, 96 h ÷ (4 miner-days × 24) = 100 %,
    // 150 kWh, $7.50, 2 × 3,000 sats, 2 tickets, 1 curtailment of 5,000 Wh.
    // Bravo: 200 TH/s, (24 + 12 + 24 + 24) ÷ 96 = 87.5 %, 140 kWh, $7.00, 6,000 sats, 1 ticket, none.
    expect(bySite.rows).toEqual([
      ['Alpha', 2, 200, 100, 150_000, 750, 6000, 2, 1, 5000],
      ['Bravo', 2, 200, 87.5, 140_000, 700, 6000, 1, 0, 0],
    ]);
    const power = await monthlyFigures(db, staff, { by: 'site', fromMonth: MONTH, toMonth: MONTH });
    const pool = await customerDailyEarnings(db, staff, { from: '2026-11-01', to: '2026-11-30' });
    const [curtail] = await curtailmentSavingsByMonth(db, staff, { fromMonth: MONTH });
    const energy = power.reduce((s, r) => s + r.energyWh, 0);
    const cost = power.reduce((s, r) => s + (r.costCents ?? 0), 0);
    const sats = pool.reduce((s, r) => s + r.earnedSats, 0);
    expect([energy, cost, sats, curtail!.events, curtail!.energyAvoidedWh]).toEqual([290_000, 1450, 12_000, 1, 5000]);
    expect(bySite.totals).toEqual([null, 4, 400, null, energy, cost, sats, 3, curtail!.events, curtail!.energyAvoidedWh]);
    // By customer: A 3 miners, 600 ÷ 2 = 300 TH/s, 132 ÷ 144 h up; B 1 miner, 100 TH/s.
    const byCustomer = m.tables[1]!;
    expect(byCustomer.rows.map((r) => r[2])).toEqual(expect.arrayContaining([300, 100]));
    expect(byCustomer.totals!.slice(4, 7)).toEqual([energy, cost, sats]);
    expect(m.tables[2]!.rows).toHaveLength(4);

    const text = pdfText(await renderReportPdf(m));
    if (text !== null) {
      for (const s of [formatEnergy(energy, 'en'), formatUsdFromCents(cost, 'en'), formatSats(sats, 'en'), 'Total', 'Alpha', 'Bravo']) expect(text).toContain(s);
    }
    const xlsx = await renderReportXlsx(m);
    const { out, types } = await sheetTotals(xlsx, 'By site');
    expect(out['Energy (kWh)']).toEqual({ formula: 'SUM(E2:E3)', result: energy / 1000 });
    expect(out['Energy cost (USD)']!.result).toBeCloseTo(cost / 100, 10);
    expect(out['Pool revenue (sats)']!.result).toBe(sats);
    expect(types).toEqual(['string', 'number', 'number', 'number', 'number', 'number', 'number', 'number', 'number', 'number']);
    const slides = await pptxSlides(await renderReportPptx(m));
    const siteSlide = slides.find((s) => s.text.includes('By site'))!;
    expect(siteSlide.text).toEqual(expect.arrayContaining(['Total', formatEnergy(energy, 'en'), formatUsdFromCents(cost, 'en'), formatSats(sats, 'en')]));
    expect(slides.some((s) => s.xml.includes('graphicFrame') && s.xml.includes('chart'))).toBe(true);
  });

  it('a client gets its own miners only, and no cost or curtailment column, in its language', async () => {
    const client: Scope = { orgId: f.org.id, sites: 'all', customers: [f.a.id] };
    const m = await buildOperationsReport(db, client, { month: MONTH, locale: 'zh', customerId: f.b.id, now });
    // Asking for another customer's report narrows to nothing rather than widening the scope.
    expect(m.tables[0]!.rows).toEqual([]);
    const own = await buildOperationsReport(db, client, { month: MONTH, locale: 'zh', now });
    // Alpha: A's 2 miners; Bravo: A's one miner, 100 TH/s, 36 h ÷ 48 h = 75 %, A's 70 kWh there.
    expect(own.tables[0]!.rows).toEqual([
      ['Alpha', 2, 200, 100, 150_000, 6000, 2],
      ['Bravo', 1, 100, 75, 70_000, 3000, 0],
    ]);
    const power = await monthlyFigures(db, client, { by: 'customer', fromMonth: MONTH, toMonth: MONTH });
    expect(own.tables[1]!.totals![4]).toBe(power.reduce((s, r) => s + r.energyWh, 0));
    expect(own.tables[0]!.columns.map((c) => c.unit)).not.toContain('cents');
    expect(own.summary.some((x) => x.unit === 'cents')).toBe(false);
    const text = pdfText(await renderReportPdf(own));
    if (text !== null) {
      expect(text).toContain('月度运营报告');
      expect(text).not.toContain(formatUsdFromCents(750, 'zh'));
    }
    const slides = await pptxSlides(await renderReportPptx(own));
    expect(slides.flatMap((s) => s.text)).not.toContain('电费成本');
  });
});
