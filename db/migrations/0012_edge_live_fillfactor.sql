-- Ingest rewrites every miner's live row once a minute. Half-empty pages let PostgreSQL do those as
-- HOT updates (same page, no index writes), which keeps the live upsert near the raw insert's cost.
ALTER TABLE "miner_telemetry_live" SET (fillfactor = 50);--> statement-breakpoint
-- The rollups read telemetry_raw an hour at a time by collected_at. Rows arrive in time order, so a
-- BRIN index (a few pages per day partition, negligible on ingest) narrows each slice to its pages.
CREATE INDEX IF NOT EXISTS "telemetry_raw_collected_at_brin" ON "telemetry_raw" USING brin ("collected_at");
--> statement-breakpoint
-- The daily rollup reads one day of a 60-day five-minute history; buckets are written roughly in
-- time order (each run appends the newest), so BRIN narrows it without another B-tree to maintain.
CREATE INDEX IF NOT EXISTS "telemetry_history_5min_bucket_brin" ON "telemetry_history_5min" USING brin ("bucket");
