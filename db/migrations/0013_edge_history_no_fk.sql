ALTER TABLE "telemetry_history_5min" DROP CONSTRAINT "telemetry_history_5min_miner_id_miners_id_fk";
