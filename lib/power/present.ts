import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import type { Tariff } from '@/lib/domain/power/tariff';

/*
 * What the power API answers, shaped once: money in cents and USD figures people read, energy in Wh
 * and kWh. Staff-only answers (the host's tariffs, contracts, alerts) refuse a client scope here.
 */

export function requireHostView(scope: Scope) {
  if (scope.customers !== 'all') throw new AppError('FORBIDDEN', 'Site tariffs, contracts and alerts are the host’s');
}

export const mcToUsd = (mc: number) => mc / 100_000;

export function presentTariff(t: Tariff) {
  return {
    id: t.id,
    effectiveFrom: t.effectiveFrom.toISOString(),
    kind: t.kind,
    ratesMcPerKwh: t.ratesMcPerKwh,
    ratesUsdPerKwh: Object.fromEntries(Object.entries(t.ratesMcPerKwh).map(([w, mc]) => [w, mcToUsd(mc ?? 0)])),
    seasons: t.seasons,
    holidays: t.holidays,
    demandCentsPerKw: t.demandCentsPerKw,
    fixedMonthlyCents: t.fixedMonthlyCents,
  };
}
