import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { customerBalance } from '@/db/queries/billing/balance';
import { listInvoices } from '@/db/queries/billing/invoices';
import { customerDailyEarnings } from '@/db/queries/pool/views';
import { curtailmentSavingsByMonth } from '@/db/queries/power/read';
import { monthlyFigures } from '@/db/queries/power/reports';
import type { Scope } from '@/lib/core/scope';
import { formatUsdFromCents } from '@/lib/format';
import { buildReport, renderReport } from '@/lib/reports/build';
import { createTestDb } from '../helpers/db';
import { pdfText } from '../helpers/pdf';
import { pptxSlides } from '../helpers/pptx';
import { MONTH, seedReportMonth } from './report-fixture';

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof seedReportMonth>>;
let staff: Scope;
let client: Scope;
const now = new Date('2026-12-02T08:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  f = await seedReportMonth(db);
  staff = { orgId: f.org.id, sites: 'all', customers: 'all' };
  client = { orgId: f.org.id, sites: 'all', customers: [f.a.id] };
});
afterAll(() => drop());

/** The last row of a sheet: each formula cell's (formula, cached result), in column order. */
async function totalsRow(bytes: Buffer, sheetName: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(sheetName)!;
  const cells: { formula: string; result: number }[] = [];
  sheet.getRow(sheet.rowCount).eachCell((c) => {
    if (c.formula) cells.push({ formula: c.formula, result: Number(c.result) });
  });
  return cells;
}

/** Every format of the model carries `texts` (PDF text, PPTX slide text) and the XLSX totals `results`. */
async function expectInEveryFormat(kind: Parameters<typeof buildReport>[2], scope: Scope, texts: string[], sheet: string, results: number[], customerId?: string) {
  const m = await buildReport(db, scope, kind, { month: MONTH, locale: 'en', now, customerId });
  const pdf = pdfText(await renderReport(m, 'pdf'));
  if (pdf !== null) for (const s of texts) expect(pdf).toContain(s);
  const slides = (await pptxSlides(await renderReport(m, 'pptx'))).flatMap((s) => s.text);
  expect(slides).toEqual(expect.arrayContaining(texts));
  const totals = await totalsRow(await renderReport(m, 'xlsx'), sheet);
  expect(totals.map((c) => c.result)).toEqual(results);
  expect(totals.every((c) => c.formula.startsWith('SUM('))).toBe(true);
  return m;
}

describe('customer statement', () => {
  it("its totals are the billing ledger's: invoices issued in the month, entries, opening and closing balance", async () => {
    // Opening: the $100.00 deposit. Entries: +$20.00, −$20.00, +$3.00 → closing $103.00.
    // Invoiced: INV-7 $50.00, of which $20.00 paid.
    const m = await expectInEveryFormat('statement', staff, ['Invoice INV-7', formatUsdFromCents(5000, 'en'), formatUsdFromCents(10_300, 'en'), 'Total'], 'Invoices', [50, 20], f.a.id);
    expect(m.summary.map((x) => x.value)).toEqual([10_000, 5000, 300, 10_300]);
    const issued = (await listInvoices(db, staff, { customerId: f.a.id }, { page: 1, pageSize: 50 })).rows.filter((i) => i.issuedAt && i.issuedAt.toISOString().startsWith(MONTH));
    expect(m.tables[0]!.totals![2]).toBe(issued.reduce((s, i) => s + i.totalCents, 0));
    // December's closing (nothing after it) is the balance the billing pages show: $103.00 + $9.99.
    const dec = await buildReport(db, staff, 'statement', { month: '2026-12', locale: 'en', now, customerId: f.a.id });
    expect(dec.summary[0]!.value).toBe(10_300);
    expect(dec.summary[3]!.value).toBe((await customerBalance(db, staff, f.a.id)).balanceCents);
  });

  it("a client gets its own statement by default and never another customer's", async () => {
    const own = await buildReport(db, client, 'statement', { month: MONTH, locale: 'zh', now });
    expect(own.subtitle).toContain(f.a.name);
    await expect(buildReport(db, client, 'statement', { month: MONTH, locale: 'en', now, customerId: f.b.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(buildReport(db, staff, 'statement', { month: MONTH, locale: 'en', now })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('profitability', () => {
  it("revenue at the month's mean close less the power pages' cost, per site", async () => {
    // Mean close (90,000 + 92,000) ÷ 2 = $91,000. Alpha: 6,000 sats → $5.46, less $7.50 = −$2.04;
    // Bravo: $5.46 − $7.00 = −$1.54. Totals: $10.92 revenue, $14.50 cost, −$3.58 margin.
    const m = await expectInEveryFormat('profitability', staff, [formatUsdFromCents(1092, 'en'), formatUsdFromCents(-358, 'en')], 'By site', [12_000, 10.92, 290, 14.5, -3.58]);
    expect(m.tables[0]!.rows.map((r) => r[5])).toEqual([-204, -154]);
    const power = await monthlyFigures(db, staff, { by: 'site', fromMonth: MONTH, toMonth: MONTH });
    const pool = await customerDailyEarnings(db, staff, { from: '2026-11-01', to: '2026-11-30' });
    expect(m.tables[0]!.totals![4]).toBe(power.reduce((s, r) => s + (r.costCents ?? 0), 0));
    expect(m.tables[0]!.totals![1]).toBe(pool.reduce((s, r) => s + r.earnedSats, 0));
  });

  it('a month without a BTC price has no revenue or margin, not $0', async () => {
    const m = await buildReport(db, staff, 'profitability', { month: '2026-09', locale: 'en', now });
    expect(m.summary.map((x) => x.value)).toEqual([null, null, null, null]);
  });
});

describe('curtailment', () => {
  it("lists the month's events with the savings curtailmentSavingsByMonth sums", async () => {
    const [month] = await curtailmentSavingsByMonth(db, staff, { fromMonth: MONTH });
    // One event: 5,000 Wh, $0.40 avoided, $0.15 forgone, $0.25 net.
    const m = await expectInEveryFormat('curtailment', staff, ['Alpha', formatUsdFromCents(25, 'en')], 'Events', [5, 0.4, 0.15, 0.25]);
    expect(m.tables[0]!.totals!.slice(5)).toEqual([month!.energyAvoidedWh, month!.costAvoidedCents, month!.revenueForgoneCents, month!.netSavingCents]);
  });
});

describe('RBAC', () => {
  it.each(['profitability', 'curtailment'] as const)('a client never gets the %s report (host costs and margins)', async (kind) => {
    await expect(buildReport(db, client, kind, { month: MONTH, locale: 'en', now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
