import { SATS_PER_BTC } from '@/lib/domain/mining/constants';
import { impliedNetworkHashrateHs } from '@/lib/domain/mining/revenue';
import type { MarketConfig } from './config';
import { fetchJson, fetchText, positive, UpstreamError } from './http';

/** One observed value with where and when it came from. */
export type Sourced<T> = { value: T; source: string; at: string };

const now = () => new Date().toISOString();

/** Tries each source in order; the error of the last one is thrown when all fail. */
async function firstOf<T>(attempts: Array<[string, () => Promise<T>]>): Promise<Sourced<T>> {
  const errors: string[] = [];
  for (const [source, run] of attempts) {
    try {
      return { value: await run(), source, at: now() };
    } catch (error) {
      errors.push(`${source}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new UpstreamError(errors.join('; '));
}

export function fetchBtcPriceUsd(c: MarketConfig): Promise<Sourced<number>> {
  return firstOf([
    ['coingecko', async () => positive((await fetchJson<{ bitcoin?: { usd?: number } }>(`${c.coingeckoUrl}/api/v3/simple/price?ids=bitcoin&vs_currencies=usd&include_24hr_change=true`, c.fetch)).bitcoin?.usd, 'bitcoin.usd')],
    ['mempool.space', async () => positive((await fetchJson<{ USD?: number }>(`${c.mempoolUrl}/api/v1/prices`, c.fetch)).USD, 'USD')],
  ]);
}

export type DifficultyHashrate = { difficulty: number; networkHashrateHs: number; hashrateDerived: boolean };

/**
 * mempool.space reports both in known units (H/s). blockchain.info's hashrate units are ambiguous,
 * so with it only the difficulty is taken and the hashrate is the one it implies.
 */
export function fetchDifficultyHashrate(c: MarketConfig): Promise<Sourced<DifficultyHashrate>> {
  return firstOf<DifficultyHashrate>([
    [
      'mempool.space',
      async () => {
        const r = await fetchJson<{ currentHashrate?: number; currentDifficulty?: number }>(`${c.mempoolUrl}/api/v1/mining/hashrate/3d`, c.fetch);
        return { difficulty: positive(r.currentDifficulty, 'currentDifficulty'), networkHashrateHs: positive(r.currentHashrate, 'currentHashrate'), hashrateDerived: false };
      },
    ],
    [
      'blockchain.info',
      async () => {
        const difficulty = positive((await fetchText(`${c.blockchainInfoUrl}/q/getdifficulty`, c.fetch)).trim(), 'getdifficulty');
        return { difficulty, networkHashrateHs: impliedNetworkHashrateHs(difficulty), hashrateDerived: true };
      },
    ],
  ]);
}

/** Mean fees per block over the last 144 blocks, in BTC (mempool.space reports sats). */
export function fetchFeesPerBlockBtc(c: MarketConfig): Promise<Sourced<number>> {
  return firstOf([
    [
      'mempool.space',
      async () => {
        const r = await fetchJson<{ totalFee?: string | number; startBlock?: number; endBlock?: number }>(`${c.mempoolUrl}/api/v1/mining/reward-stats/144`, c.fetch);
        const blocks = r.startBlock && r.endBlock && r.endBlock >= r.startBlock ? r.endBlock - r.startBlock + 1 : 144;
        return positive(r.totalFee, 'totalFee') / blocks / SATS_PER_BTC;
      },
    ],
  ]);
}

export function fetchBlockHeight(c: MarketConfig): Promise<Sourced<number>> {
  const parse = (text: string) => Math.trunc(positive(text.trim(), 'height'));
  return firstOf([
    ['mempool.space', async () => parse(await fetchText(`${c.mempoolUrl}/api/blocks/tip/height`, c.fetch))],
    ['blockchain.info', async () => parse(await fetchText(`${c.blockchainInfoUrl}/q/getblockcount`, c.fetch))],
  ]);
}

export type Retarget = { estimatedAt: string; changePct: number; remainingBlocks: number; progressPct: number; nextRetargetHeight: number };

export function fetchNextRetarget(c: MarketConfig): Promise<Sourced<Retarget>> {
  return firstOf<Retarget>([
    [
      'mempool.space',
      async () => {
        const r = await fetchJson<Partial<Record<string, number>>>(`${c.mempoolUrl}/api/v1/difficulty-adjustment`, c.fetch);
        if (typeof r.difficultyChange !== 'number' || !Number.isFinite(r.difficultyChange)) throw new UpstreamError('difficultyChange missing');
        return {
          estimatedAt: new Date(positive(r.estimatedRetargetDate, 'estimatedRetargetDate')).toISOString(),
          changePct: r.difficultyChange,
          remainingBlocks: Math.max(0, Math.trunc(r.remainingBlocks ?? 0)),
          progressPct: r.progressPercent ?? 0,
          nextRetargetHeight: Math.trunc(r.nextRetargetHeight ?? 0),
        };
      },
    ],
  ]);
}
