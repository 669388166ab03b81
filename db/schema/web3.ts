import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './tenancy';

/** Where payouts go: a BTC address (any standard kind) or an EVM address for USDT, validated with its checksum before it is stored. */
export const web3PayoutAddresses = pgTable(
  'web3_payout_addresses',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    asset: text({ enum: ['BTC', 'USDT'] }).notNull(),
    /** mainnet | testnet | regtest for BTC; evm for USDT (the chain is chosen where it is paid). */
    network: text().notNull(),
    /** p2pkh | p2sh | p2wpkh | p2wsh | p2tr | evm */
    kind: text().notNull(),
    address: text().notNull(),
    label: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('web3_payout_addresses_org_asset_address_uq').on(t.orgId, t.asset, t.address)],
);

/** Watch-only wallets: an extended public key (xpub/ypub/zpub, tpub/vpub) whose receive addresses are derived, never a private key. */
export const web3WatchWallets = pgTable(
  'web3_watch_wallets',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    extendedKey: text().notNull(),
    kind: text().notNull(),
    network: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('web3_watch_wallets_org_key_uq').on(t.orgId, t.extendedKey)],
);

/**
 * Exchange API keys: key and secret sealed (AES-256-GCM, lib/integrations/notify/secret-box.ts);
 * only `keyHint` (the key's last four characters) is ever shown.
 */
export const web3ExchangeKeys = pgTable(
  'web3_exchange_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    exchange: text().notNull(),
    label: text().notNull(),
    apiKeyEnc: text().notNull(),
    apiSecretEnc: text().notNull(),
    keyHint: text().notNull(),
    lastTestedAt: timestamp({ withTimezone: true }),
    lastTestOk: boolean(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('web3_exchange_keys_org_label_uq').on(t.orgId, t.label)],
);
