CREATE TABLE IF NOT EXISTS "integration_calls_hourly" (
	"integration" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"total_ms" bigint DEFAULT 0 NOT NULL,
	"max_ms" integer DEFAULT 0 NOT NULL,
	"last_ok_at" timestamp with time zone,
	"last_error_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "integration_calls_hourly_pk" PRIMARY KEY("integration","hour")
);--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "edge_ingest_minutes" (
	"device_id" uuid NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"uploads" integer DEFAULT 0 NOT NULL,
	"readings" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "edge_ingest_minutes_pk" PRIMARY KEY("device_id","minute"),
	CONSTRAINT "edge_ingest_minutes_device_id_edge_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."edge_devices"("id") ON DELETE cascade ON UPDATE no action
);--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "system_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"period" text NOT NULL,
	"severity" text NOT NULL,
	"detail" jsonb NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "system_alerts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action
);--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "system_alerts_kind_subject_period_uq" ON "system_alerts" USING btree ("kind","subject","period");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "system_alerts_raised_idx" ON "system_alerts" USING btree ("raised_at");
