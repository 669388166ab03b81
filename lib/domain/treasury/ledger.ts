import { divRound } from '../billing/money';

/*
 * The treasury ledger's arithmetic. An entry moves `sats` (a magnitude) between wallets and changes
 * the cash by `cashCents` (signed). A reversal cancels the entry it names: both drop out of every
 * figure, so a correction reads as if the wrong entry had never been made (the rows stay, for audit).
 */

export const ENTRY_KINDS = ['pool_payout', 'inflow', 'sale', 'transfer', 'network_fee', 'cash_in', 'cash_out', 'reversal'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
/** Kinds that bring newly mined BTC in, each a lot at its month's production cost. */
export const MINED_KINDS: readonly EntryKind[] = ['pool_payout', 'inflow'];

export type LedgerEntry = {
  id: number;
  kind: EntryKind;
  occurredAt: Date;
  walletId: string | null;
  toWalletId: string | null;
  sats: number;
  feeSats: number;
  grossCents: number | null;
  feeCents: number;
  cashCents: number;
  reversesId: number | null;
};

export const SATS_PER_BTC = 100_000_000;

/** Entries that count: neither a reversal nor reversed. */
export function effectiveEntries<E extends Pick<LedgerEntry, 'id' | 'kind' | 'reversesId'>>(entries: readonly E[]): E[] {
  const reversed = new Set(entries.filter((e) => e.kind === 'reversal').map((e) => e.reversesId));
  return entries.filter((e) => e.kind !== 'reversal' && !reversed.has(e.id));
}

/** The wallets' changes in sats from one entry (a transfer's fee leaves the sending wallet on top of the amount). */
export function walletDeltas(e: LedgerEntry): Array<{ walletId: string | null; sats: number }> {
  switch (e.kind) {
    case 'pool_payout':
    case 'inflow':
      return [{ walletId: e.walletId, sats: e.sats }];
    case 'sale':
    case 'network_fee':
      return [{ walletId: e.walletId, sats: -(e.sats + e.feeSats) }];
    case 'transfer':
      return [
        { walletId: e.walletId, sats: -(e.sats + e.feeSats) },
        { walletId: e.toWalletId, sats: e.sats },
      ];
    default:
      return [];
  }
}

/** Sats that leave the treasury for good (sold or paid as fees): what the lots give up. */
export function disposedSats(e: LedgerEntry): number {
  if (e.kind === 'sale' || e.kind === 'network_fee') return e.sats + e.feeSats;
  if (e.kind === 'transfer') return e.feeSats;
  return 0;
}

export type Holdings = { totalSats: number; cashCents: number; byWallet: Record<string, number> };

/** Holdings per wallet, in total, and the cash: sums of the effective entries, nothing stored. */
export function holdingsOf(entries: readonly LedgerEntry[]): Holdings {
  const byWallet: Record<string, number> = {};
  let totalSats = 0;
  let cashCents = 0;
  for (const e of effectiveEntries(entries)) {
    cashCents += e.cashCents;
    for (const d of walletDeltas(e)) {
      totalSats += d.sats;
      if (d.walletId) byWallet[d.walletId] = (byWallet[d.walletId] ?? 0) + d.sats;
    }
  }
  return { totalSats, cashCents, byWallet };
}

/** A sale's gross: sats × price per BTC ÷ 10⁸, rounded to the cent once. */
export function saleGrossCents(sats: number, priceCentsPerBtc: number): number {
  return divRound(BigInt(sats) * BigInt(priceCentsPerBtc), BigInt(SATS_PER_BTC));
}

/** What `sats` are worth at a price per BTC, in cents (rounded once). */
export function valueCents(sats: number, priceCentsPerBtc: number): number {
  return saleGrossCents(sats, priceCentsPerBtc);
}

/** A market price in USD (a float from the market layer) as integer cents, rounded once. */
export const usdToCents = (usd: number) => Math.round(usd * 100);
