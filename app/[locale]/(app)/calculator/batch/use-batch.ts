'use client';

import { useState } from 'react';
import type { CalculatorBootstrap } from '@/components/calculator/types';
import { type ParsedBatch, parseBatchText, parseBatchXlsx } from '@/lib/calculator/batch-file';
import { type BatchResult, type BatchTotals, computeBatch, MAX_BATCH_BYTES, type RowError } from '@/lib/domain/mining/batch';
import type { PayoutScheme } from '@/lib/domain/mining/economics';
import { modelIndex } from '@/lib/domain/mining/resolve-input';

export type BatchOutcome =
  | { kind: 'done'; results: BatchResult[]; errors: RowError[]; totals: BatchTotals }
  | { kind: 'refused'; reason: 'tooLarge' | 'tooManyRows' | 'tooManyCells' | 'empty' | 'unreadable' }
  | { kind: 'columns'; expected: string[]; optional: string[]; found: string[] };

export type BatchSettings = { poolFeePct: number; payoutScheme: PayoutScheme; uptimePct: number; hostingFeeUsdPerUnitMonth: number };

/** Parses and prices a batch in the browser with the pure domain functions; row errors come back with their row numbers. */
export function useBatch(boot: CalculatorBootstrap) {
  const [outcome, setOutcome] = useState<BatchOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  const price = (parsed: ParsedBatch, settings: BatchSettings) => {
    if (!parsed.ok) {
      setOutcome(parsed.reason === 'columns' ? { kind: 'columns', expected: parsed.expected, optional: parsed.optional, found: parsed.found } : { kind: 'refused', reason: parsed.reason });
      return;
    }
    const s = boot.snapshot;
    const network = { btcPriceUsd: s.btcPriceUsd, difficulty: s.difficulty, networkHashrateHs: s.networkHashrateHs, blockRewardBtc: s.blockRewardBtc, feesPerBlockBtc: s.feesPerBlockBtc };
    const out = computeBatch(parsed.rows, modelIndex(boot.models), { ...settings, network });
    const errors = [...parsed.errors, ...out.errors].sort((a, b) => a.row - b.row);
    setOutcome({ kind: 'done', results: out.results, errors, totals: out.totals });
  };

  const fromText = (text: string, settings: BatchSettings) => price(parseBatchText(text), settings);

  const fromFile = async (file: File, settings: BatchSettings) => {
    if (file.size > MAX_BATCH_BYTES) return setOutcome({ kind: 'refused', reason: 'tooLarge' });
    setBusy(true);
    try {
      // Legacy binary .xls is not read: only its successor, .xlsx.
      if (/\.xls$/i.test(file.name)) return setOutcome({ kind: 'refused', reason: 'unreadable' });
      const isXlsx = /\.xlsx$/i.test(file.name);
      price(isXlsx ? await parseBatchXlsx(await file.arrayBuffer()) : parseBatchText(await file.text()), settings);
    } catch {
      setOutcome({ kind: 'refused', reason: 'unreadable' });
    } finally {
      setBusy(false);
    }
  };

  return { outcome, busy, fromText, fromFile };
}
