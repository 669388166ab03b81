-- telemetry_raw becomes a table partitioned by day on collected_at, so retention drops whole
-- partitions. Same columns and key as the drizzle definition in db/schema/telemetry.ts; day
-- partitions (telemetry_raw_pYYYYMMDD) are created ahead by the ingest path and the daily job.
DROP TABLE "telemetry_raw";--> statement-breakpoint
CREATE TABLE "telemetry_raw" (
	"miner_id" uuid NOT NULL,
	"collected_at" timestamp with time zone NOT NULL,
	"online" boolean NOT NULL,
	"hashrate5s_ths" real,
	"hashrate_avg_ths" real,
	"hashrate_nominal_ths" real,
	"temp_chip_max_c" real,
	"temp_board_max_c" real,
	"temp_inlet_c" real,
	"temp_outlet_c" real,
	"fan_min_rpm" integer,
	"fan_count" integer,
	"power_w" real,
	"accepted" double precision,
	"rejected" double precision,
	"hardware_errors" double precision,
	"uptime_s" integer,
	CONSTRAINT "telemetry_raw_miner_id_collected_at_pk" PRIMARY KEY("miner_id","collected_at")
) PARTITION BY RANGE ("collected_at");
