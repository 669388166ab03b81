import { gzipSync } from 'node:zlib';
import { commandSigningKey } from '../device-token';
import { buildEnvelope } from '../envelope';
import type { MinerReading } from '../types';
import { DiskBuffer } from './buffer';
import { CloudClient } from './cloud';
import type { CollectorConfig } from './config';
import { keyFingerprint } from '../crypto/fingerprint';
import { CredentialVault, type SyncResult } from './credential-vault';
import type { Logger } from './log';
import { pollMiners, type ReadFn } from './poll';
import { type ExecuteFn, runCommands } from './run-commands';

export const COLLECTOR_VERSION = '1.0.0';

export type CollectorDeps = { read: ReadFn; execute: ExecuteFn; log: Logger; now?: () => Date };

/**
 * The edge collector: read every miner, queue the envelope on disk, then drain the disk queue
 * oldest-first until the cloud refuses or is unreachable; separately poll, verify, run and ack
 * commands. Timers are optional — tests drive `pollCycle`, `flush` and `commandCycle` directly.
 */
export function createCollector(config: CollectorConfig, deps: CollectorDeps) {
  const now = deps.now ?? (() => new Date());
  const log = deps.log;
  const buffer = new DiskBuffer(config.bufferDir, config.bufferMaxEnvelopes, log);
  const cloud = new CloudClient(config.cloudUrl, config.token, config.uploadTimeoutMs);
  const signingKey = commandSigningKey(config.token);
  // Created on first use, so a collector that never syncs credentials writes no key files.
  let vaultInstance: CredentialVault | null = null;
  const vault = () => (vaultInstance ??= new CredentialVault(config.keysDir, log));
  let publishedKeyVersion = 0;
  // An offline reply has no MAC; the last one seen keeps the miner's identity stable in the cloud.
  const macs = new Map<string, string>();
  const timers: NodeJS.Timeout[] = [];
  let flushing: Promise<number> | null = null;

  function remember(readings: MinerReading[]) {
    for (const r of readings) {
      const key = `${r.ip}:${r.port}`;
      if (r.macAddress) macs.set(key, r.macAddress);
      else r.macAddress = macs.get(key) ?? null;
    }
  }

  async function pollCycle(): Promise<{ readings: number; online: number }> {
    const started = Date.now();
    const readings = await pollMiners(config.miners, deps.read, { concurrency: config.concurrency, timeoutMs: config.minerTimeoutMs });
    remember(readings);
    const collectedAt = now().toISOString();
    for (let i = 0; i < readings.length; i += config.batchSize) {
      const envelope = buildEnvelope(readings.slice(i, i + config.batchSize), { collectedAt, edgeVersion: COLLECTOR_VERSION, bufferDepth: buffer.depth() });
      buffer.push(gzipSync(JSON.stringify(envelope)));
    }
    const online = readings.filter((r) => r.online).length;
    log('info', 'poll done', { miners: readings.length, online, offline: readings.length - online, ms: Date.now() - started, buffered: buffer.depth() });
    await flush();
    return { readings: readings.length, online };
  }

  /** Sends buffered envelopes in order; stops at the first that cannot be delivered now. Returns how many were sent. */
  function flush(): Promise<number> {
    flushing ??= (async () => {
      let sent = 0;
      try {
        for (let next = buffer.oldest(); next; next = buffer.oldest()) {
          const res = await cloud.upload(next.gz, buffer.depth() - 1);
          if (res.outcome === 'retry') {
            log('warn', 'cloud unreachable, keeping envelopes on disk', { status: res.status, detail: res.body, buffered: buffer.depth() });
            break;
          }
          if (res.outcome === 'rejected') log('error', 'envelope rejected by the cloud, dropped', { status: res.status, detail: res.body });
          else sent++;
          buffer.remove(next.name);
        }
        if (sent) log('info', 'uploaded', { envelopes: sent, buffered: buffer.depth() });
        return sent;
      } finally {
        flushing = null;
      }
    })();
    return flushing;
  }

  async function commandCycle(): Promise<number> {
    try {
      return await runCommands({ cloud, signingKey, miners: config.miners, execute: deps.execute, log, now });
    } catch (e) {
      log('warn', 'command poll failed', { detail: e instanceof Error ? e.message : String(e) });
      return 0;
    }
  }

  /** Publishes the key when it is new to the cloud, then opens the site's sealed credentials. */
  async function credentialCycle(): Promise<SyncResult | null> {
    try {
      const key = vault().currentPublicKey();
      if (publishedKeyVersion !== key.keyVersion) {
        const binding = await cloud.publishKey(key);
        if (!vault().bind(binding)) {
          log('error', 'the cloud names another tenant or site than the one this collector is pinned to; credentials not opened', binding);
          return null;
        }
        publishedKeyVersion = key.keyVersion;
        log('info', 'credential key published', { keyVersion: key.keyVersion, fingerprint: keyFingerprint(key.publicKey) });
      }
      const result = vault().sync(await cloud.fetchCredentials());
      if (result.opened) log('info', 'credentials opened', { opened: result.opened, held: vault().size() });
      return result;
    } catch (e) {
      log('warn', 'credential sync failed', { detail: e instanceof Error ? e.message : String(e) });
      return null;
    }
  }

  function every(seconds: number, fn: () => Promise<unknown>) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await fn();
      } catch (e) {
        log('error', 'cycle failed', { detail: e instanceof Error ? e.message : String(e) });
      } finally {
        running = false;
      }
    };
    void tick();
    timers.push(setInterval(tick, seconds * 1000));
  }

  return {
    pollCycle,
    flush,
    commandCycle,
    credentialCycle,
    credentialFor: (minerId: string) => vault().secretFor(minerId),
    rotateCredentialKey: () => vault().rotate(),
    bufferDepth: () => buffer.depth(),
    start() {
      log('info', 'collector started', { version: COLLECTOR_VERSION, miners: config.miners.length, cloud: config.cloudUrl, pollIntervalS: config.pollIntervalS });
      every(config.pollIntervalS, pollCycle);
      every(config.commandPollIntervalS, commandCycle);
      every(config.credentialPollIntervalS, credentialCycle);
    },
    stop() {
      for (const t of timers.splice(0)) clearInterval(t);
    },
  };
}
