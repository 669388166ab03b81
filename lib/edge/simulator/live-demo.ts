import { gzipSync } from 'node:zlib';
import type { Db } from '@/db/client';
import { issueDeviceToken } from '../devices';
import { ackCommand, leaseCommands } from '@/db/queries/edge/commands';
import { demoLiveMiners, revokeDeviceTokensNamed } from '@/db/queries/edge/demo-live';
import { CloudClient } from '../collector/cloud';
import { buildEnvelope } from '../envelope';
import { findModel } from '../models';
import type { MinerReading } from '../types';
import { SimMiner } from './sim-miner';

export const LIVE_DEMO_COLLECTOR = 'Demo live collector (npm run app)';

export type LiveDemoOptions = {
  db: Db;
  /** The app's own origin on loopback: readings go through its ingest API like a farm's collector's. */
  appUrl: string;
  orgSlug: string;
  /** One look at the farm per interval; each miner is read every `spread` intervals. */
  intervalMs?: number;
  spread?: number;
  clock?: () => number;
  log?: (line: string) => void;
};

type Simulated = { sim: SimMiner; minerId: string; siteId: string; ip: string; model: string };
type DemoDevice = { id: string; orgId: string; siteId: string };

/**
 * A light simulated collector for the demo farm while `npm run app` runs in demo mode (DEMO_LIVE):
 * each demo miner is a SimMiner (lib/edge/simulator, the same model of a machine `npm run demo` serves
 * over the CGMiner API) and its readings go to the app's real ingest API over loopback, with a device
 * token per site, as a farm's collectors send them. No TCP port per miner: the readings are taken from
 * the simulated machines directly, a fifth of the farm a minute, so every miner reports every five
 * minutes (1,200 readings a minute for 6,000 miners) and the five-minute rollup has a reading in every
 * bucket. Machines the seed left offline (the pool's offline workers) stay offline, and those the pool
 * shows at a fraction of their rate run underclocked.
 */
export async function startLiveDemo(o: LiveDemoOptions) {
  const log = o.log ?? ((line: string) => console.log(line));
  const clock = o.clock ?? Date.now;
  const spread = o.spread ?? 5;
  const rows = await demoLiveMiners(o.db, o.orgSlug);
  if (!rows.length) return null;
  const orgId = rows[0]!.orgId;
  await revokeDeviceTokensNamed(o.db, orgId, LIVE_DEMO_COLLECTOR);
  const clients = new Map<string, CloudClient>();
  const devices = new Map<string, DemoDevice>();
  for (const siteId of new Set(rows.map((r) => r.siteId))) {
    const { token, device } = await issueDeviceToken(o.db, { orgId, sites: 'all', customers: 'all' }, null, { siteId, name: LIVE_DEMO_COLLECTOR });
    clients.set(siteId, new CloudClient(o.appUrl, token, 60_000));
    devices.set(siteId, device);
  }

  const farm: Simulated[] = rows.map((r, i) => {
    const spec = { name: r.model, vendor: findModel(r.model)?.vendor ?? 'unknown', nominalThs: Number(r.nominalThs), powerW: r.powerW } as const;
    const sim = new SimMiner(i, r.mac ?? `demo-${i}`, (r.mac ?? '').toUpperCase(), spec, 'bmminer', 0x5eed + i, {}, clock);
    sim.forcedOffline = r.online === false;
    // The pool's slow workers: underclocked to the share of the rate the seed gave them.
    if (r.hashrateThs !== null && r.hashrateThs < spec.nominalThs * 0.5) sim.freqMhz = Math.round(525 * (r.hashrateThs / spec.nominalThs));
    return { sim, minerId: r.id, siteId: r.siteId, ip: r.ip ?? '', model: r.model };
  });
  const byMiner = new Map(farm.map((m) => [m.minerId, m]));
  const minerIdsOf = new Map<string, string[]>();
  for (const m of farm) minerIdsOf.set(m.siteId, [...(minerIdsOf.get(m.siteId) ?? []), m.minerId]);

  /**
   * Runs the demo miners' queued commands (a curtailment's sleep, wake and power targets; reboots) on
   * the simulated machines, as a collector would, and acks each; the miners it changed report in the
   * same round, so the app sees the effect within a minute. Only the demo miners' own commands are
   * leased: a real collector on the same site keeps its own.
   */
  async function runCommands(siteId: string, device: DemoDevice): Promise<Set<Simulated>> {
    const changed = new Set<Simulated>();
    for (let batch = 0; batch < 20; batch++) {
      const now = new Date(clock());
      const leased = await leaseCommands(o.db, device, 200, now, minerIdsOf.get(siteId) ?? []);
      for (const c of leased) {
        const m = byMiner.get(c.miner_id);
        const failure = m ? applyCommand(m.sim, c.command_type, c.params) : 'not a demo miner';
        if (m && !failure) changed.add(m);
        await ackCommand(o.db, device, c.command_id, { status: failure ? 'FAILED' : 'SUCCESS', result: failure ?? 'done (simulated)', execution_time_ms: 1, ack_nonce: c.nonce }, now);
      }
      if (leased.length < 200) break;
    }
    return changed;
  }

  let round = 0;
  let failing = false;
  async function tick(): Promise<number> {
    const at = new Date(clock()).toISOString();
    const slice = farm.filter((_, i) => i % spread === round % spread);
    round++;
    let sent = 0;
    for (const [siteId, client] of clients) {
      const changed = await runCommands(siteId, devices.get(siteId)!);
      const readings = [...new Set([...slice.filter((m) => m.siteId === siteId), ...changed])].map((m) => readingOf(m, at));
      if (!readings.length) continue;
      const gz = gzipSync(JSON.stringify(buildEnvelope(readings, { collectedAt: at, edgeVersion: 'demo-live', bufferDepth: 0 })));
      const res = await client.upload(gz, { waiting: 0, deadLetters: 0, deadLetterBytes: 0 });
      if (res.outcome === 'sent') sent += readings.length;
      else if (!failing) log(`[demo-live] the ingest API answered ${res.status ?? String(res.body)}; trying again next minute`);
      failing = res.outcome !== 'sent';
    }
    return sent;
  }

  const timer = setInterval(() => void tick().catch((e: unknown) => log(`[demo-live] ${e instanceof Error ? e.message : String(e)}`)), o.intervalMs ?? 60_000);
  timer.unref();
  log(`[demo-live] simulating ${farm.length} demo miners: each reports every ${((o.intervalMs ?? 60_000) * spread) / 60_000} min through ${o.appUrl}/api/edge/v1/telemetry/ingest (DEMO_LIVE=false turns it off)`);
  return { tick, stop: () => clearInterval(timer), miners: farm.length };
}

/** What the collector would read from the machine (lib/edge/rpc/read-miner), from its simulated state. */
function readingOf(m: Simulated, collectedAt: string): MinerReading {
  const { sim } = m;
  const base = { ip: m.ip, port: 4028, collectedAt, vendor: sim.model.vendor, model: m.model, firmware: null, macAddress: sim.mac || null, pools: [] };
  if (!sim.reachable()) {
    return { ...base, online: false, error: 'connection refused', hashrate5sThs: null, hashrateAvgThs: null, hashrateNominalThs: null, tempChipMaxC: null, tempBoardMaxC: null, tempInletC: null, tempOutletC: null, fansRpm: [], powerW: null, powerSource: null, accepted: null, rejected: null, hardwareErrors: null, uptimeS: null };
  }
  const chip = sim.chipTempC();
  const fan = sim.fanRpm();
  const shares = sim.shares();
  return {
    ...base,
    online: true,
    error: null,
    hashrate5sThs: round2(sim.hashrateThs()),
    hashrateAvgThs: round2(sim.hashrateThs(0.005)),
    hashrateNominalThs: sim.model.nominalThs,
    tempChipMaxC: chip,
    tempBoardMaxC: chip - 6,
    tempInletC: 24,
    tempOutletC: 42,
    fansRpm: [fan, fan, fan, fan],
    powerW: sim.powerW(),
    powerSource: 'reported',
    accepted: shares.accepted,
    rejected: shares.rejected,
    hardwareErrors: shares.hw,
    uptimeS: sim.uptimeS(),
  };
}

/** A command on a simulated machine; the reason when it cannot run there. */
function applyCommand(sim: SimMiner, type: string, params: Record<string, unknown>): string | null {
  switch (type) {
    case 'SLEEP':
      sim.sleeping = true;
      return null;
    case 'WAKE':
      sim.sleeping = false;
      return null;
    case 'SET_POWER_TARGET': {
      const watts = Number(params.watts);
      if (!Number.isFinite(watts) || watts <= 0) return 'no watts';
      sim.powerTargetW = watts;
      return null;
    }
    case 'REBOOT':
      sim.reboot();
      return null;
    default:
      return `${type} is not simulated`;
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;
