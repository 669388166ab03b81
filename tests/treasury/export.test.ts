import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { treasuryXlsx } from '@/lib/treasury/ledger-export';
import { renderTreasuryPdf } from '@/lib/treasury/ledger-pdf';
import { loadTreasuryReport, type TreasuryReport } from '@/lib/treasury/treasury-report';
import { createTestDb } from '../helpers/db';
import { pdfText } from '../helpers/pdf';
import { seedTreasuryLedger, treasuryFarm } from './treasury-fixture';

const NOW = new Date('2026-12-07T12:00:00Z');
// A stored price two hours old: the export must carry its time and source, and say it is not current.
const market = { btcPriceUsd: 90_000, asOf: '2026-12-07T10:00:00.000Z', sources: { price: 'coingecko (stored)' }, stale: true };

async function sheet(bytes: ArrayBuffer, index: number) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const ws = book.worksheets[index]!;
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((r) => rows.push((r.values as ExcelJS.CellValue[]).slice(1)));
  return { name: ws.name, rows };
}

describe('treasury exports (figures of tests/treasury/treasury.test.ts)', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let report: TreasuryReport;

  beforeAll(async () => {
    ({ db, drop } = await createTestDb());
    const farm = await treasuryFarm(db);
    await seedTreasuryLedger(db, farm, NOW);
    report = await loadTreasuryReport(db, farm.scope, { method: 'fifo', now: NOW, market });
  });
  afterAll(async () => drop());

  it('writes the summary, whole ledger, cost basis and lots to XLSX and reads them back', async () => {
    const bytes = await treasuryXlsx(report, 'en');
    const summary = await sheet(bytes, 0);
    const value = (label: string) => summary.rows.find((r) => r[0] === label)?.[1];
    expect(summary.name).toBe('Summary');
    expect(value('Holdings')).toBe(0.35);
    expect(value('Cash')).toBe(38_450);
    expect(value('Unrealised P&L')).toBe(22_750);
    expect(value('Realised P&L')).toBe(21_200);
    expect(value('Price as of')).toBe('2026-12-07T10:00:00.000Z · coingecko (stored) · not current');
    const ledger = await sheet(bytes, 1);
    // Header + 8 entries (two payouts, cash in, the mistaken inflow and its reversal, sale, transfer, cash out).
    expect(ledger.rows).toHaveLength(1 + 8);
    const sale = ledger.rows.find((r) => r[2] === 'Sale')!;
    // No., date, kind, reverses, reversed by, wallet, to wallet, BTC, fee BTC, price, gross, fee, cash.
    expect(sale.slice(5, 13)).toEqual(['Exchange', '', 0.35, 0, 90_000, 31_500, 50, 31_450]);
    const months = await sheet(bytes, 2);
    expect(months.rows.slice(1)).toEqual([
      ['2026-10', 10_000, 5_000, 15_000, 0.5, 30_000],
      ['2026-11', 8_000, 2_000, 10_000, 0.4, 25_000],
      ['2026-12', '', '', '', '', ''],
    ]);
    const lots = await sheet(bytes, 3);
    expect(lots.rows.slice(1).map((r) => r.slice(2))).toEqual([[0.35, 8_750]]);
  });

  it('writes the same in Chinese', async () => {
    const summary = await sheet(await treasuryXlsx(report, 'zh'), 0);
    expect(summary.name).toBe('摘要');
    expect(summary.rows.find((r) => r[0] === '持有量')?.[1]).toBe(0.35);
  });

  it.each(['en', 'zh'] as const)('renders a PDF in %s whose text holds the figures', async (locale) => {
    const pdf = await renderTreasuryPdf(report, locale);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    if (text === null) return;
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(locale === 'zh' ? '资金库' : 'Treasury');
    expect(flat).toContain('$30,000.00');
    expect(flat).toContain('$25,000.00');
    expect(flat).toContain('0.35');
    expect(flat).toContain('coingecko (stored)');
    expect(flat).toContain(locale === 'zh' ? '已冲销' : 'reversed');
  });
});
