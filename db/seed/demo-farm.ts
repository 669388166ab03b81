import { seededRandom } from './random';

/*
 * The demo farm as plain data: three sites on three continents and energy sources, 6,000 miners of
 * 18 models, 150 customers of whom 40 host machines. Deterministic, so tests can rely on its shape.
 */

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_SITES = [
  { code: 'SC', name: "Ya'an Hydro", location: "Ya'an, Sichuan, China", timeZone: 'Asia/Shanghai', energySource: 'hydro', contractedKw: 10500, electricityUsdPerKwh: '0.04500', clientUsdPerKwh: '0.06500', miners: 2800, subnet: 10 },
  { code: 'TX', name: 'Abilene Wind', location: 'Abilene, Texas, USA', timeZone: 'America/Chicago', energySource: 'wind', contractedKw: 7800, electricityUsdPerKwh: '0.05200', clientUsdPerKwh: '0.07200', miners: 2000, subnet: 20 },
  { code: 'KZ', name: 'Ekibastuz Thermal', location: 'Ekibastuz, Kazakhstan', timeZone: 'Asia/Almaty', energySource: 'coal', contractedKw: 4600, electricityUsdPerKwh: '0.03800', clientUsdPerKwh: '0.05800', miners: 1200, subnet: 30 },
] as const;

/** Which models each site runs, with weights: hydro-cooled units only where the water loop is. */
const SITE_MODELS: Record<string, readonly (readonly [string, number])[]> = {
  SC: [['Antminer S19j Pro', 18], ['Antminer S19 XP', 14], ['Antminer S21', 20], ['Antminer S21 Hyd', 10], ['Antminer S21 XP Hyd', 6], ['Whatsminer M30S++', 10], ['Whatsminer M56S', 8], ['Avalon A1466', 6], ['Antminer S19', 8]],
  TX: [['Antminer S21', 22], ['Antminer S21+', 14], ['Antminer S21 Pro', 12], ['Antminer S21 XP', 8], ['Whatsminer M60S', 16], ['Whatsminer M50S', 10], ['Avalon A16', 8], ['Bitdeer SealMiner A2', 6], ['Antminer S19k Pro', 4]],
  KZ: [['Antminer S19 Pro', 22], ['Antminer S19j Pro', 20], ['Antminer T19', 12], ['Whatsminer M50', 16], ['Whatsminer M30S++', 14], ['Avalon A1366', 10], ['Antminer S19 XP', 6]],
};

const ROLE_USERS = [
  { email: 'owner@demo.local', name: 'Olivia Owner', role: 'OWNER', sites: [] },
  { email: 'admin@demo.local', name: 'Adam Admin', role: 'ADMIN', sites: [] },
  { email: 'siteowner@demo.local', name: 'Sam Siteowner', role: 'MINING_SITE_OWNER', sites: ['SC', 'KZ'] },
  { email: 'operator@demo.local', name: 'Omar Operator', role: 'OPERATOR', sites: ['TX'] },
  { email: 'guest@demo.local', name: 'Grace Guest', role: 'GUEST', sites: [] },
] as const;

const NAME_A = ['North', 'Blue', 'Iron', 'Granite', 'Summit', 'Harbor', 'Cedar', 'Polar', 'Amber', 'Silver', 'Red Rock', 'Eastwind', 'Golden', 'Pioneer', 'Atlas'];
const NAME_B = ['Digital', 'Hash', 'Compute', 'Mining', 'Capital', 'Ventures', 'Labs', 'Holdings', 'Partners', 'Energy'];
const CITIES = ['Hong Kong', 'Singapore', 'Austin', 'Toronto', 'Zug', 'Dubai', 'Shenzhen', 'Almaty', 'London', 'Tokyo'];
const TIERS = [['STANDARD', 60], ['ENTERPRISE', 30], ['VIP', 10]] as const;

export type DemoCustomer = { key: number; name: string; company: string; email: string; phone: string; tier: 'STANDARD' | 'ENTERPRISE' | 'VIP'; ownsMiners: boolean };
export type DemoMiner = {
  siteCode: string;
  customerKey: number | null;
  modelName: string;
  name: string;
  serial: string;
  ipAddress: string;
  macAddress: string;
  workerName: string;
  status: 'active' | 'offline' | 'maintenance' | 'sold';
  electricityUsdPerKwhOverride: string | null;
};
export type DemoUser = { email: string; name: string; role: string; siteCodes: readonly string[] };

export function buildDemoFarm(seed = 20260101) {
  const r = seededRandom(seed);

  const customers: DemoCustomer[] = Array.from({ length: 150 }, (_, i) => {
    const company = `${NAME_A[i % NAME_A.length]} ${NAME_B[Math.floor(i / NAME_A.length) % NAME_B.length]}`;
    const slug = company.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return {
      key: i,
      name: `${company} (${CITIES[i % CITIES.length]})`,
      company,
      // The first hosting customer is the one the demo CLIENT user signs in for.
      email: i === 0 ? 'client@demo.local' : `ops+${i}@${slug}.example`,
      phone: `+1-555-${String(1000 + i).padStart(4, '0')}`,
      tier: i === 0 ? 'ENTERPRISE' : r.weighted(TIERS),
      ownsMiners: i < 40,
    };
  });

  // Hosting customers own skewed fleets: a few large, many small. 8% of machines are self-mined.
  const owners = customers.filter((c) => c.ownsMiners);
  const ownerWeights = owners.map((c, i) => [c.key, c.tier === 'VIP' ? 6 : 1 + 10 / (i + 2)] as const);

  const miners: DemoMiner[] = [];
  for (const site of DEMO_SITES) {
    for (let i = 0; i < site.miners; i++) {
      const row = Math.floor(i / 400) + 1;
      const rack = Math.floor((i % 400) / 20) + 1;
      const slot = (i % 20) + 1;
      const name = `${site.code}-R${String(row).padStart(2, '0')}-K${String(rack).padStart(2, '0')}-${String(slot).padStart(2, '0')}`;
      const customerKey = r.next() < 0.08 ? null : r.weighted(ownerWeights);
      const roll = r.next();
      const status = roll < 0.02 ? 'offline' : roll < 0.026 ? 'maintenance' : roll < 0.028 ? 'sold' : 'active';
      miners.push({
        siteCode: site.code,
        customerKey,
        modelName: r.weighted(SITE_MODELS[site.code]!),
        name,
        serial: `${site.code}${r.hex(14).toUpperCase()}`,
        ipAddress: `10.${site.subnet}.${Math.floor(i / 250)}.${(i % 250) + 2}`,
        macAddress: macFor(r.hex(12)),
        workerName: `${customerKey === null ? 'house' : `c${String(customerKey).padStart(3, '0')}`}.${name.toLowerCase()}`,
        status,
        electricityUsdPerKwhOverride: customerKey !== null && r.next() < 0.03 ? '0.06000' : null,
      });
    }
  }

  const users: DemoUser[] = [
    ...ROLE_USERS.map((u) => ({ email: u.email, name: u.name, role: u.role, siteCodes: u.sites })),
    ...owners.map((c) => ({ email: c.email, name: c.key === 0 ? 'Chloe Client' : `${c.company} ops`, role: 'CLIENT', siteCodes: [] as string[] })),
  ];

  return { sites: DEMO_SITES, customers, miners, users };
}

function macFor(hex: string): string {
  return hex.match(/../g)!.join(':');
}
