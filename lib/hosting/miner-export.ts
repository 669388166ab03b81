import { createTranslator } from 'next-intl';
import type { MinerRow } from '@/db/queries/hosting/miners';
import { type FormatLocale, formatLocale } from '@/lib/format';
import type { SheetRecord } from '@/lib/spreadsheet/write';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

const MESSAGES: Record<FormatLocale, typeof en> = { en, zh };

/** The Miners.* message keys of the export's headers, in column order. */
export const EXPORT_HEADERS = ['name', 'state', 'stateSource', 'hashrateThs', 'hashrateSource', 'chipC', 'powerW', 'powerSource', 'lastSeen', 'adminStatus', 'model', 'site', 'customer', 'ip', 'mac', 'serial', 'worker'] as const;
type Header = (typeof EXPORT_HEADERS)[number];

const round = (v: number | null, digits: number) => (v === null ? '' : Number(v.toFixed(digits)));

/**
 * One record per miner with the list's live columns: the measured state, hashrate, chip temperature
 * and power each beside its source (telemetry, pool, nameplate), then the people-set status and identity.
 * Figures stay numbers so a spreadsheet can sum them; the headers are in the user's language (route
 * handlers have no request-bound translator, so the messages are read here, server-side only).
 */
export function minerExportRecords(rows: readonly MinerRow[], locale: string): SheetRecord[] {
  const lang = formatLocale(locale);
  const t = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'Miners.export' });
  const h = Object.fromEntries(EXPORT_HEADERS.map((k) => [k, t(k)])) as Record<Header, string>;
  return rows.map((m) => ({
    [h.name]: m.name,
    [h.state]: m.measured.state,
    [h.stateSource]: m.measured.stateSource,
    [h.hashrateThs]: round(m.measured.hashrateThs, 2),
    [h.hashrateSource]: m.measured.hashrateSource,
    [h.chipC]: round(m.measured.tempChipMaxC, 1),
    [h.powerW]: round(m.measured.powerW, 0),
    [h.powerSource]: m.measured.powerSource,
    [h.lastSeen]: m.measured.lastSeenAt ? m.measured.lastSeenAt.toISOString() : '',
    [h.adminStatus]: m.status,
    [h.model]: m.modelName,
    [h.site]: m.siteName,
    [h.customer]: m.customerName ?? '',
    [h.ip]: m.ipAddress ?? '',
    [h.mac]: m.macAddress ?? '',
    [h.serial]: m.serial ?? '',
    [h.worker]: m.workerName ?? '',
  }));
}
