CREATE TABLE "curtailment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mode" text DEFAULT 'strike' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"strategy" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_kw" numeric(12, 3) NOT NULL,
	"per_minute" integer DEFAULT 100 NOT NULL,
	"feed_kind" text DEFAULT 'manual' NOT NULL,
	"feed_url" text,
	"strike" jsonb NOT NULL,
	"state" jsonb NOT NULL,
	"active_event_id" uuid,
	"last_decision" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "power_prices" (
	"site_id" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"usd_per_mwh" numeric(12, 4) NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_prices_site_id_window_start_pk" PRIMARY KEY("site_id","window_start")
);
--> statement-breakpoint
ALTER TABLE "curtailment_plans" ADD CONSTRAINT "curtailment_plans_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_plans" ADD CONSTRAINT "curtailment_plans_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_plans" ADD CONSTRAINT "curtailment_plans_active_event_id_curtailment_events_id_fk" FOREIGN KEY ("active_event_id") REFERENCES "public"."curtailment_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_plans" ADD CONSTRAINT "curtailment_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_prices" ADD CONSTRAINT "power_prices_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "curtailment_plans_site_idx" ON "curtailment_plans" USING btree ("org_id","site_id");
