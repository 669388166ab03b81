import net from 'node:net';
import { findModel, type ModelSpec } from '../models';
import { dispatch } from './dispatch';
import { v3Reply } from './replies-whatsminer-v3';
import { btWrite } from './replies-whatsminer-write';
import { createRng } from './rng';
import { type SimFaults, type SimFirmware, SimMiner } from './sim-miner';
import { bridge, createWebServers, isHttp2Start, isHttpStart, type WebServers } from './web';

export type { SimFaults, SimFirmware } from './sim-miner';

export type SimModel = string | { model: string; firmware: SimFirmware };

export type SimulatedFarmOptions = {
  count: number;
  /** First address. With addressing 'ports' every miner listens on it; with 'hosts' miner i on host+i. */
  host?: string;
  /** 'ports' (default): miner i on basePort+i (0 = random free ports). 'hosts': miner i on (host+i):basePort. */
  addressing?: 'ports' | 'hosts';
  basePort?: number;
  seed?: number;
  /** Cycled over the miners. A bare model name runs its vendor's stock firmware. */
  models?: SimModel[];
  faults?: SimFaults;
  /** Clock for uptime and spells (ms); tests may pass a controllable one. */
  clock?: () => number;
};

export type SimulatedMinerInfo = { host: string; port: number; serial: string; mac: string; model: string; firmware: SimFirmware };

export type SimulatedFarm = {
  miners: SimulatedMinerInfo[];
  setOffline(i: number, offline: boolean): void;
  /** Inspect what a miner is doing (tests check that commands took effect). */
  state(i: number): { reachable: boolean; sleeping: boolean; profile: string; freqMhz: number; powerTargetW: number | null; activePool: number; pools: string[]; uptimeS: number };
  close(): Promise<void>;
};

const DEFAULT_MODELS: SimModel[] = [
  'Antminer S19 Pro',
  'Whatsminer M50S',
  { model: 'Antminer S19j Pro', firmware: 'luxos' },
  'Antminer S21',
  'Whatsminer M30S++',
  { model: 'Antminer S21', firmware: 'luxos' },
  'Antminer S19k Pro',
  'Whatsminer M60S',
];

/** Which firmware runs on which hardware vendor; the first is the vendor's stock firmware. */
const FIRMWARE_FOR: Partial<Record<ModelSpec['vendor'], SimFirmware[]>> = {
  antminer: ['bmminer', 'luxos', 'bosminer', 'vnish'],
  whatsminer: ['btminer', 'btminer-v3'],
  avalon: ['avalon'],
  sealminer: ['bdminer'],
  elphapex: ['elphapex'],
  auradine: ['gcminer'],
};

function resolveModel(m: SimModel): { spec: ModelSpec; firmware: SimFirmware } {
  const name = typeof m === 'string' ? m : m.model;
  const spec = findModel(name);
  if (!spec) throw new Error(`Unknown simulated model "${name}"`);
  const runs = FIRMWARE_FOR[spec.vendor];
  if (!runs) throw new Error(`The simulator has no firmware for ${spec.vendor}`);
  const firmware = typeof m === 'string' ? runs[0]! : m.firmware;
  if (!runs.includes(firmware)) throw new Error(`${firmware} does not run on ${spec.name}`);
  return { spec, firmware };
}

function ipPlus(base: string, n: number): string {
  const parts = base.split('.').map(Number);
  if (parts.length !== 4 || parts[0] !== 127) throw new Error(`Simulated miners live on loopback (127.0.0.0/8), not ${base}`);
  const v = ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]! + n;
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

function hex(rng: () => number, bytes: number): string {
  return Array.from({ length: bytes }, () => Math.floor(rng() * 256).toString(16).padStart(2, '0')).join('');
}

/**
 * One port per miner, sniffed on the first bytes: an HTTP request line (or the HTTP/2 preface) goes
 * to the farm's web servers — the vendor web/gRPC APIs that take writes — and anything else is the
 * cgminer API (bare JSON) or Whatsminer API v3 (length-framed JSON), as before.
 */
function serve(miner: SimMiner, open: Set<net.Socket>, web: WebServers): net.Server {
  return net.createServer((socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    socket.on('error', () => {});
    // An unreachable miner resets the connection at once, like a host whose miner process is down.
    if (!miner.reachable()) {
      socket.resetAndDestroy();
      return;
    }
    let buf = Buffer.alloc(0);
    socket.setTimeout(10_000, () => socket.destroy());
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      // Whatsminer API v3 frames requests with a 4-byte little-endian length; cgminer sends bare JSON.
      const framed = buf.length >= 4 && buf[0] !== 0x7b && buf[0] !== 0x20;
      const body = framed ? buf.subarray(4, 4 + buf.readUInt32LE(0)) : buf;
      if (framed && buf.length < 4 + buf.readUInt32LE(0)) return;
      let req: { command?: unknown; parameter?: unknown; cmd?: unknown; param?: unknown; [k: string]: unknown };
      try {
        req = JSON.parse(body.toString('utf8').replace(/\u0000/g, ''));
      } catch {
        if (buf.length > 65_536 || framed) socket.destroy();
        return;
      }
      // Elphapex is read over its web CGIs; its cgminer port closes without an answer.
      if (miner.firmware === 'elphapex') return void socket.end();
      if (miner.firmware === 'btminer-v3') {
        // v3 firmware has no cgminer API: a bare cgminer request gets bytes that are not JSON.
        if (!framed) return void socket.end('\u0000\u0000\u0000\u0000');
        const { reboot, ...reply } = v3Reply(miner, String(req.cmd ?? ''), req.param, miner.clock(), req);
        const json = Buffer.from(JSON.stringify(reply), 'utf8');
        const len = Buffer.alloc(4);
        len.writeUInt32LE(json.length, 0);
        socket.end(Buffer.concat([len, json]));
        if (reboot) miner.reboot();
        return;
      }
      if (miner.firmware === 'btminer' && req.command === undefined) {
        const w = btWrite(miner, req as Parameters<typeof btWrite>[1], miner.clock());
        if (w) {
          socket.end(JSON.stringify(w.reply));
          if (w.reboot) miner.reboot();
          return;
        }
      }
      const { text, reboot } = dispatch(miner, String(req.command ?? ''), String(req.parameter ?? ''), miner.clock());
      socket.end(text);
      if (reboot) miner.reboot();
    };
    socket.once('data', (first: Buffer) => {
      if (isHttpStart(first)) {
        socket.setTimeout(0);
        const duplex = bridge(socket, first, miner);
        (isHttp2Start(first) ? web.h2For(miner) : web.h1).emit('connection', duplex);
        return;
      }
      onData(first);
      socket.on('data', onData);
    });
  });
}

function listen(server: net.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, backlog: 64 }, () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

/**
 * A farm of simulated miners on loopback, each a TCP server speaking the CGMiner API as bmminer,
 * btminer or LuxOS would. One listening socket per miner: 6,000 miners need ~6,000 descriptors
 * (check `ulimit -n`) and a few tens of MB.
 */
export async function startSimulatedFarm(opts: SimulatedFarmOptions): Promise<SimulatedFarm> {
  const host = opts.host ?? '127.0.0.1';
  const addressing = opts.addressing ?? 'ports';
  const basePort = opts.basePort ?? 0;
  if (addressing === 'hosts' && basePort === 0) throw new Error("addressing 'hosts' needs a basePort (e.g. 4028)");
  const seed = opts.seed ?? 1;
  const rng = createRng(seed);
  const models = (opts.models?.length ? opts.models : DEFAULT_MODELS).map(resolveModel);
  const clock = opts.clock ?? Date.now;
  const faults = opts.faults ?? {};

  const sims: SimMiner[] = [];
  const servers: net.Server[] = [];
  const miners: SimulatedMinerInfo[] = [];
  const open = new Set<net.Socket>();
  const web = createWebServers();
  try {
    for (let i = 0; i < opts.count; i++) {
      const { spec, firmware } = models[i % models.length]!;
      const serial = (spec.vendor === 'whatsminer' ? 'HTM' : 'JYZZ') + hex(rng, 6).toUpperCase();
      const mac = `02:48:49:${hex(rng, 1)}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`.toUpperCase();
      const sim = new SimMiner(i, serial, mac, spec, firmware, Math.floor(rng() * 2 ** 32), faults, clock);
      const server = serve(sim, open, web);
      const ip = addressing === 'hosts' ? ipPlus(host, i) : ipPlus(host, 0);
      const port = await listen(server, ip, addressing === 'hosts' ? basePort : basePort === 0 ? 0 : basePort + i);
      sims.push(sim);
      servers.push(server);
      miners.push({ host: ip, port, serial, mac, model: spec.name, firmware });
    }
  } catch (e) {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    throw e;
  }

  const at = (i: number) => {
    const s = sims[i];
    if (!s) throw new Error(`No simulated miner ${i}`);
    return s;
  };
  return {
    miners,
    setOffline(i, offline) {
      at(i).forcedOffline = offline;
    },
    state(i) {
      const s = at(i);
      return {
        reachable: s.reachable(),
        sleeping: s.sleeping,
        profile: s.profile,
        freqMhz: s.frequency(),
        powerTargetW: s.powerTargetW,
        activePool: s.activePool,
        pools: s.pools.map((p) => p.url),
        uptimeS: s.uptimeS(),
      };
    },
    async close() {
      const closing = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
      for (const socket of open) socket.destroy();
      await Promise.all(closing);
      web.close();
    },
  };
}
