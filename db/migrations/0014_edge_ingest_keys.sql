-- telemetry_raw's key leads with collected_at: an upload's rows (one instant, thousands of miners)
-- then land on the index's rightmost pages instead of one random page per miner, which halves the
-- insert cost on a day partition that no longer fits in memory and writes far fewer full-page
-- images after each checkpoint. The rollups' hour slices become a range scan of this key, so the
-- BRIN index on collected_at is redundant and goes (one less index per inserted row).
ALTER TABLE "telemetry_raw" DROP CONSTRAINT "telemetry_raw_miner_id_collected_at_pk";--> statement-breakpoint
ALTER TABLE "telemetry_raw" ADD CONSTRAINT "telemetry_raw_collected_at_miner_id_pk" PRIMARY KEY("collected_at","miner_id");--> statement-breakpoint
DROP INDEX IF EXISTS "telemetry_raw_collected_at_brin";--> statement-breakpoint
-- Ingest resolves each reading's miner inside its write statement: by MAC in any case a form
-- stored it, else by the host:port a discovered miner was found at. One index probe each.
CREATE INDEX "miners_site_mac_lower_idx" ON "miners" USING btree ("site_id",lower("mac_address")) WHERE "miners"."mac_address" is not null;--> statement-breakpoint
CREATE INDEX "edge_discovered_miners_host_port_idx" ON "edge_discovered_miners" USING btree ("host","port");
