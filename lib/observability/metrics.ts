import { type LatencySummary, ratio, routeKey, summarizeLatency } from '@/lib/domain/system/percentiles';

/**
 * The app's own measurements, kept in this process (as a Prometheus client keeps its registry):
 * API route latencies and status classes, cache hits and misses, and the calls made to outside
 * services. The monitoring page shows them as "this instance since <start>"; outside calls are also
 * handed to a sink (installed at server start) that stores them per hour, so the figures outlive a
 * restart and add up across instances.
 *
 * Latency windows keep the newest WINDOW samples per key: a percentile over the recent past, in
 * bounded memory whatever the traffic.
 */
const WINDOW = 1000;

type Window = { samples: number[]; next: number; count: number; errors: number };
type External = Window & { lastOkAt: number | null; lastErrorAt: number | null; lastError: string | null };
export type ExternalCall = { integration: string; at: Date; ms: number; ok: boolean; error: string | null };
type Registry = {
  routes: Map<string, Window>;
  externals: Map<string, External>;
  caches: Map<string, { hits: number; misses: number }>;
  sink: ((call: ExternalCall) => void) | null;
};

// On globalThis: Next bundles route handlers, pages and the instrumentation hook separately, and
// each bundle would otherwise hold its own registry (the health page once showed another bundle's uptime).
const holder = globalThis as unknown as { __hiMetrics?: Registry };
function registry(): Registry {
  holder.__hiMetrics ??= { routes: new Map(), externals: new Map(), caches: new Map(), sink: null };
  return holder.__hiMetrics;
}

function push(w: Window, ms: number) {
  if (w.samples.length < WINDOW) w.samples.push(ms);
  else w.samples[w.next] = ms;
  w.next = (w.next + 1) % WINDOW;
  w.count++;
}

/** One answered API request: its route (ids folded), how long it took, and its status. 5xx count as errors. */
export function recordRoute(pathname: string, ms: number, status: number): void {
  const key = routeKey(pathname);
  const routes = registry().routes;
  let w = routes.get(key);
  if (!w) routes.set(key, (w = { samples: [], next: 0, count: 0, errors: 0 }));
  push(w, ms);
  if (status >= 500) w.errors++;
}

export function recordCache(name: string, hit: boolean): void {
  const caches = registry().caches;
  const c = caches.get(name) ?? { hits: 0, misses: 0 };
  if (hit) c.hits++;
  else c.misses++;
  caches.set(name, c);
}

/** One call to an outside service, named by its host (api.coingecko.com, the Antpool host, an SMTP server). */
export function recordExternal(call: ExternalCall): void {
  const r = registry();
  let e = r.externals.get(call.integration);
  if (!e) r.externals.set(call.integration, (e = { samples: [], next: 0, count: 0, errors: 0, lastOkAt: null, lastErrorAt: null, lastError: null }));
  push(e, call.ms);
  if (call.ok) e.lastOkAt = call.at.getTime();
  else {
    e.errors++;
    e.lastErrorAt = call.at.getTime();
    e.lastError = call.error;
  }
  try {
    r.sink?.(call);
  } catch {
    // A failing sink never fails the call it measured.
  }
}

/** Times `run` as a call to `integration`; the error (its message only) is recorded and re-thrown. */
export async function observeExternal<T>(integration: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const value = await run();
    recordExternal({ integration, at: new Date(), ms: performance.now() - started, ok: true, error: null });
    return value;
  } catch (error) {
    recordExternal({ integration, at: new Date(), ms: performance.now() - started, ok: false, error: errorText(error) });
    throw error;
  }
}

/** The host a URL names, as the integration's name; the path and query (which can carry keys) are dropped. */
export function integrationOf(url: string | URL): string {
  try {
    return new URL(url).host || 'unknown';
  } catch {
    return 'unknown';
  }
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/https?:\/\/\S+/g, (u) => integrationOf(u)).slice(0, 300);
}

export function setExternalSink(sink: ((call: ExternalCall) => void) | null): void {
  registry().sink = sink;
}

/**
 * When this process started, from the one clock every bundle shares (process.uptime), so the health
 * endpoint, the health page and the monitoring page agree to the second.
 */
export function processStartedAt(now = Date.now()): Date {
  return new Date(Math.round((now - process.uptime() * 1000) / 1000) * 1000);
}

export type RouteStats = LatencySummary & { route: string; requests: number; errors: number; errorRate: number | null };
export type ExternalStats = LatencySummary & { integration: string; calls: number; errors: number; errorRate: number | null; lastOkAt: Date | null; lastErrorAt: Date | null; lastError: string | null };
export type InstanceMetrics = {
  startedAt: Date;
  uptimeS: number;
  memory: { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number; externalBytes: number };
  routes: RouteStats[];
  externals: ExternalStats[];
  caches: { name: string; hits: number; misses: number; hitRate: number | null }[];
};

export function instanceMetrics(now = new Date()): InstanceMetrics {
  const r = registry();
  const m = process.memoryUsage();
  const startedAt = processStartedAt(now.getTime());
  return {
    startedAt,
    uptimeS: Math.max(0, Math.round((now.getTime() - startedAt.getTime()) / 1000)),
    memory: { rssBytes: m.rss, heapUsedBytes: m.heapUsed, heapTotalBytes: m.heapTotal, externalBytes: m.external },
    routes: [...r.routes].map(([route, w]) => ({ route, requests: w.count, errors: w.errors, errorRate: ratio(w.errors, w.count), ...summarizeLatency(w.samples) })).sort((a, b) => b.requests - a.requests),
    externals: [...r.externals].map(([integration, e]) => ({
      integration,
      calls: e.count,
      errors: e.errors,
      errorRate: ratio(e.errors, e.count),
      lastOkAt: e.lastOkAt === null ? null : new Date(e.lastOkAt),
      lastErrorAt: e.lastErrorAt === null ? null : new Date(e.lastErrorAt),
      lastError: e.lastError,
      ...summarizeLatency(e.samples),
    })),
    caches: [...r.caches].map(([name, c]) => ({ name, ...c, hitRate: ratio(c.hits, c.hits + c.misses) })),
  };
}
