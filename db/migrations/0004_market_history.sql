CREATE TABLE "network_daily" (
	"day" date PRIMARY KEY NOT NULL,
	"price_open_usd" numeric,
	"price_high_usd" numeric,
	"price_low_usd" numeric,
	"price_close_usd" numeric,
	"difficulty" numeric,
	"network_hashrate_hs" numeric,
	"fees_per_block_btc" numeric,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"btc_price_usd" numeric NOT NULL,
	"difficulty" numeric NOT NULL,
	"network_hashrate_hs" numeric NOT NULL,
	"fees_per_block_btc" numeric,
	"block_height" integer,
	"hashprice_btc_per_ph_day" numeric NOT NULL,
	"hashprice_usd_per_ph_day" numeric NOT NULL,
	"sources" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_snapshots_bucketStart_unique" UNIQUE("bucket_start")
);
--> statement-breakpoint
CREATE INDEX "network_snapshots_created_idx" ON "network_snapshots" USING btree ("created_at");