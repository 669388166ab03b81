CREATE TYPE "public"."edge_alert_kind" AS ENUM('OFFLINE', 'TEMP_HIGH', 'HASHRATE_LOW', 'FAN_FAILURE', 'REJECT_RATE_HIGH');--> statement-breakpoint
CREATE TYPE "public"."edge_alert_status" AS ENUM('OPEN', 'ACKNOWLEDGED', 'RESOLVED');--> statement-breakpoint
CREATE TYPE "public"."edge_command_status" AS ENUM('QUEUED', 'LEASED', 'SUCCEEDED', 'FAILED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "public"."edge_command_type" AS ENUM('REBOOT', 'SLEEP', 'WAKE', 'POWER_MODE', 'POOL_SET', 'SET_FREQUENCY', 'SET_POWER_TARGET');--> statement-breakpoint
CREATE TABLE "edge_alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "edge_alert_kind" NOT NULL,
	"threshold" integer NOT NULL,
	"site_id" uuid,
	"model_id" integer,
	"customer_id" uuid,
	"enabled" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "edge_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"miner_id" uuid NOT NULL,
	"status" "edge_alert_status" DEFAULT 'OPEN' NOT NULL,
	"value" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "edge_commands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"miner_id" uuid NOT NULL,
	"command_type" "edge_command_type" NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "edge_command_status" DEFAULT 'QUEUED' NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"leased_by" uuid,
	"lease_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"ack_nonce" text,
	"result" jsonb,
	"execution_time_ms" integer,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "edge_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"signing_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"version" text,
	"lag_s" integer,
	"buffer_depth" integer
);
--> statement-breakpoint
CREATE TABLE "edge_discovered_miners" (
	"miner_id" uuid PRIMARY KEY NOT NULL,
	"device_id" uuid,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"discovered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "edge_miner_credentials" (
	"miner_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"key_version" integer NOT NULL,
	"counter" integer NOT NULL,
	"ciphertext" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "miner_telemetry_live" (
	"miner_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
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
	"offline_since" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telemetry_daily" (
	"miner_id" uuid NOT NULL,
	"day" date NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"samples" integer NOT NULL,
	"online_ratio" real NOT NULL,
	"hashrate_avg_ths" real,
	"hashrate_min_ths" real,
	"hashrate_max_ths" real,
	"temp_chip_avg_c" real,
	"temp_chip_max_c" real,
	"power_avg_w" real,
	"power_max_w" real,
	"fan_min_rpm" integer,
	"energy_wh" integer NOT NULL,
	"uptime_hours" real NOT NULL,
	CONSTRAINT "telemetry_daily_miner_id_day_pk" PRIMARY KEY("miner_id","day")
);
--> statement-breakpoint
CREATE TABLE "telemetry_history_5min" (
	"miner_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"samples" integer NOT NULL,
	"online_samples" integer NOT NULL,
	"online_ratio" real NOT NULL,
	"hashrate_avg_ths" real,
	"hashrate_min_ths" real,
	"hashrate_max_ths" real,
	"temp_chip_avg_c" real,
	"temp_chip_max_c" real,
	"temp_inlet_avg_c" real,
	"power_avg_w" real,
	"power_max_w" real,
	"fan_min_rpm" integer,
	"fan_avg_rpm" real,
	"accepted_delta" double precision,
	"rejected_delta" double precision,
	CONSTRAINT "telemetry_history_5min_miner_id_bucket_pk" PRIMARY KEY("miner_id","bucket")
);
--> statement-breakpoint
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
);
--> statement-breakpoint
ALTER TABLE "edge_alert_rules" ADD CONSTRAINT "edge_alert_rules_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_alert_rules" ADD CONSTRAINT "edge_alert_rules_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_alerts" ADD CONSTRAINT "edge_alerts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_alerts" ADD CONSTRAINT "edge_alerts_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_alerts" ADD CONSTRAINT "edge_alerts_rule_id_edge_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."edge_alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_alerts" ADD CONSTRAINT "edge_alerts_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_alerts" ADD CONSTRAINT "edge_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_commands" ADD CONSTRAINT "edge_commands_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_commands" ADD CONSTRAINT "edge_commands_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_commands" ADD CONSTRAINT "edge_commands_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_commands" ADD CONSTRAINT "edge_commands_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_commands" ADD CONSTRAINT "edge_commands_leased_by_edge_devices_id_fk" FOREIGN KEY ("leased_by") REFERENCES "public"."edge_devices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_devices" ADD CONSTRAINT "edge_devices_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_devices" ADD CONSTRAINT "edge_devices_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_devices" ADD CONSTRAINT "edge_devices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_discovered_miners" ADD CONSTRAINT "edge_discovered_miners_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_discovered_miners" ADD CONSTRAINT "edge_discovered_miners_device_id_edge_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."edge_devices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_miner_credentials" ADD CONSTRAINT "edge_miner_credentials_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_miner_credentials" ADD CONSTRAINT "edge_miner_credentials_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_miner_credentials" ADD CONSTRAINT "edge_miner_credentials_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "miner_telemetry_live" ADD CONSTRAINT "miner_telemetry_live_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "miner_telemetry_live" ADD CONSTRAINT "miner_telemetry_live_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "miner_telemetry_live" ADD CONSTRAINT "miner_telemetry_live_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_daily" ADD CONSTRAINT "telemetry_daily_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_history_5min" ADD CONSTRAINT "telemetry_history_5min_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edge_alert_rules_org_idx" ON "edge_alert_rules" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "edge_alerts_active_uq" ON "edge_alerts" USING btree ("rule_id","miner_id") WHERE "edge_alerts"."status" <> 'RESOLVED';--> statement-breakpoint
CREATE INDEX "edge_alerts_org_status_idx" ON "edge_alerts" USING btree ("org_id","status","opened_at");--> statement-breakpoint
CREATE INDEX "edge_commands_site_status_idx" ON "edge_commands" USING btree ("site_id","status","created_at");--> statement-breakpoint
CREATE INDEX "edge_commands_miner_idx" ON "edge_commands" USING btree ("miner_id","created_at");--> statement-breakpoint
CREATE INDEX "edge_commands_org_idx" ON "edge_commands" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "edge_devices_token_hash_uq" ON "edge_devices" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "edge_devices_org_site_idx" ON "edge_devices" USING btree ("org_id","site_id");--> statement-breakpoint
CREATE INDEX "miner_telemetry_live_org_site_idx" ON "miner_telemetry_live" USING btree ("org_id","site_id");--> statement-breakpoint
CREATE INDEX "telemetry_daily_site_day_idx" ON "telemetry_daily" USING btree ("site_id","day");--> statement-breakpoint
CREATE INDEX "telemetry_history_5min_site_bucket_idx" ON "telemetry_history_5min" USING btree ("site_id","bucket");