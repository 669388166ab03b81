CREATE TABLE "network_epochs" (
	"epoch" integer PRIMARY KEY NOT NULL,
	"start_height" integer NOT NULL,
	"start_time" timestamp with time zone,
	"difficulty" numeric NOT NULL,
	"hashrate_avg_hs" numeric,
	"last_block_hash" text,
	"source" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_daily" ADD COLUMN "blocks" integer;--> statement-breakpoint
ALTER TABLE "network_daily" ADD COLUMN "fees_total_sats" bigint;--> statement-breakpoint
ALTER TABLE "network_daily" ADD COLUMN "tx_count" integer;