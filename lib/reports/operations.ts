import type { Db } from '@/db/client';
import { reportBrand } from '@/db/queries/reports/brand';
import { operationsByKey, operationsDays, operationsMiners, type OperationsRow } from '@/db/queries/reports/operations';
import type { Scope } from '@/lib/core/scope';
import { type ReportColumn, type ReportModel, table } from '@/lib/domain/reports/model';
import { formatDateTime } from '@/lib/format';
import { commonText, type ReportLocale, reportTranslator } from './messages';

/*
 * The monthly operations report: per site and per customer (db/queries/reports/operations.ts), the
 * fleet's daily hashrate and energy as charts, and one row per miner for the spreadsheet. A client's
 * report (scope limited to its customers) has no cost and no curtailment columns — those are the
 * host's — and is dressed in its brand.
 */

export type ReportInput = { month: string; locale: ReportLocale; customerId?: string | null; now: Date };

export async function buildOperationsReport(db: Db, scope: Scope, o: ReportInput): Promise<ReportModel> {
  const t = reportTranslator(o.locale);
  const staff = scope.customers === 'all';
  const s: Scope = o.customerId ? { ...scope, customers: scope.customers === 'all' ? [o.customerId] : scope.customers.filter((c) => c === o.customerId) } : scope;
  const oneCustomer = o.customerId ?? (s.customers !== 'all' && s.customers.length === 1 ? s.customers[0]! : null);
  const [sites, customers, days, miners, brand] = await Promise.all([
    operationsByKey(db, s, { by: 'site', month: o.month }),
    operationsByKey(db, s, { by: 'customer', month: o.month }),
    operationsDays(db, s, o.month),
    operationsMiners(db, s, o.month),
    reportBrand(db, s.orgId, oneCustomer),
  ]);
  const cols = (first: string, site: boolean): ReportColumn[] => [
    { label: first, unit: 'text', total: false },
    { label: t('col.miners'), unit: 'count', total: true },
    { label: t('col.hashrate'), unit: 'ths', total: true },
    { label: t('col.uptime'), unit: 'pct', total: false },
    { label: t('col.energy'), unit: 'wh', total: true },
    ...(staff ? [{ label: t('col.cost'), unit: 'cents' as const, total: true }] : []),
    { label: t('col.revenue'), unit: 'sats', total: true },
    { label: t('col.tickets'), unit: 'count', total: true },
    ...(staff && site ? [{ label: t('col.curtailEvents'), unit: 'count' as const, total: true }, { label: t('col.curtailAvoided'), unit: 'wh' as const, total: true }] : []),
  ];
  const row = (r: OperationsRow, site: boolean) => [
    r.name,
    r.miners,
    r.hashrateThs,
    r.uptimePct,
    r.energyWh,
    ...(staff ? [r.costCents] : []),
    r.revenueSats,
    r.tickets,
    ...(staff && site ? [r.curtailEvents, r.curtailAvoidedWh] : []),
  ];
  const bySite = table(t('Operations.bySite'), cols(t('col.site'), true), sites.map((r) => row(r, true)));
  const byCustomer = table(t('Operations.byCustomer'), cols(t('col.customer'), false), customers.map((r) => row(r, false)));
  const detail = table(
    t('Operations.miners'),
    [
      { label: t('col.miner'), unit: 'text', total: false },
      { label: t('col.site'), unit: 'text', total: false },
      { label: t('col.customer'), unit: 'text', total: false },
      { label: t('col.hashrate'), unit: 'ths', total: true },
      { label: t('col.uptime'), unit: 'pct', total: false },
      { label: t('col.energy'), unit: 'wh', total: true },
    ],
    miners.map((m) => [m.name, m.site, m.customer, m.hashrateThs, m.uptimePct, m.energyWh]),
    { detail: true },
  );
  const sum = (k: keyof OperationsRow) => sites.reduce<number | null>((a, r) => (typeof r[k] === 'number' ? (a ?? 0) + (r[k] as number) : a), null);
  const uptimeDays = days.length;
  return {
    kind: 'operations',
    locale: o.locale,
    title: t('kind.operations'),
    subtitle: o.month,
    meta: [
      [t('period'), o.month],
      [t('generatedAt'), formatDateTime(o.now, o.locale, 'UTC', { zone: true })],
      [t('sites'), String(sites.length)],
      [t('daysWithData'), String(uptimeDays)],
    ],
    brand,
    summary: [
      { label: t('col.miners'), unit: 'count', value: sum('miners') },
      { label: t('col.hashrate'), unit: 'ths', value: sum('hashrateThs') },
      { label: t('col.energy'), unit: 'wh', value: sum('energyWh') },
      ...(staff ? [{ label: t('col.cost'), unit: 'cents' as const, value: sum('costCents') }] : []),
      { label: t('col.revenue'), unit: 'sats', value: sum('revenueSats') },
      { label: t('col.tickets'), unit: 'count', value: sum('tickets') },
    ],
    tables: [bySite, byCustomer, detail],
    charts: [
      { title: t('Operations.chartHashrate'), xLabel: t('col.day'), unit: 'ths', points: days.map((d) => ({ label: d.day.slice(5), value: d.hashrateThs })) },
      { title: t('Operations.chartEnergy'), xLabel: t('col.day'), unit: 'wh', points: days.map((d) => ({ label: d.day.slice(5), value: d.energyWh })) },
    ],
    footer: t(staff ? 'Operations.footer' : 'Operations.footerClient'),
    ...commonText(t),
  };
}
