ALTER TYPE "edge_alert_kind" ADD VALUE IF NOT EXISTS 'ANOMALY';--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "anomaly_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"miner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"severity" "alert_severity" NOT NULL,
	"observed" double precision NOT NULL,
	"unit" text NOT NULL,
	"score" real NOT NULL,
	"explain" jsonb NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "anomaly_flags_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "anomaly_flags_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "anomaly_flags_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "anomaly_flags_kind_ck" CHECK ("kind" in ('fan_failure', 'hashboard_loss', 'hashrate_drop', 'hashrate_drift', 'temp_high', 'temp_drift', 'power_shift', 'reject_high'))
);--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "anomaly_flags_open_uq" ON "anomaly_flags" USING btree ("miner_id","kind") WHERE "anomaly_flags"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "anomaly_flags_org_seen_idx" ON "anomaly_flags" USING btree ("org_id","last_seen_at");
