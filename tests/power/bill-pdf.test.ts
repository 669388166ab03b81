import { describe, expect, it } from 'vitest';
import { renderBillPdf } from '@/lib/power/bill-pdf';
import { pdfText } from '../helpers/pdf';

const bill = {
  number: 'PB-202603-00001',
  status: 'issued',
  month: '2026-03-01',
  issuedAt: new Date('2026-04-02T12:00:00Z'),
  customerName: 'Acme Mining 矿业',
  siteName: 'Texas One',
  timeZone: 'America/Chicago',
  energyWh: 2_700,
  totalCents: 12_725,
  lines: [
    { kind: 'energy' as const, tariffId: 't', window: 'peak' as const, wh: 2_400, rateMcPerKwh: 12_000, cents: 29 },
    { kind: 'energy' as const, tariffId: 't', window: 'off_peak' as const, wh: 300, rateMcPerKwh: 4_000, cents: 1 },
    { kind: 'demand' as const, tariffId: 't', peakHour: '2026-03-10T19:00:00.000Z', sitePeakW: 3_600, partyW: 2_400, rateCentsPerKw: 1_000, hours: 743, monthHours: 743, cents: 2_400 },
    { kind: 'fixed' as const, tariffId: 't', monthlyCents: 10_000, hours: 743, monthHours: 743, partyWh: 2_700, siteWh: 5_100, cents: 5_294 },
    { kind: 'hosting' as const, fee: 'monthly' as const, quantity: 1, rate: 2_500, cents: 2_500 },
    { kind: 'hosting' as const, fee: 'per_miner' as const, quantity: 2, rate: 1_250, cents: 2_500 },
    { kind: 'hosting' as const, fee: 'per_kwh' as const, quantity: 2_700, rate: 333, cents: 1 },
  ],
};

describe('the power bill PDF', () => {
  it.each([
    ['en', ['Power bill', 'PB-202603-00001', 'Energy, Peak', 'Demand charge', 'Hosting fee, monthly', '$25.00/month', 'Hosting fee per miner, monthly', '2 miners', '$12.50/miner', 'Hosting service fee per kWh', '$0.00333/kWh', '$127.25', 'Acme Mining 矿业']],
    ['zh', ['电费账单', 'PB-202603-00001', '电量，峰时', '需量电费', '托管费（月费）', '2 台矿机', '$12.50/台·月', '托管服务费（按电量）', '$127.25', '合计']],
  ] as const)('%s: a small PDF with the lines and the total in the language', async (locale, expected) => {
    const pdf = await renderBillPdf(bill, locale);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The CJK font is subset to the glyphs used, not embedded whole (8 MB).
    expect(pdf.length).toBeLessThan(300_000);
    const text = pdfText(pdf);
    if (text === null) return;
    for (const e of expected) expect(text).toContain(e);
  }, 60_000);
});
