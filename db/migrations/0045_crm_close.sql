CREATE TABLE IF NOT EXISTS "billing_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"referral_bonus_cents" bigint DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "billing_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action,
	CONSTRAINT "billing_settings_referral_ck" CHECK ("referral_bonus_cents" >= 0)
);--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "balance_entries_referral_uq" ON "balance_entries" USING btree (("evidence"->>'referredCustomerId')) WHERE "kind" = 'referral_credit';--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "customer_deposit_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"asset" text NOT NULL,
	"network" text NOT NULL,
	"address" text NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_deposit_addresses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "customer_deposit_addresses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "customer_deposit_addresses_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action,
	CONSTRAINT "customer_deposit_addresses_asset_ck" CHECK ("asset" in ('BTC', 'USDT'))
);--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "customer_deposit_addresses_uq" ON "customer_deposit_addresses" USING btree ("customer_id","asset");
