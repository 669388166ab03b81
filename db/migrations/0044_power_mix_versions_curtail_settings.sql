-- Issue 15: the energy mix becomes effective-dated (an edit adds a version; an aggregated hour keeps
-- the CO2 of the mix then in force), and a site's curtailment settings (minimum on/off times, power-
-- target levels) reach the planner, and an event keeps the minimum off time it started under.
-- Existing mix rows become the first version, in force since 1970.
ALTER TABLE "site_energy_mix" ADD COLUMN "effective_from" timestamp with time zone DEFAULT '1970-01-01T00:00:00Z' NOT NULL;--> statement-breakpoint
ALTER TABLE "site_energy_mix" ALTER COLUMN "effective_from" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "site_energy_mix" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "site_energy_mix" DROP CONSTRAINT "site_energy_mix_site_id_source_pk";--> statement-breakpoint
ALTER TABLE "site_energy_mix" ADD CONSTRAINT "site_energy_mix_site_id_effective_from_source_pk" PRIMARY KEY("site_id","effective_from","source");--> statement-breakpoint
CREATE TABLE "site_curtailment_settings" (
	"site_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"min_on_minutes" integer DEFAULT 0 NOT NULL,
	"min_off_minutes" integer DEFAULT 0 NOT NULL,
	"power_target_pcts" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "site_curtailment_settings" ADD CONSTRAINT "site_curtailment_settings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_curtailment_settings" ADD CONSTRAINT "site_curtailment_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_curtailment_settings" ADD CONSTRAINT "site_curtailment_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "curtailment_events" ADD COLUMN "min_off_minutes" integer DEFAULT 0 NOT NULL;
