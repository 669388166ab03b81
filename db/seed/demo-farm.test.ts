import { describe, expect, it } from 'vitest';
import { buildDemoFarm } from './demo-farm';
import { MINER_MODEL_CATALOGUE } from './miner-models';

describe('buildDemoFarm', () => {
  const farm = buildDemoFarm();

  it('has three sites in different time zones and energy sources', () => {
    expect(new Set(farm.sites.map((s) => s.timeZone)).size).toBe(3);
    expect(new Set(farm.sites.map((s) => s.energySource)).size).toBe(3);
  });

  it('has at least 6,000 miners over at least 15 catalogue models', () => {
    expect(farm.miners.length).toBeGreaterThanOrEqual(6000);
    const models = new Set(farm.miners.map((m) => m.modelName));
    expect(models.size).toBeGreaterThanOrEqual(15);
    const known = new Set<string>(MINER_MODEL_CATALOGUE.map((m) => m.name));
    for (const m of models) expect(known.has(m), m).toBe(true);
  });

  it('has about 2% offline and a few in maintenance', () => {
    const share = (s: string) => farm.miners.filter((m) => m.status === s).length / farm.miners.length;
    expect(share('offline')).toBeGreaterThan(0.012);
    expect(share('offline')).toBeLessThan(0.03);
    expect(share('maintenance')).toBeGreaterThan(0);
    expect(share('maintenance')).toBeLessThan(0.015);
  });

  it('has 150 customers of which exactly 40 own miners, each with a CLIENT user of the same email', () => {
    expect(farm.customers).toHaveLength(150);
    const owners = new Set(farm.miners.map((m) => m.customerKey).filter((k) => k !== null));
    expect(owners.size).toBe(40);
    const clientEmails = new Set(farm.users.filter((u) => u.role === 'CLIENT').map((u) => u.email));
    for (const key of owners) expect(clientEmails.has(farm.customers[key]!.email)).toBe(true);
    expect(clientEmails.has('client@demo.local')).toBe(true);
  });

  it('has one demo user per role', () => {
    for (const email of ['owner', 'admin', 'siteowner', 'operator', 'client', 'guest']) {
      expect(farm.users.some((u) => u.email === `${email}@demo.local`)).toBe(true);
    }
  });

  it('keeps serials, MACs and IPs unique within a site', () => {
    for (const site of farm.sites) {
      const ms = farm.miners.filter((m) => m.siteCode === site.code);
      for (const key of ['serial', 'macAddress', 'ipAddress'] as const) expect(new Set(ms.map((m) => m[key])).size).toBe(ms.length);
    }
  });

  it('is the same on every run', () => {
    expect(buildDemoFarm().miners.slice(0, 5)).toEqual(farm.miners.slice(0, 5));
  });
});
