import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { commandTargetOptions } from '@/db/queries/edge/commands';
import { minerTelemetryLive } from '@/db/schema';
import { commandSupport } from '@/lib/domain/edge/command-support';
import { buildEnvelope } from '@/lib/edge/envelope';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';
import { issueDeviceToken } from '@/lib/edge/devices';
import type { MinerReading } from '@/lib/edge/types';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite } from '../helpers/fixtures';
import { ingestRequest, reading } from './ingest-helpers';

let db: Db;
let drop: () => Promise<void>;
let token: string;
let orgId: string;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  orgId = org.id;
  const siteId = (await makeSite(db, org.id)).id;
  token = (await issueDeviceToken(db, { orgId: org.id, sites: 'all', customers: 'all' }, null, { siteId, name: 'c' })).token;
});
afterAll(async () => {
  await drop();
});

async function upload(minute: number, over: Partial<MinerReading>) {
  const at = new Date(Date.UTC(2026, 10, 22, 5, minute)).toISOString();
  const res = await handleIngest(db, ingestRequest(token, buildEnvelope([reading(0, at, over)], { collectedAt: at, edgeVersion: '1.0.0', bufferDepth: 0 })), new Date(Date.UTC(2026, 10, 22, 6)));
  expect(res.status).toBe(200);
  const [live] = await db.select({ vendor: minerTelemetryLive.vendor, firmware: minerTelemetryLive.firmware }).from(minerTelemetryLive);
  return live;
}

describe('the live row keeps the firmware the collector identified (0026)', () => {
  it('stores vendor and firmware, keeps them through offline and unidentified readings, follows a firmware change', async () => {
    expect(await upload(1, { vendor: 'luxos', firmware: 'LUXminer 2025.1.1' })).toEqual({ vendor: 'luxos', firmware: 'LUXminer 2025.1.1' });
    expect(await upload(2, { online: false, vendor: 'unknown', firmware: null, error: 'refused' })).toEqual({ vendor: 'luxos', firmware: 'LUXminer 2025.1.1' });
    expect(await upload(3, { vendor: 'unknown', firmware: null })).toEqual({ vendor: 'luxos', firmware: 'LUXminer 2025.1.1' });
    expect(await upload(4, { vendor: 'antminer', firmware: 'bmminer 1.0' })).toEqual({ vendor: 'antminer', firmware: 'bmminer 1.0' });
  });

  it('the command form gets each miner with its firmware, to say what it does not take before anything is queued', async () => {
    const [target] = await commandTargetOptions(db, { orgId, sites: 'all', customers: 'all' });
    expect(target).toMatchObject({ vendor: 'antminer', firmware: 'bmminer 1.0' });
    expect(commandSupport(target!.vendor, 'SET_POWER_TARGET')).toBe('unsupported');
    expect(commandSupport(target!.vendor, 'REBOOT')).toBe('supported');
  });
});
