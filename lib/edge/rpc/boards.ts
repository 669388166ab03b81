import { inRange, READING_BOUNDS } from '@/lib/validation/edge-bounds';
import type { MinerBoard } from '../types';
import { AVG_WINDOWS, numList, pick, pickNum, rateByWindow } from './fields';
import { hottest, num, type Rec, round } from './reply';

/** Boards a miner can have; more is not a miner. */
const MAX_BOARDS = 16;
const { hashrateThs, tempC } = READING_BOUNDS;
const within = (v: number | null, r: { min: number; max: number }) => (v !== null && inRange(v, r) ? v : null);

/** A board as the ranges allow (a sentinel reads as unknown), or null when nothing is known of it. */
function board(index: number, hashrate: number | null, chips: number | null, chip: number | null, pcb: number | null): MinerBoard | null {
  const b: MinerBoard = { index, hashrateThs: round(within(hashrate, hashrateThs), 6), chips: chips !== null && chips >= 0 && chips < 10_000 ? Math.round(chips) : null, tempChipMaxC: within(chip, tempC), tempBoardMaxC: within(pcb, tempC) };
  return b.hashrateThs === null && b.chips === null && b.tempChipMaxC === null && b.tempBoardMaxC === null ? null : b;
}
const keep = (bs: (MinerBoard | null)[]) => bs.filter((b): b is MinerBoard => b !== null).slice(0, MAX_BOARDS);

/**
 * chain[] arrays (Antminer 2023+ RPC and web, Elphapex web): index, rate_real in the container's
 * rate unit, asic_num, temp_chip / temp_pcb sensor lists; `celsius` reads a sensor (Elphapex
 * gives milli-°C text).
 */
export function boardsFromChains(chains: Rec[], unitThs: number, celsius: (v: unknown) => number | null = num): MinerBoard[] {
  return keep(
    chains.map((ch, i) => {
      const sensors = (v: unknown) => (Array.isArray(v) ? v.map(celsius) : numList(v).map(celsius)).filter((x): x is number => x !== null && x !== 0);
      const rate = num(pick(ch, ['rate_real', 'rate_avg', 'rate_5s']));
      return board(num(ch.index) ?? i, rate === null ? null : rate * unitThs, pickNum(ch, ['asic_num', 'chips']), hottest(sensors(ch.temp_chip)), hottest(sensors(ch.temp_pcb)));
    }),
  );
}

/** Classic bmminer `stats`: chain_rateN (GH/s), chain_acnN, temp_chipN / temp_pcbN as "61-63-60-62". */
export function boardsFromNumbered(c: Rec, unitThs: number): MinerBoard[] {
  const indexes = Object.keys(c)
    .map((k) => /^chain_acn(\d+)$/.exec(k)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort((a, b) => Number(a) - Number(b));
  const dash = (v: unknown) => (typeof v === 'string' ? v.split('-').map(Number).filter((x) => Number.isFinite(x) && x !== 0) : num(v) !== null && num(v) !== 0 ? [num(v)!] : []);
  return keep(
    indexes
      .filter((n) => (num(c[`chain_acn${n}`]) ?? 0) > 0)
      .map((n) => {
        const rate = num(c[`chain_rate${n}`]);
        return board(Number(n) - 1, rate === null ? null : rate * unitThs, num(c[`chain_acn${n}`]), hottest(dash(c[`temp_chip${n}`])), hottest([...dash(c[`temp_pcb${n}`]), ...dash(c[`temp${n}`])]));
      }),
  );
}

/** cgminer DEVS (btminer, Braiins): Slot/ASC/ID, "MHS av", "Effective Chips", "Chip Temp Max", Temperature. */
export function boardsFromDevs(devs: Rec[]): MinerBoard[] {
  return keep(devs.map((d, i) => board(pickNum(d, ['Slot', 'ASC', 'ID']) ?? i, rateByWindow(d, AVG_WINDOWS), pickNum(d, ['Effective Chips', 'chips']), pickNum(d, ['Chip Temp Max']), pickNum(d, ['Temperature']))));
}

/** Whatsminer API v3 edevs[]: slot, hash-average (TH/s), effective-chips, chip-temp-max. */
export function boardsFromEdevs(edevs: Rec[]): MinerBoard[] {
  return keep(edevs.map((d, i) => board(pickNum(d, ['slot', 'id']) ?? i, pickNum(d, ['hash-average', 'hash-realtime']), pickNum(d, ['effective-chips']), pickNum(d, ['chip-temp-max']), pickNum(d, ['board-temperature', 'temperature']))));
}
