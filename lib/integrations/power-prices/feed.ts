import Papa from 'papaparse';
import { type FetchOptions, fetchText } from '../market/http';

/*
 * Power-price sources for strike-price automation, one shape for all: five-minute windows with a
 * price in USD per MWh. CSV (an ISO start and a price per row; a file a utility or ISO exports, or
 * prices typed by hand), or an HTTP feed answering JSON or the same CSV. A row that does not parse is
 * reported, not guessed: the strike logic treats a missing window as no data.
 */

export type PriceWindow = { start: string; usdPerMwh: number };
export type ParsedPrices = { windows: PriceWindow[]; rejected: { row: number; reason: string }[] };

const WINDOW_MS = 300_000;

function toWindow(startRaw: unknown, priceRaw: unknown): PriceWindow | string {
  const start = new Date(String(startRaw ?? '').trim());
  if (Number.isNaN(start.getTime())) return 'start';
  if (start.getTime() % WINDOW_MS !== 0) return 'start not on a five-minute boundary';
  const text = String(priceRaw ?? '').trim();
  const price = Number(text);
  if (text === '' || !Number.isFinite(price)) return 'price';
  return { start: start.toISOString(), usdPerMwh: price };
}

/** CSV with a header naming the start (`start`, `interval_start`, `time`) and the price (`usd_per_mwh`, `price`). */
export function parsePriceCsv(text: string): ParsedPrices {
  const { data } = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() });
  const windows: PriceWindow[] = [];
  const rejected: ParsedPrices['rejected'] = [];
  data.forEach((r, i) => {
    const w = toWindow(r.start ?? r.interval_start ?? r.time, r.usd_per_mwh ?? r.price);
    if (typeof w === 'string') rejected.push({ row: i + 2, reason: w });
    else windows.push(w);
  });
  return { windows: dedupe(windows), rejected };
}

/** A JSON feed: an array of { start, usdPerMwh } (or { interval_start, price }). */
export function parsePriceJson(body: unknown): ParsedPrices {
  const rows = Array.isArray(body) ? body : [];
  const windows: PriceWindow[] = [];
  const rejected: ParsedPrices['rejected'] = [];
  rows.forEach((r: Record<string, unknown>, i) => {
    const w = toWindow(r?.start ?? r?.interval_start, r?.usdPerMwh ?? r?.price);
    if (typeof w === 'string') rejected.push({ row: i, reason: w });
    else windows.push(w);
  });
  return { windows: dedupe(windows), rejected };
}

/** The last value given for a window wins (a feed that corrects a price re-sends it); oldest first. */
function dedupe(windows: PriceWindow[]): PriceWindow[] {
  return [...new Map(windows.map((w) => [w.start, w])).values()].sort((a, b) => a.start.localeCompare(b.start));
}

/** Reads an HTTP feed (timeouts and retries as the market sources); JSON or CSV by its first character. */
export async function fetchPriceFeed(url: string, opts: FetchOptions = {}): Promise<ParsedPrices> {
  const body = await fetchText(url, opts);
  const trimmed = body.trimStart();
  return trimmed.startsWith('[') ? parsePriceJson(JSON.parse(trimmed)) : parsePriceCsv(body);
}
