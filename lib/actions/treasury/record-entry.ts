'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { type EntryInput, recordEntry } from '@/db/queries/treasury/writes';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { type EntryCreate, entryCreateSchema } from '@/lib/validation/treasury';

/** The form's units (BTC, USD) are already sats and cents here; the query wants its own names. */
function toInput(v: EntryCreate): EntryInput {
  switch (v.kind) {
    case 'inflow':
      return { kind: 'inflow', walletId: v.walletId, occurredAt: v.occurredAt, sats: v.btc, txHash: v.txHash, note: v.note };
    case 'sale':
      return { kind: 'sale', walletId: v.walletId, occurredAt: v.occurredAt, sats: v.btc, priceCentsPerBtc: v.priceUsd, feeCents: v.feeUsd, note: v.note };
    case 'transfer':
      return { kind: 'transfer', walletId: v.walletId, toWalletId: v.toWalletId, occurredAt: v.occurredAt, sats: v.btc, feeSats: v.feeBtc, txHash: v.txHash, note: v.note };
    case 'network_fee':
      return { kind: 'network_fee', walletId: v.walletId, occurredAt: v.occurredAt, sats: v.btc, txHash: v.txHash, note: v.note };
    default:
      return { kind: v.kind, occurredAt: v.occurredAt, cents: v.usd, note: v.note };
  }
}

const run = authorizedAction({ module: 'treasury:ledger', level: 'FULL' }, entryCreateSchema, async (v, actor) => {
  const row = await recordEntry(await getDb(), actor.scope, toInput(v), actor.userId);
  revalidatePath('/[locale]/treasury', 'page');
  return { id: row.id };
});

export async function recordEntryAction(_prev: ActionResult<{ id: number }> | null, form: FormData) {
  return run(formToObject(form));
}
