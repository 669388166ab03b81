import { gzipSync } from 'node:zlib';
import type { MinerReading } from '@/lib/edge/types';

export function reading(i: number, at: string, over: Partial<MinerReading> = {}): MinerReading {
  return {
    ip: '127.0.0.1',
    port: 40000 + i,
    collectedAt: at,
    online: true,
    error: null,
    vendor: 'antminer',
    model: 'Antminer S19 Pro',
    firmware: 'bmminer 1.0',
    macAddress: `02:00:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`,
    hashrate5sThs: 110 + i / 10,
    hashrateAvgThs: 109.5,
    hashrateNominalThs: 110,
    tempChipMaxC: 78,
    tempBoardMaxC: 70,
    tempInletC: 25,
    tempOutletC: 55,
    fansRpm: [5400, 5520, 5460, 5580],
    powerW: 3250,
    powerSource: 'reported',
    accepted: 1000 + i,
    rejected: 3,
    hardwareErrors: 1,
    uptimeS: 86400,
    pools: [{ url: 'stratum+tcp://pool.example:3333', user: 'acct.w1', status: 'Alive', accepted: 1000, rejected: 3 }],
    ...over,
  };
}

export function ingestRequest(token: string | null, body: unknown, opts: { gzip?: boolean; raw?: Buffer | string; headers?: Record<string, string> } = {}) {
  const json = opts.raw ?? JSON.stringify(body);
  const payload = opts.gzip ? gzipSync(typeof json === 'string' ? Buffer.from(json) : json) : json;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.gzip) headers['content-encoding'] = 'gzip';
  return new Request('http://127.0.0.1/api/edge/v1/telemetry/ingest', { method: 'POST', headers, body: new Uint8Array(Buffer.from(payload)) });
}
