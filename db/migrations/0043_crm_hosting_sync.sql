ALTER TABLE "customers" ADD COLUMN IF NOT EXISTS "hosting_miners_count" integer;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN IF NOT EXISTS "hosting_primary_model" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN IF NOT EXISTS "hosting_revenue_sats_per_day" bigint;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN IF NOT EXISTS "hosting_revenue_cents_per_day" bigint;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN IF NOT EXISTS "hosting_synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN IF NOT EXISTS "hosting_sync_error" text;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_org_email_norm_idx" ON "customers" USING btree ("org_id",lower(btrim("email")));--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "crm_sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"run_key" text NOT NULL,
	"kind" text NOT NULL,
	"trigger" text NOT NULL,
	"user_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"total" integer NOT NULL,
	"synced" integer NOT NULL,
	"skipped" integer NOT NULL,
	"errors" integer NOT NULL,
	"changed" integer NOT NULL,
	CONSTRAINT "crm_sync_runs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "crm_sync_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action
);--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "crm_sync_runs_key_uq" ON "crm_sync_runs" USING btree ("org_id","run_key");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "crm_sync_runs_org_kind_idx" ON "crm_sync_runs" USING btree ("org_id","kind","finished_at");
