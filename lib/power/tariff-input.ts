import type { TariffInput } from '@/db/queries/power/tariff-writes';
import { usdPerKwhToMc } from '@/lib/domain/power/tariff';
import type { TariffPut } from '@/lib/validation/power';

/**
 * A tariff as people write it (tariffPutSchema: $/kWh, $/kW, $ a month) in the stored units of
 * lib/domain/power/tariff.ts (m¢/kWh, cents), shared by `PUT /api/hosting/power/rates` and the
 * tariff form's server action so both store the same version for the same input.
 */
export function tariffInputOf(body: TariffPut): TariffInput {
  const rates = Object.fromEntries(Object.entries(body.ratesUsdPerKwh).filter(([, v]) => v !== undefined).map(([w, v]) => [w, usdPerKwhToMc(v!)]));
  return {
    effectiveDate: body.effectiveDate,
    kind: body.kind,
    ratesMcPerKwh: rates,
    seasons: body.kind === 'tou' ? body.seasons : [],
    holidays: body.holidays,
    demandCentsPerKw: Math.round(body.demandUsdPerKw * 100),
    fixedMonthlyCents: Math.round(body.fixedMonthlyUsd * 100),
  };
}
