CREATE TABLE IF NOT EXISTS "hosting_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"brand_id" uuid,
	"name" text NOT NULL,
	"pricing" text NOT NULL,
	"rate" bigint NOT NULL,
	"min_term_months" integer DEFAULT 1 NOT NULL,
	"notes" text,
	"published" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hosting_plans_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "hosting_plans_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "hosting_plans_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "hosting_plans_pricing_ck" CHECK ("pricing" in ('per_kwh', 'per_miner_month', 'per_kw_reserved')),
	CONSTRAINT "hosting_plans_rate_ck" CHECK ("rate" >= 0)
);--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "hosting_plans_site_name_uq" ON "hosting_plans" USING btree ("site_id","name");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "hosting_plans_org_idx" ON "hosting_plans" USING btree ("org_id");
