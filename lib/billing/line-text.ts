import { ENERGY_WINDOWS, type EnergyWindow } from '@/lib/domain/power/tariff';

type LineKey = 'line.energy' | 'line.powerEnergy' | 'line.powerDemand' | 'line.powerFixed' | 'line.minerMonth' | 'line.reservedKw' | 'line.revenueShare';
type Tr = (key: LineKey, values?: Record<string, string | number>) => string;
type TrWindow = (key: `window.${EnergyWindow}`) => string;
export type LineForText = { kind: string; description: string | null; meta: Record<string, unknown> };

/**
 * A line's description in the reader's language (`Billing.line.*`, the tariff window from
 * `Power.window.*`); a one-off item or a credit reads the text staff typed.
 */
export function lineDescription(t: Tr, tPower: TrWindow, l: LineForText): string {
  if (l.kind === 'one_off' || l.kind === 'credit') return l.description ?? '';
  const site = String(l.meta.siteName ?? '');
  const w = l.meta.window as EnergyWindow | undefined;
  const window = w && ENERGY_WINDOWS.includes(w) ? tPower(`window.${w}`) : '';
  switch (l.kind) {
    case 'energy':
      return t('line.energy', { site, window });
    case 'power_energy':
      return t('line.powerEnergy', { site, window });
    case 'power_demand':
      return t('line.powerDemand', { site });
    case 'power_fixed':
      return t('line.powerFixed', { site });
    case 'miner_month':
      return t('line.minerMonth');
    case 'reserved_kw':
      return t('line.reservedKw');
    case 'revenue_share':
      return t('line.revenueShare');
    default:
      return l.description ?? l.kind;
  }
}
