import { divRound } from '../billing/money';

/*
 * Lots and realised P&L, FIFO or average cost, from acquisitions (mined inflows at their month's
 * production cost) and disposals (sales at their net proceeds, fees at none). A lot whose month has
 * no production cost has cost null: its sats are counted but carry no P&L ("unknown cost"), never
 * a cost of 0. Cents are split exactly: a partial take costs round(cost × take ÷ sats) and the
 * remainder stays with the lot, so the costs taken plus the costs left always equal the costs in.
 */

export type Acquisition = { type: 'acquire'; entryId: number; at: Date; sats: number; costCents: number | null };
export type Disposal = { type: 'dispose'; entryId: number; at: Date; sats: number; proceedsCents: number };
export type LotEvent = Acquisition | Disposal;

export type Lot = { entryId: number; acquiredAt: Date; originalSats: number; sats: number; costCents: number | null };
export type DisposalResult = { entryId: number; at: Date; sats: number; proceedsCents: number; costCents: number; pnlCents: number; unknownCostSats: number; unmatchedSats: number };

export type LotResult = {
  method: 'fifo' | 'average';
  /** Remaining lots, oldest first (FIFO); the average method's one pool as a single lot. */
  lots: Lot[];
  holdingsSats: number;
  /** Cost of the remaining sats whose cost is known, and those sats. */
  costCents: number;
  knownCostSats: number;
  unknownCostSats: number;
  realisedProceedsCents: number;
  realisedCostCents: number;
  realisedPnlCents: number;
  disposals: DisposalResult[];
};

export type CostMethod = LotResult['method'];

const share = (cents: number, part: number, whole: number) => (part === whole ? cents : divRound(BigInt(cents) * BigInt(part), BigInt(whole)));

function ordered(events: readonly LotEvent[]): LotEvent[] {
  return [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || a.entryId - b.entryId);
}

type Chunk = { sats: number; costCents: number | null };

/** Proceeds per chunk taken, in proportion to its sats; P&L only on chunks of known cost. */
function settle(d: Disposal, chunks: Chunk[]): DisposalResult {
  const taken = chunks.reduce((s, c) => s + c.sats, 0);
  let proceedsLeft = d.proceedsCents;
  let satsLeft = d.sats;
  let costCents = 0;
  let knownProceeds = 0;
  let unknownCostSats = 0;
  for (const c of chunks) {
    const p = share(proceedsLeft, c.sats, satsLeft);
    proceedsLeft -= p;
    satsLeft -= c.sats;
    if (c.costCents === null) unknownCostSats += c.sats;
    else {
      costCents += c.costCents;
      knownProceeds += p;
    }
  }
  return { entryId: d.entryId, at: d.at, sats: d.sats, proceedsCents: d.proceedsCents, costCents, pnlCents: knownProceeds - costCents, unknownCostSats, unmatchedSats: d.sats - taken };
}

function summarise(method: CostMethod, lots: Lot[], disposals: DisposalResult[]): LotResult {
  const known = lots.filter((l) => l.costCents !== null);
  const realisedCostCents = disposals.reduce((s, d) => s + d.costCents, 0);
  const realisedPnlCents = disposals.reduce((s, d) => s + d.pnlCents, 0);
  return {
    method,
    lots,
    holdingsSats: lots.reduce((s, l) => s + l.sats, 0),
    costCents: known.reduce((s, l) => s + l.costCents!, 0),
    knownCostSats: known.reduce((s, l) => s + l.sats, 0),
    unknownCostSats: lots.filter((l) => l.costCents === null).reduce((s, l) => s + l.sats, 0),
    realisedProceedsCents: disposals.reduce((s, d) => s + d.proceedsCents, 0),
    realisedCostCents,
    realisedPnlCents,
    disposals,
  };
}

/** First in, first out: a disposal takes from the oldest remaining lots. */
export function fifoLots(events: readonly LotEvent[]): LotResult {
  const lots: Lot[] = [];
  const disposals: DisposalResult[] = [];
  for (const e of ordered(events)) {
    if (e.type === 'acquire') {
      if (e.sats > 0) lots.push({ entryId: e.entryId, acquiredAt: e.at, originalSats: e.sats, sats: e.sats, costCents: e.costCents });
      continue;
    }
    const chunks: Chunk[] = [];
    let need = e.sats;
    while (need > 0 && lots.length) {
      const lot = lots[0]!;
      const take = Math.min(need, lot.sats);
      const cost = lot.costCents === null ? null : share(lot.costCents, take, lot.sats);
      chunks.push({ sats: take, costCents: cost });
      lot.sats -= take;
      if (lot.costCents !== null) lot.costCents -= cost!;
      need -= take;
      if (lot.sats === 0) lots.shift();
    }
    disposals.push(settle(e, chunks));
  }
  return summarise('fifo', lots, disposals);
}

/**
 * Average cost: one pool of known-cost sats at their mean cost, beside the unknown-cost sats. A
 * disposal takes from both in proportion to their sats, the known part at the pool's mean cost.
 */
export function averageCostLots(events: readonly LotEvent[]): LotResult {
  let knownSats = 0;
  let knownCost = 0;
  let unknownSats = 0;
  let first: { entryId: number; at: Date } | null = null;
  const disposals: DisposalResult[] = [];
  for (const e of ordered(events)) {
    if (e.type === 'acquire') {
      first ??= { entryId: e.entryId, at: e.at };
      if (e.costCents === null) unknownSats += e.sats;
      else {
        knownSats += e.sats;
        knownCost += e.costCents;
      }
      continue;
    }
    const held = knownSats + unknownSats;
    const take = Math.min(e.sats, held);
    const takeUnknown = held === 0 ? 0 : share(unknownSats, take, held);
    const takeKnown = take - takeUnknown;
    const cost = knownSats === 0 ? 0 : share(knownCost, takeKnown, knownSats);
    knownSats -= takeKnown;
    knownCost -= cost;
    unknownSats -= takeUnknown;
    const chunks: Chunk[] = [];
    if (takeKnown > 0) chunks.push({ sats: takeKnown, costCents: cost });
    if (takeUnknown > 0) chunks.push({ sats: takeUnknown, costCents: null });
    disposals.push(settle(e, chunks));
  }
  const lots: Lot[] = [];
  if (first && knownSats > 0) lots.push({ entryId: first.entryId, acquiredAt: first.at, originalSats: knownSats, sats: knownSats, costCents: knownCost });
  if (first && unknownSats > 0) lots.push({ entryId: first.entryId, acquiredAt: first.at, originalSats: unknownSats, sats: unknownSats, costCents: null });
  return summarise('average', lots, disposals);
}

/** Mean cost per BTC of the known-cost sats, in cents (rounded once); null when none. */
export function averageCostCentsPerBtc(r: Pick<LotResult, 'costCents' | 'knownCostSats'>): number | null {
  return r.knownCostSats > 0 ? divRound(BigInt(r.costCents) * 100_000_000n, BigInt(r.knownCostSats)) : null;
}

/** Unrealised P&L of the known-cost sats at a price per BTC. */
export function unrealisedPnlCents(r: Pick<LotResult, 'costCents' | 'knownCostSats'>, priceCentsPerBtc: number): number {
  return divRound(BigInt(r.knownCostSats) * BigInt(priceCentsPerBtc), 100_000_000n) - r.costCents;
}
