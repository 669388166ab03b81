ALTER TABLE "miner_telemetry_live" ADD COLUMN IF NOT EXISTS "vendor" text;--> statement-breakpoint
ALTER TABLE "miner_telemetry_live" ADD COLUMN IF NOT EXISTS "firmware" text;
