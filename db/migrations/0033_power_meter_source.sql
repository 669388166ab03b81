ALTER TABLE "meter_readings" ADD COLUMN "kind" text DEFAULT 'site' NOT NULL;--> statement-breakpoint
CREATE INDEX "meter_readings_site_received_idx" ON "meter_readings" USING btree ("site_id","received_at");--> statement-breakpoint
ALTER TABLE "power_hourly" ADD COLUMN "meter_wh" bigint;--> statement-breakpoint
ALTER TABLE "power_hourly" ADD COLUMN "pdu_wh" bigint;--> statement-breakpoint
ALTER TABLE "power_hourly" ADD COLUMN "miners_wh" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "power_hourly" ADD COLUMN "meters_seen_at" timestamp with time zone;--> statement-breakpoint
UPDATE "power_hourly" SET "miners_wh" = "energy_wh";--> statement-breakpoint
CREATE TABLE "customer_hosting_fees" (
	"site_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"monthly_cents" integer DEFAULT 0 NOT NULL,
	"per_miner_month_cents" integer DEFAULT 0 NOT NULL,
	"mc_per_kwh" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_hosting_fees_site_id_customer_id_pk" PRIMARY KEY("site_id","customer_id")
);--> statement-breakpoint
ALTER TABLE "customer_hosting_fees" ADD CONSTRAINT "customer_hosting_fees_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_hosting_fees" ADD CONSTRAINT "customer_hosting_fees_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_hosting_fees" ADD CONSTRAINT "customer_hosting_fees_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_hosting_fees" ADD CONSTRAINT "customer_hosting_fees_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
