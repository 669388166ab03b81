CREATE TABLE "meter_readings" (
	"site_id" uuid NOT NULL,
	"meter_id" text NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"org_id" uuid NOT NULL,
	"energy_wh" bigint NOT NULL,
	"source" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meter_readings_site_id_meter_id_period_end_pk" PRIMARY KEY("site_id","meter_id","period_end")
);
--> statement-breakpoint
CREATE TABLE "power_bills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"month" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"seq" integer,
	"number" text,
	"lines" jsonb NOT NULL,
	"energy_wh" bigint NOT NULL,
	"total_cents" bigint NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "power_customer_daily" (
	"site_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"day" date NOT NULL,
	"org_id" uuid NOT NULL,
	"energy_wh" bigint NOT NULL,
	"wh_peak" bigint NOT NULL,
	"wh_shoulder" bigint NOT NULL,
	"wh_off_peak" bigint NOT NULL,
	"wh_flat" bigint NOT NULL,
	"cost_mc" bigint NOT NULL,
	"avg_w" bigint NOT NULL,
	"peak_w" bigint NOT NULL,
	"co2_g" bigint NOT NULL,
	"miner_count" integer NOT NULL,
	"buckets" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_customer_daily_site_id_customer_id_day_pk" PRIMARY KEY("site_id","customer_id","day")
);
--> statement-breakpoint
CREATE TABLE "power_customer_hourly" (
	"site_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"org_id" uuid NOT NULL,
	"energy_wh" bigint NOT NULL,
	"wh_peak" bigint NOT NULL,
	"wh_shoulder" bigint NOT NULL,
	"wh_off_peak" bigint NOT NULL,
	"wh_flat" bigint NOT NULL,
	"cost_mc" bigint NOT NULL,
	"avg_w" bigint NOT NULL,
	"peak_w" bigint NOT NULL,
	"co2_g" bigint NOT NULL,
	"miner_count" integer NOT NULL,
	"buckets" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_customer_hourly_site_id_customer_id_hour_pk" PRIMARY KEY("site_id","customer_id","hour")
);
--> statement-breakpoint
CREATE TABLE "power_customer_monthly" (
	"site_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"month" date NOT NULL,
	"org_id" uuid NOT NULL,
	"energy_wh" bigint NOT NULL,
	"wh_peak" bigint NOT NULL,
	"wh_shoulder" bigint NOT NULL,
	"wh_off_peak" bigint NOT NULL,
	"wh_flat" bigint NOT NULL,
	"cost_mc" bigint NOT NULL,
	"avg_w" bigint NOT NULL,
	"peak_w" bigint NOT NULL,
	"co2_g" bigint NOT NULL,
	"miner_count" integer NOT NULL,
	"buckets" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_customer_monthly_site_id_customer_id_month_pk" PRIMARY KEY("site_id","customer_id","month")
);
--> statement-breakpoint
CREATE TABLE "power_daily" (
	"site_id" uuid NOT NULL,
	"day" date NOT NULL,
	"org_id" uuid NOT NULL,
	"energy_wh" bigint NOT NULL,
	"wh_peak" bigint NOT NULL,
	"wh_shoulder" bigint NOT NULL,
	"wh_off_peak" bigint NOT NULL,
	"wh_flat" bigint NOT NULL,
	"cost_mc" bigint NOT NULL,
	"avg_w" bigint NOT NULL,
	"peak_w" bigint NOT NULL,
	"co2_g" bigint NOT NULL,
	"miner_count" integer NOT NULL,
	"buckets" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_daily_site_id_day_pk" PRIMARY KEY("site_id","day")
);
--> statement-breakpoint
CREATE TABLE "power_hourly" (
	"site_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"org_id" uuid NOT NULL,
	"energy_wh" bigint NOT NULL,
	"wh_peak" bigint NOT NULL,
	"wh_shoulder" bigint NOT NULL,
	"wh_off_peak" bigint NOT NULL,
	"wh_flat" bigint NOT NULL,
	"cost_mc" bigint NOT NULL,
	"avg_w" bigint NOT NULL,
	"peak_w" bigint NOT NULL,
	"co2_g" bigint NOT NULL,
	"miner_count" integer NOT NULL,
	"buckets" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_hourly_site_id_hour_pk" PRIMARY KEY("site_id","hour")
);
--> statement-breakpoint
CREATE TABLE "power_monthly" (
	"site_id" uuid NOT NULL,
	"month" date NOT NULL,
	"org_id" uuid NOT NULL,
	"energy_wh" bigint NOT NULL,
	"wh_peak" bigint NOT NULL,
	"wh_shoulder" bigint NOT NULL,
	"wh_off_peak" bigint NOT NULL,
	"wh_flat" bigint NOT NULL,
	"cost_mc" bigint NOT NULL,
	"avg_w" bigint NOT NULL,
	"peak_w" bigint NOT NULL,
	"co2_g" bigint NOT NULL,
	"miner_count" integer NOT NULL,
	"buckets" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_monthly_site_id_month_pk" PRIMARY KEY("site_id","month")
);
--> statement-breakpoint
CREATE TABLE "site_tariffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"rates_mc_per_kwh" jsonb NOT NULL,
	"seasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"holidays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"demand_cents_per_kw" integer DEFAULT 0 NOT NULL,
	"fixed_monthly_cents" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_bills" ADD CONSTRAINT "power_bills_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_bills" ADD CONSTRAINT "power_bills_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_bills" ADD CONSTRAINT "power_bills_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_bills" ADD CONSTRAINT "power_bills_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_customer_daily" ADD CONSTRAINT "power_customer_daily_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_customer_daily" ADD CONSTRAINT "power_customer_daily_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_customer_hourly" ADD CONSTRAINT "power_customer_hourly_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_customer_hourly" ADD CONSTRAINT "power_customer_hourly_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_customer_monthly" ADD CONSTRAINT "power_customer_monthly_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_customer_monthly" ADD CONSTRAINT "power_customer_monthly_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_daily" ADD CONSTRAINT "power_daily_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_hourly" ADD CONSTRAINT "power_hourly_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_monthly" ADD CONSTRAINT "power_monthly_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_tariffs" ADD CONSTRAINT "site_tariffs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_tariffs" ADD CONSTRAINT "site_tariffs_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_tariffs" ADD CONSTRAINT "site_tariffs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meter_readings_site_end_idx" ON "meter_readings" USING btree ("site_id","period_end");--> statement-breakpoint
CREATE UNIQUE INDEX "power_bills_party_month_uq" ON "power_bills" USING btree ("site_id","customer_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "power_bills_org_seq_uq" ON "power_bills" USING btree ("org_id","seq") WHERE "power_bills"."seq" is not null;--> statement-breakpoint
CREATE INDEX "power_bills_customer_idx" ON "power_bills" USING btree ("customer_id","month");--> statement-breakpoint
CREATE INDEX "power_customer_daily_customer_idx" ON "power_customer_daily" USING btree ("customer_id","day");--> statement-breakpoint
CREATE INDEX "power_customer_hourly_customer_idx" ON "power_customer_hourly" USING btree ("customer_id","hour");--> statement-breakpoint
CREATE INDEX "power_customer_monthly_customer_idx" ON "power_customer_monthly" USING btree ("customer_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "site_tariffs_site_from_uq" ON "site_tariffs" USING btree ("site_id","effective_from");