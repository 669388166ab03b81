import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { customerBalance } from '@/db/queries/billing/balance';
import { listInvoices } from '@/db/queries/billing/invoices';
import { customerStatement } from '@/db/queries/billing/statement';
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
  it("its figures are the billing statement's, and its closing balance the invoices owed less the ledger balance", async () => {
    // Signs of lib/domain/billing/statement.ts (positive = owed). Opening: the $100.00 deposit → −$100.00.
    // November: INV-7 +$50.00, the $20.00 payment −$20.00, the SLA credit −$3.00 (the application of
    // the payment to the invoice moves nothing) → closing −$73.00; the movements sum to +$27.00.
    const m = await expectInEveryFormat('statement', staff, ['Invoice · INV-7', formatUsdFromCents(-7300, 'en'), formatUsdFromCents(2700, 'en'), 'Total'], 'Ledger', [27], f.a.id);
    expect(m.summary.map((x) => x.value)).toEqual([-10_000, 5000, 2300, -7300]);
    const billing = await customerStatement(db, staff, f.a.id, { from: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-12-01T00:00:00Z') });
    expect(m.summary.map((x) => x.value)).toEqual([billing.openingCents, billing.chargesCents, billing.creditsCents, billing.closingCents]);
    expect(m.tables[0]!.rows.map((r) => r[3])).toEqual(billing.movements.map((x) => x.balanceCents));
    // December (nothing after it): closing = open invoices owed ($50.00 − $20.00 paid) − the ledger
    // balance the billing pages show ($100 + $20 − $20 + $3 + $9.99 = $112.99) = −$82.99.
    const dec = await buildReport(db, staff, 'statement', { month: '2026-12', locale: 'en', now, customerId: f.a.id });
    const owed = (await listInvoices(db, staff, { customerId: f.a.id }, { page: 1, pageSize: 50 })).rows.reduce((s, i) => s + i.totalCents - i.paidCents - i.creditedCents, 0);
    expect(dec.summary[0]!.value).toBe(-7300);
    expect(dec.summary[3]!.value).toBe(owed - (await customerBalance(db, staff, f.a.id)).balanceCents);
    expect(dec.summary[3]!.value).toBe(-8299);
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
