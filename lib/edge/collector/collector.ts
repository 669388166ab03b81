import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { commandSigningKey } from '../device-token';
import { buildEnvelope } from '../envelope';
import type { MinerReading } from '../types';
import { DiskBuffer } from './buffer';
import { CloudClient } from './cloud';
import type { CollectorConfig } from './config';
import { keyFingerprint } from '../crypto/fingerprint';
import { CredentialVault, type SyncResult } from './credential-vault';
import { DeadLetterStore } from './dead-letter';
import type { Logger } from './log';
import { pollMiners, type ReadFn } from './poll';
import { type ExecuteFn, runCommands } from './run-commands';
import { credentialFor, type MinerCredential, parseStoredCredential } from '../writes/credentials';

export const COLLECTOR_VERSION = '1.0.0';
/** The first wait after a failed upload; it doubles with each failure in a row, up to the poll interval. */
const RETRY_BASE_MS = 5000;

export type CollectorDeps = { read: ReadFn; execute: ExecuteFn; log: Logger; now?: () => Date };

/**
 * The edge collector: read every miner, queue the envelope on disk, then drain the disk queue
 * oldest-first; separately poll, verify, run and ack commands. An envelope the cloud refuses (4xx)
 * moves to the dead-letter store so the queue behind it keeps flowing; when the cloud is
 * unreachable or failing (5xx, network) the queue stays on disk and is retried with backoff.
 * Timers are optional — tests drive `pollCycle`, `flush` and `commandCycle` directly.
 */
export function createCollector(config: CollectorConfig, deps: CollectorDeps) {
  const now = deps.now ?? (() => new Date());
  const log = deps.log;
  const buffer = new DiskBuffer(config.bufferDir, config.bufferMaxEnvelopes, log);
  const deadLetters = new DeadLetterStore(config.deadLetterDir ?? path.join(config.bufferDir, 'dead-letter'), { maxEnvelopes: config.deadLetterMaxEnvelopes, maxBytes: config.deadLetterMaxBytes }, log);
  const cloud = new CloudClient(config.cloudUrl, config.token, config.uploadTimeoutMs);
  const signingKey = commandSigningKey(config.token);
  // Created on first use, so a collector that never syncs credentials writes no key files.
  let vaultInstance: CredentialVault | null = null;
  const vault = () => (vaultInstance ??= new CredentialVault(config.keysDir, log));
  let publishedKeyVersion = 0;
  // Which miner id a stored credential belongs to, by the address it is read at (from the last credential sync).
  const minerIdAt = new Map<string, string>();
  // An offline reply has no MAC; the last one seen keeps the miner's identity stable in the cloud.
  const macs = new Map<string, string>();
  const timers: NodeJS.Timeout[] = [];
  let flushing: Promise<number> | null = null;
  let timersOn = false;
  // Failed uploads in a row, and when the next may be tried.
  let failures = 0;
  let retryAt = 0;
  let retryTimer: NodeJS.Timeout | null = null;

  /**
   * The wait after the n-th failure in a row: 5 s doubling, at most the poll interval (every poll
   * queues an envelope, so a longer wait would only grow the queue), less up to 20 % so that
   * collectors cut off together do not all come back in the same second.
   */
  function backoffMs(n: number): number {
    return Math.min(RETRY_BASE_MS * 2 ** (n - 1), config.pollIntervalS * 1000) * (0.8 + 0.2 * Math.random());
  }

  /** A miner's stored login (opened from the vault), else the web-read vendor's factory login when allowed; never logged. */
  function loginFor(m: { host: string; port: number }): MinerCredential | null {
    const id = minerIdAt.get(`${m.host}:${m.port}`);
    const stored = parseStoredCredential(id ? (vaultInstance?.secretFor(id) ?? null) : null);
    return credentialFor('elphapex', stored, config.useVendorDefaultCredentials);
  }

  function remember(readings: MinerReading[]) {
    for (const r of readings) {
      const key = `${r.ip}:${r.port}`;
      if (r.macAddress) macs.set(key, r.macAddress);
      else r.macAddress = macs.get(key) ?? null;
    }
  }

  async function pollCycle(): Promise<{ readings: number; online: number }> {
    const started = Date.now();
    const readings = await pollMiners(config.miners, deps.read, { concurrency: config.concurrency, timeoutMs: config.minerTimeoutMs, loginFor });
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

  /**
   * Sends buffered envelopes in order; stops at the first the cloud cannot take now, and then
   * waits out the backoff before trying again. Returns how many were stored.
   */
  function flush(): Promise<number> {
    if (now().getTime() < retryAt) return Promise.resolve(0);
    flushing ??= (async () => {
      let sent = 0;
      try {
        for (let next = buffer.oldest(); next; next = buffer.oldest()) {
          const res = await cloud.upload(next.gz, { waiting: buffer.depth() - 1, ...health() });
          if (res.outcome === 'retry') {
            const waitMs = backoffMs(++failures);
            retryAt = now().getTime() + waitMs;
            if (timersOn) retryTimer ??= setTimeout(retryNow, waitMs);
            log('warn', 'cloud unreachable, keeping envelopes on disk', { status: res.status, detail: res.body, buffered: buffer.depth(), retryInS: Math.round(waitMs / 1000) });
            break;
          }
          failures = 0;
          retryAt = 0;
          if (res.outcome === 'rejected') {
            deadLetters.add(next.gz, { rejectedAt: now().toISOString(), status: res.status, answer: res.body });
            log('error', 'envelope refused by the cloud, moved to the dead-letter store', { status: res.status, detail: res.body, ...health() });
          } else {
            sent++;
            const refused = (res.body as { errors?: unknown[] } | null)?.errors;
            if (refused?.length) log('warn', 'cloud refused some readings of an upload', { refused: refused.length, first: refused.slice(0, 3) });
          }
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

  function retryNow() {
    retryTimer = null;
    retryAt = 0;
    void flush();
  }

  function health() {
    const { count, bytes } = deadLetters.stats();
    return { deadLetters: count, deadLetterBytes: bytes };
  }

  async function commandCycle(): Promise<number> {
    try {
      return await runCommands({
        cloud,
        signingKey,
        miners: config.miners,
        execute: deps.execute,
        log,
        now,
        // No vault file is created for a collector that never synced credentials.
        credentialFor: (minerId) => vaultInstance?.secretFor(minerId) ?? null,
        allowVendorDefaults: config.useVendorDefaultCredentials,
        openSecret: (sealed) => vault().openCommandSecret(sealed),
      });
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
      const entries = await cloud.fetchCredentials();
      for (const e of entries) if (e.target) minerIdAt.set(`${e.target.host}:${e.target.port}`, e.minerId);
      const result = vault().sync(entries);
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
    deadLetters: () => deadLetters.stats(),
    start() {
      timersOn = true;
      log('info', 'collector started', { version: COLLECTOR_VERSION, miners: config.miners.length, cloud: config.cloudUrl, pollIntervalS: config.pollIntervalS, ...health() });
      every(config.pollIntervalS, pollCycle);
      every(config.commandPollIntervalS, commandCycle);
      every(config.credentialPollIntervalS, credentialCycle);
    },
    stop() {
      timersOn = false;
      for (const t of timers.splice(0)) clearInterval(t);
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
  };
}
