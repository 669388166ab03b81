import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { queueCommands } from '@/db/queries/edge/commands';
import { sealingKeyForMiner, storeSealedCredential } from '@/db/queries/edge/credentials';
import { edgeCommands, edgeDiscoveredMiners, minerTelemetryLive } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import { createCollector } from '@/lib/edge/collector/collector';
import { collectorConfigSchema } from '@/lib/edge/collector/config';
import { executeMinerCommand } from '@/lib/edge/commands';
import { sealMinerCredential } from '@/lib/edge/crypto';
import { fromBase64 } from '@/lib/edge/crypto/encoding';
import { issueDeviceToken } from '@/lib/edge/devices';
import { readMiner } from '@/lib/edge/rpc/read-miner';
import { type SimModel, type SimulatedFarm, startSimulatedFarm } from '@/lib/edge/simulator';
import { SIM_WEB_LOGINS } from '@/lib/edge/simulator/sim-miner';
import { sealedCredentialSchema } from '@/lib/validation/edge-credentials';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite } from '../helpers/fixtures';
import { startCloud } from './cloud-server';

/** One simulated miner per firmware whose writes go over its web or authenticated API. */
const DIALECTS: SimModel[] = ['Antminer S19 Pro', { model: 'Antminer S19j Pro', firmware: 'vnish' }, 'Whatsminer M50S', { model: 'Whatsminer M60S', firmware: 'btminer-v3' }, { model: 'Antminer S19j Pro', firmware: 'bosminer' }, 'Auradine AT1500'];

let db: Db;
let drop: () => Promise<void>;
let farm: SimulatedFarm;
let cloud: Awaited<ReturnType<typeof startCloud>>;
let scope: Scope;
let siteId: string;
let token: string;
let dir: string;
const logs: string[] = [];
const log = (level: 'info' | 'warn' | 'error', msg: string, fields = {}) => void logs.push(JSON.stringify({ level, msg, ...fields }));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  siteId = (await makeSite(db, org.id)).id;
  scope = { orgId: org.id, sites: 'all', customers: 'all' };
  token = (await issueDeviceToken(db, scope, null, { siteId, name: 'writes collector' })).token;
  farm = await startSimulatedFarm({ count: DIALECTS.length, models: DIALECTS, seed: 11, faults: { rebootMs: 60_000 } });
  cloud = await startCloud(db);
  dir = mkdtempSync(path.join(tmpdir(), 'hi-writes-'));
});
afterAll(async () => {
  await farm.close();
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
  await drop();
});

/** The browser's part: seal "username:password" to the collector's key, store only the blob. */
async function storeCredential(minerId: string, secret: string) {
  const key = (await sealingKeyForMiner(db, scope, minerId))!;
  const sealed = sealMinerCredential({ secret, collectorPublicKey: fromBase64(key.publicKey), keyVersion: key.keyVersion, aad: { tenantId: scope.orgId, siteId, minerId, counter: key.nextCounter, schemaVersion: 1 } });
  await storeSealedCredential(db, scope, null, minerId, sealedCredentialSchema.parse(sealed), new Date());
}

describe('collector → simulator writes per firmware dialect, with vault credentials', () => {
  it('reboots every miner over its own interface, using the stored credential, never logging it', async () => {
    const config = collectorConfigSchema.parse({
      cloudUrl: cloud.url,
      token,
      bufferDir: path.join(dir, 'buf'),
      keysDir: path.join(dir, 'keys'),
      // The simulator answers web/gRPC requests on the same port as the cgminer API.
      miners: farm.miners.map((m) => ({ host: m.host, port: m.port, httpPort: m.port })),
    });
    const collector = createCollector(config, { read: readMiner, execute: executeMinerCommand, log });
    expect((await collector.pollCycle()).online).toBe(DIALECTS.length);
    await collector.credentialCycle();

    const ids: string[] = [];
    for (const m of farm.miners) {
      const [found] = await db.select().from(edgeDiscoveredMiners).where(eq(edgeDiscoveredMiners.port, m.port));
      const login = SIM_WEB_LOGINS[m.firmware];
      await storeCredential(found!.minerId, `${login.username}:${login.password}`);
      ids.push(found!.minerId);
    }
    expect(await collector.credentialCycle()).toMatchObject({ opened: DIALECTS.length, refused: [] });

    await queueCommands(db, scope, null, { type: 'REBOOT', minerIds: ids, ttlS: 600, params: {} }, new Date());
    expect(await collector.commandCycle()).toBe(DIALECTS.length);
    const done = await db.select().from(edgeCommands);
    const byFirmware = Object.fromEntries(done.map((c) => [farm.miners[ids.indexOf(c.minerId)]!.firmware, c.status]));
    expect(byFirmware).toEqual(Object.fromEntries(farm.miners.map((m) => [m.firmware, 'SUCCEEDED'])));
    for (let i = 0; i < farm.miners.length; i++) expect(farm.state(i).reachable, farm.miners[i]!.firmware).toBe(false);
    for (const m of farm.miners) expect(logs.join('\n')).not.toContain(`${SIM_WEB_LOGINS[m.firmware].username}:${SIM_WEB_LOGINS[m.firmware].password}`);
  });

  it('reads a web-only firmware (Elphapex) once its login is in the vault, and reboots it', async () => {
    const web = await startSimulatedFarm({ count: 1, models: ['Elphapex DG1+'], seed: 12, faults: { rebootMs: 60_000 } });
    try {
      const m = web.miners[0]!;
      const config = collectorConfigSchema.parse({ cloudUrl: cloud.url, token, bufferDir: path.join(dir, 'buf-web'), keysDir: path.join(dir, 'keys'), miners: [{ host: m.host, port: m.port, httpPort: m.port }] });
      const collector = createCollector(config, { read: readMiner, execute: executeMinerCommand, log });
      // Without a login its cgminer port says nothing readable: offline, never online.
      expect((await collector.pollCycle()).online).toBe(0);
      const [found] = await db.select().from(edgeDiscoveredMiners).where(eq(edgeDiscoveredMiners.port, m.port));
      await storeCredential(found!.minerId, 'root:root');
      expect(await collector.credentialCycle()).toMatchObject({ refused: [] });
      expect((await collector.pollCycle()).online).toBe(1);
      const [live] = await db.select().from(minerTelemetryLive).where(eq(minerTelemetryLive.minerId, found!.minerId));
      expect(live).toMatchObject({ online: true, vendor: 'elphapex', firmware: 'DG1+_V1.0.3' });
      await queueCommands(db, scope, null, { type: 'REBOOT', minerIds: [found!.minerId], ttlS: 600, params: {} }, new Date());
      expect(await collector.commandCycle()).toBe(1);
      const [cmd] = await db.select().from(edgeCommands).where(eq(edgeCommands.minerId, found!.minerId));
      expect(cmd!.status).toBe('SUCCEEDED');
      expect(web.state(0).reachable).toBe(false);
      expect(logs.join('\n')).not.toContain('root:root');
    } finally {
      await web.close();
    }
  });
});
