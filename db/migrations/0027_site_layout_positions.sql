CREATE TABLE "site_layout_positions" (
	"site_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"miner_id" uuid NOT NULL,
	"room" text DEFAULT '' NOT NULL,
	"row_no" integer,
	"rack" integer NOT NULL,
	"slot" integer NOT NULL,
	CONSTRAINT "site_layout_positions_pk" PRIMARY KEY("site_id","miner_id")
);
--> statement-breakpoint
ALTER TABLE "site_layout_positions" ADD CONSTRAINT "site_layout_positions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_layout_positions" ADD CONSTRAINT "site_layout_positions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_layout_positions" ADD CONSTRAINT "site_layout_positions_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "site_layout_positions_place_uq" ON "site_layout_positions" USING btree ("site_id","room",coalesce("row_no", 0),"rack","slot");--> statement-breakpoint
CREATE INDEX "site_layout_positions_miner_idx" ON "site_layout_positions" USING btree ("miner_id");
