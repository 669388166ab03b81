import type { Db } from '@/db/client';
import { recordAudit } from '@/db/queries/admin/audit';
import { insertPayoutAddress, insertWatchWallet, upsertExchangeKey } from '@/db/queries/web3/config';
import { AppError } from '@/lib/core/errors';
import { checkWeb3Draft, type Web3Review } from '@/lib/domain/web3/config-check';
import { type ConnectionTest, type Exchange, testExchangeConnection } from '@/lib/integrations/exchange/test-connection';
import { sealSecret } from '@/lib/integrations/notify';
import type { Web3ConfigInput } from '@/lib/validation/web3';

export type Web3Context = { appSecret: string; exchangeBaseUrl?: string; now: Date };
export type Web3StepResult = { review: Web3Review; connection: ConnectionTest | null };

/**
 * One pass of the wizard: checks what was entered (a field error per bad value) and, when asked,
 * tests the exchange key against the exchange. The answer is the review — addresses normalized, the
 * key masked — so the key and secret never travel back to the browser.
 */
export async function reviewWeb3(input: Web3ConfigInput, ctx: Web3Context): Promise<Web3StepResult> {
  const { errors, review } = checkWeb3Draft(input);
  if (Object.keys(errors).length) throw new AppError('VALIDATION', 'Web3 settings refused', errors);
  const connection = input.testConnection && review.exchange ? await testExchangeConnection({ exchange: input.exchange as Exchange, apiKey: input.apiKey!, apiSecret: input.apiSecret! }, { baseUrl: ctx.exchangeBaseUrl, now: ctx.now }) : null;
  return { review, connection };
}

/**
 * The confirmation: everything checked again and written in one transaction (an address or wallet
 * already stored is kept once), the exchange key and secret sealed (AES-256-GCM, the notification
 * channels' secret box), and audited with the key's mask only.
 */
export async function saveWeb3(db: Db, actor: { orgId: string; userId: string }, input: Web3ConfigInput, ctx: Web3Context): Promise<Web3StepResult> {
  const result = await reviewWeb3(input, ctx);
  const { review, connection } = result;
  if (!review.btc && !review.usdt && !review.wallet && !review.exchange) throw new AppError('VALIDATION', 'Nothing to save', { _form: 'required' });
  await db.transaction(async (tx) => {
    const base = { orgId: actor.orgId, createdBy: actor.userId, createdAt: ctx.now };
    if (review.btc) await insertPayoutAddress(tx, { ...base, asset: 'BTC', network: review.btc.network, kind: review.btc.kind, address: review.btc.address, label: review.btc.label });
    if (review.usdt) await insertPayoutAddress(tx, { ...base, asset: 'USDT', network: 'evm', kind: 'evm', address: review.usdt.address, label: review.usdt.label });
    if (review.wallet) await insertWatchWallet(tx, { ...base, label: review.wallet.label, extendedKey: review.wallet.extendedKey, kind: review.wallet.kind, network: review.wallet.network });
    if (review.exchange) {
      await upsertExchangeKey(tx, {
        ...base,
        exchange: review.exchange.exchange,
        label: review.exchange.label,
        apiKeyEnc: sealSecret(input.apiKey!, ctx.appSecret),
        apiSecretEnc: sealSecret(input.apiSecret!, ctx.appSecret),
        keyHint: review.exchange.keyHint,
        lastTestedAt: connection ? ctx.now : null,
        lastTestOk: connection ? connection.ok : null,
      });
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'web3.config.save',
      entityType: 'web3_config',
      entityId: actor.orgId,
      after: { btc: review.btc, usdt: review.usdt, wallet: review.wallet ? { label: review.wallet.label, kind: review.wallet.kind, network: review.wallet.network } : null, exchange: review.exchange },
    });
  });
  return result;
}
