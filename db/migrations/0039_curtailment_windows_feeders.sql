CREATE TABLE "curtailment_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"strategy" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_kw" numeric(12, 3) NOT NULL,
	"per_minute" integer DEFAULT 100 NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"note" text,
	"cancelled_at" timestamp with time zone,
	"start_error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "curtailment_windows_order_ck" CHECK ("ends_at" > "starts_at")
);
--> statement-breakpoint
CREATE TABLE "power_feeders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"code" text NOT NULL,
	"cap_kw" numeric(12, 3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "power_feeder_miners" (
	"miner_id" uuid PRIMARY KEY NOT NULL,
	"feeder_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "curtailment_events" ADD COLUMN "window_id" uuid;--> statement-breakpoint
ALTER TABLE "curtailment_windows" ADD CONSTRAINT "curtailment_windows_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_windows" ADD CONSTRAINT "curtailment_windows_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_windows" ADD CONSTRAINT "curtailment_windows_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_feeders" ADD CONSTRAINT "power_feeders_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_feeders" ADD CONSTRAINT "power_feeders_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_feeder_miners" ADD CONSTRAINT "power_feeder_miners_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_feeder_miners" ADD CONSTRAINT "power_feeder_miners_feeder_id_power_feeders_id_fk" FOREIGN KEY ("feeder_id") REFERENCES "public"."power_feeders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_events" ADD CONSTRAINT "curtailment_events_window_id_curtailment_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."curtailment_windows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "curtailment_windows_site_kind_start_uq" ON "curtailment_windows" USING btree ("site_id","kind","starts_at");--> statement-breakpoint
CREATE INDEX "curtailment_windows_org_start_idx" ON "curtailment_windows" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "power_feeders_site_code_uq" ON "power_feeders" USING btree ("site_id","code");--> statement-breakpoint
CREATE INDEX "power_feeder_miners_feeder_idx" ON "power_feeder_miners" USING btree ("feeder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "curtailment_events_window_uq" ON "curtailment_events" USING btree ("window_id");
