CREATE TABLE "treasury_wallets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "treasury_wallets_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "treasury_wallets_kind_ck" CHECK ("kind" IN ('address', 'exchange'))
);--> statement-breakpoint
CREATE UNIQUE INDEX "treasury_wallets_org_label_uq" ON "treasury_wallets" USING btree ("org_id","label");--> statement-breakpoint
CREATE TABLE "treasury_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"wallet_id" uuid,
	"to_wallet_id" uuid,
	"sats" bigint DEFAULT 0 NOT NULL,
	"fee_sats" bigint DEFAULT 0 NOT NULL,
	"price_cents_per_btc" bigint,
	"gross_cents" bigint,
	"fee_cents" bigint DEFAULT 0 NOT NULL,
	"cash_cents" bigint DEFAULT 0 NOT NULL,
	"tx_hash" text,
	"pool_account_id" uuid,
	"pool_paid_at" timestamp with time zone,
	"reverses_id" bigint,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "treasury_entries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "treasury_entries_wallet_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."treasury_wallets"("id") ON DELETE no action ON UPDATE no action,
	CONSTRAINT "treasury_entries_to_wallet_id_fk" FOREIGN KEY ("to_wallet_id") REFERENCES "public"."treasury_wallets"("id") ON DELETE no action ON UPDATE no action,
	CONSTRAINT "treasury_entries_reverses_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."treasury_entries"("id") ON DELETE no action ON UPDATE no action,
	CONSTRAINT "treasury_entries_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action,
	CONSTRAINT "treasury_entries_kind_ck" CHECK ("kind" IN ('pool_payout', 'inflow', 'sale', 'transfer', 'network_fee', 'cash_in', 'cash_out', 'reversal')),
	CONSTRAINT "treasury_entries_amounts_ck" CHECK ("sats" >= 0 AND "fee_sats" >= 0 AND "fee_cents" >= 0 AND ("price_cents_per_btc" IS NULL OR "price_cents_per_btc" > 0) AND ("gross_cents" IS NULL OR "gross_cents" >= 0)),
	CONSTRAINT "treasury_entries_reversal_ck" CHECK (("kind" = 'reversal') = ("reverses_id" IS NOT NULL))
);--> statement-breakpoint
CREATE INDEX "treasury_entries_org_idx" ON "treasury_entries" USING btree ("org_id","occurred_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "treasury_entries_payout_uq" ON "treasury_entries" USING btree ("org_id","pool_account_id","pool_paid_at") WHERE "treasury_entries"."kind" = 'pool_payout';--> statement-breakpoint
CREATE UNIQUE INDEX "treasury_entries_reverses_uq" ON "treasury_entries" USING btree ("reverses_id") WHERE "treasury_entries"."reverses_id" is not null;--> statement-breakpoint
-- The ledger is append-only: a correction is a reversing entry, never an edit (as balance_entries, 0038).
-- Only the organization's own deletion may remove its rows: that DELETE arrives through the foreign
-- key's cascade, i.e. from inside another trigger (depth > 1); a DELETE or UPDATE issued directly never does.
CREATE FUNCTION "treasury_entries_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION 'treasury_entries are immutable' USING ERRCODE = '55000';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "treasury_entries_no_change" BEFORE UPDATE OR DELETE ON "treasury_entries" FOR EACH ROW EXECUTE FUNCTION "treasury_entries_immutable"();--> statement-breakpoint
CREATE TABLE "treasury_opex" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "treasury_opex_pk" PRIMARY KEY ("org_id","month","category"),
	CONSTRAINT "treasury_opex_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "treasury_opex_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action,
	CONSTRAINT "treasury_opex_ck" CHECK ("amount_cents" >= 0 AND "category" IN ('hosting', 'staff', 'maintenance', 'other') AND extract(day from "month") = 1)
);--> statement-breakpoint
CREATE TABLE "treasury_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"runway_alert_months" integer DEFAULT 3 NOT NULL,
	"cover_months" integer DEFAULT 6 NOT NULL,
	"payout_wallet_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "treasury_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "treasury_settings_payout_wallet_fk" FOREIGN KEY ("payout_wallet_id") REFERENCES "public"."treasury_wallets"("id") ON DELETE set null ON UPDATE no action,
	CONSTRAINT "treasury_settings_ck" CHECK ("runway_alert_months" BETWEEN 0 AND 120 AND "cover_months" BETWEEN 1 AND 60)
);
