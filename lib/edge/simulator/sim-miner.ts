import type { ModelSpec } from '../models';
import { createRng, gaussian } from './rng';
import type { WebLogin } from './web-common';

export type SimFirmware = 'bmminer' | 'btminer' | 'luxos' | 'avalon' | 'bdminer' | 'btminer-v3' | 'bosminer' | 'vnish' | 'elphapex' | 'gcminer';

export type SimFaults = {
  /** Chance per `summary` poll that a miner starts an offline spell (connections reset). Default 0. */
  offlineRate?: number;
  offlineSpellMs?: number;
  /** Fraction of miners that run hot (chips above 95 °C, fans flat out). Default 0. */
  overheatRate?: number;
  /** Fraction of bmminer/LuxOS `stats` replies glued as `}{`, the real bmminer quirk. Default 0. */
  malformedRate?: number;
  /** How long a reboot keeps the miner unreachable. Default 5000 ms. */
  rebootMs?: number;
};

/** `password` is what a write set (undefined when it set none, or for the start-up pools). */
export type SimPool = { url: string; user: string; password?: string; accepted: number };

/** LuxOS-style power profiles: relative hashrate and power against the stock tune. */
export const SIM_PROFILES: Record<string, { hash: number; power: number; freqMhz: number }> = {
  '-2': { hash: 0.7, power: 0.62, freqMhz: 420 },
  '-1': { hash: 0.85, power: 0.8, freqMhz: 475 },
  default: { hash: 1, power: 1, freqMhz: 525 },
  '+1': { hash: 1.1, power: 1.18, freqMhz: 575 },
};

const SLEEP_POWER_W = 12;

/** The factory logins of each firmware's web/API (lib/edge/writes/credentials.ts lists the same). */
export const SIM_WEB_LOGINS: Record<SimFirmware, WebLogin> = {
  bmminer: { username: 'root', password: 'root' },
  vnish: { username: 'admin', password: 'admin' },
  btminer: { username: 'admin', password: 'admin' },
  'btminer-v3': { username: 'super', password: 'super' },
  bosminer: { username: 'root', password: 'root' },
  luxos: { username: 'root', password: 'root' },
  avalon: { username: 'root', password: 'root' },
  bdminer: { username: 'root', password: 'root' },
  elphapex: { username: 'root', password: 'root' },
  gcminer: { username: 'admin', password: 'admin' },
};

/** One simulated miner's state; time comes from `clock` so tests can reason about it. */
export class SimMiner {
  forcedOffline = false;
  offlineUntil = 0;
  rebootUntil = 0;
  bootAt: number;
  sleeping = false;
  profile = 'default';
  freqMhz: number | null = null;
  powerTargetW: number | null = null;
  activePool = 0;
  readonly pools: SimPool[];
  readonly overheating: boolean;
  readonly sessions = new Set<string>();
  readonly rng: () => number;
  /** The login its web/API interface accepts (tests may change it to check refusals). */
  webLogin: WebLogin;

  constructor(
    readonly index: number,
    readonly serial: string,
    readonly mac: string,
    readonly model: ModelSpec,
    readonly firmware: SimFirmware,
    seed: number,
    readonly faults: SimFaults,
    readonly clock: () => number,
  ) {
    this.rng = createRng(seed);
    this.webLogin = { ...SIM_WEB_LOGINS[firmware] };
    // Miners in a farm were started at different times: up to ten days ago.
    this.bootAt = clock() - Math.floor(this.rng() * 10 * 86_400_000) - 60_000;
    this.overheating = this.rng() < (faults.overheatRate ?? 0);
    const worker = `sim.${serial.slice(-6).toLowerCase()}`;
    this.pools = [
      { url: 'stratum+tcp://btc.pool.sim.invalid:3333', user: worker, accepted: 0 },
      { url: 'stratum+tcp://btc-backup.pool.sim.invalid:443', user: worker, accepted: 0 },
    ];
  }

  reachable(now = this.clock()): boolean {
    return !this.forcedOffline && now >= this.offlineUntil && now >= this.rebootUntil;
  }

  /** Called on each summary poll: maybe start an offline spell. */
  rollOfflineSpell(now = this.clock()): boolean {
    if (this.rng() < (this.faults.offlineRate ?? 0)) {
      this.offlineUntil = now + (this.faults.offlineSpellMs ?? 30_000);
      return true;
    }
    return false;
  }

  reboot(now = this.clock()) {
    this.rebootUntil = now + (this.faults.rebootMs ?? 5000);
    this.bootAt = this.rebootUntil;
    this.sleeping = false;
    this.sessions.clear();
  }

  uptimeS(now = this.clock()): number {
    return Math.max(0, Math.floor((now - this.bootAt) / 1000));
  }

  private tune() {
    const p = SIM_PROFILES[this.profile] ?? SIM_PROFILES.default!;
    const freqRatio = this.freqMhz ? this.freqMhz / p.freqMhz : 1;
    let hash = p.hash * freqRatio;
    let power = p.power * freqRatio;
    if (this.powerTargetW !== null) {
      const cap = this.powerTargetW / this.model.powerW;
      if (power > cap) {
        hash *= cap / power;
        power = cap;
      }
    }
    return { hash, power };
  }

  /** Current hashrate in TH/s with a few percent of noise (0 while asleep). */
  hashrateThs(sd = 0.02): number {
    if (this.sleeping) return 0;
    const throttle = this.overheating ? 0.85 : 1;
    return Math.max(0, this.model.nominalThs * this.tune().hash * throttle * (1 + gaussian(this.rng, sd)));
  }

  powerW(): number {
    if (this.sleeping) return SLEEP_POWER_W;
    return Math.round(this.model.powerW * this.tune().power * (1 + gaussian(this.rng, 0.005)));
  }

  frequency(): number {
    return this.freqMhz ?? (SIM_PROFILES[this.profile] ?? SIM_PROFILES.default!).freqMhz;
  }

  chipTempC(): number {
    if (this.sleeping) return 30 + Math.round(this.rng() * 5);
    return Math.round((this.overheating ? 98 : 68) + gaussian(this.rng, 2.5));
  }

  fanRpm(): number {
    if (this.sleeping) return 0;
    return Math.round((this.overheating ? 6600 : 5200) + gaussian(this.rng, 150));
  }

  /** Shares grow with uptime at ~0.8 per TH/s per 1000 s; rejects ~0.3 %. */
  shares(now = this.clock()) {
    const accepted = Math.floor((this.uptimeS(now) * this.model.nominalThs * 0.8) / 1000);
    return { accepted, rejected: Math.floor(accepted * 0.003), hw: Math.floor(accepted * 0.01) };
  }

  malformed(): boolean {
    return this.rng() < (this.faults.malformedRate ?? 0);
  }
}
