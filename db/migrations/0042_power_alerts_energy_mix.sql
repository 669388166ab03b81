CREATE TABLE "power_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"period" text NOT NULL,
	"detail" jsonb NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "power_alert_channels" (
	"org_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	CONSTRAINT "power_alert_channels_org_id_channel_id_pk" PRIMARY KEY("org_id","channel_id")
);
--> statement-breakpoint
CREATE TABLE "site_energy_mix" (
	"site_id" uuid NOT NULL,
	"source" "energy_source" NOT NULL,
	"org_id" uuid NOT NULL,
	"share_bp" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_energy_mix_site_id_source_pk" PRIMARY KEY("site_id","source"),
	CONSTRAINT "site_energy_mix_share_ck" CHECK ("site_energy_mix"."share_bp" between 1 and 10000)
);
--> statement-breakpoint
ALTER TABLE "power_alerts" ADD CONSTRAINT "power_alerts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_alerts" ADD CONSTRAINT "power_alerts_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_alert_channels" ADD CONSTRAINT "power_alert_channels_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_alert_channels" ADD CONSTRAINT "power_alert_channels_channel_id_notification_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."notification_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_energy_mix" ADD CONSTRAINT "site_energy_mix_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_energy_mix" ADD CONSTRAINT "site_energy_mix_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "power_alerts_site_kind_period_uq" ON "power_alerts" USING btree ("site_id","kind","period");--> statement-breakpoint
CREATE INDEX "power_alerts_org_raised_idx" ON "power_alerts" USING btree ("org_id","raised_at");
