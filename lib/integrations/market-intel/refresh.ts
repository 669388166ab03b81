import type { Db } from '@/db/client';
import { type IntelMetric, recordIntelFailure, recordIntelSuccess } from '@/db/queries/market/intel';
import type { IntelSource } from '@/lib/domain/market/intel';
import { env } from '@/lib/env';
import { createBinanceClient } from '@/lib/integrations/binance/client';
import { createDeribitClient } from '@/lib/integrations/deribit/client';
import type { FetchOptions } from '@/lib/integrations/market/http';
import { createOkxClient } from '@/lib/integrations/okx/client';

export type IntelConfig = { live: boolean; deribitUrl: string; okxUrl: string; binanceUrl: string; fetch?: FetchOptions };

export function intelConfigFromEnv(): IntelConfig {
  return env().marketIntel;
}

type Fetched = { payload: unknown; observedAt: string };
type Settled = { metric: IntelMetric } & ({ ok: true; value: Fetched } | { ok: false; error: string });
export type SourceOutcome = { source: IntelSource; stored: IntelMetric[]; failed: { metric: IntelMetric; error: string }[] };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function settle(metric: IntelMetric, p: Promise<Fetched>): Promise<Settled> {
  try {
    return { metric, ok: true, value: await p };
  } catch (e) {
    return { metric, ok: false, error: message(e) };
  }
}

/** Each metric of one exchange, fetched independently so one bad endpoint does not cost the others. */
async function fetchSource(config: IntelConfig, source: IntelSource, now: Date): Promise<Settled[]> {
    if (source === 'binance') {
    const c = createBinanceClient({ baseUrl: config.binanceUrl, fetch: config.fetch });
    let mark: number | null = null;
    const funding = await settle(
      'funding',
      c.funding().then((f) => {
        mark = f.markPriceUsd;
        return { payload: f, observedAt: f.observedAt };
      }),
    );
    // The USD value of the BTC open interest needs the mark price: without it the USD stays empty.
    const oi = await settle('open_interest', c.openInterest(mark).then((o) => ({ payload: o, observedAt: o.observedAt })));
    return [funding, oi];
  }
  if (source === 'okx') {
    const c = createOkxClient({ baseUrl: config.okxUrl, fetch: config.fetch });
    return Promise.all([
      settle('funding', c.funding().then((f) => ({ payload: f, observedAt: f.observedAt }))),
      settle('open_interest', c.openInterest().then((o) => ({ payload: o, observedAt: o.observedAt }))),
    ]);
  }
  const c = createDeribitClient({ baseUrl: config.deribitUrl, fetch: config.fetch });
  const perp = c.perpetual();
  return Promise.all([
    settle('funding', perp.then((p) => ({ payload: p.funding, observedAt: p.funding.observedAt }))),
    settle('open_interest', perp.then((p) => ({ payload: p.openInterest, observedAt: p.openInterest.observedAt }))),
    settle('iv_term', c.ivTerm(now).then((iv) => ({ payload: iv, observedAt: iv.observedAt }))),
  ]);
}

/**
 * Fetches one exchange's figures and stores each: a success replaces the stored row, a failure
 * stamps the attempt and keeps the last good figures (db/queries/market/intel.ts). Idempotent: a
 * re-run rewrites the same rows. Nothing is fetched when the switch is off.
 */
export async function refreshIntelSource(db: Db, config: IntelConfig, source: IntelSource, now: Date): Promise<SourceOutcome> {
  const outcome: SourceOutcome = { source, stored: [], failed: [] };
  if (!config.live) return outcome;
  for (const r of await fetchSource(config, source, now)) {
    if (r.ok) {
      await recordIntelSuccess(db, { source, metric: r.metric, payload: r.value.payload, observedAt: new Date(r.value.observedAt), fetchedAt: now });
      outcome.stored.push(r.metric);
    } else {
      await recordIntelFailure(db, { source, metric: r.metric, error: r.error, attemptedAt: now });
      outcome.failed.push({ metric: r.metric, error: r.error });
    }
  }
  return outcome;
}
