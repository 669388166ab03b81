CREATE TYPE "public"."pool_alert_kind" AS ENUM('worker_offline', 'low_hashrate', 'api_failure', 'budget_warning');--> statement-breakpoint
CREATE TYPE "public"."pool_payment_kind" AS ENUM('payout', 'recv');--> statement-breakpoint
CREATE TYPE "public"."pool_worker_status" AS ENUM('online', 'offline', 'invalid');--> statement-breakpoint
CREATE TYPE "public"."alerts_channel_kind" AS ENUM('email', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."alerts_delivery_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."alerts_rule_kind" AS ENUM('hashprice_below', 'profit_below', 'difficulty_change_above');--> statement-breakpoint
CREATE TYPE "public"."alerts_rule_state" AS ENUM('armed', 'breached');--> statement-breakpoint
CREATE TABLE "pool_account_balances" (
	"account_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"earn24h_sats" bigint NOT NULL,
	"earn_total_sats" bigint NOT NULL,
	"paid_out_sats" bigint NOT NULL,
	"balance_sats" bigint NOT NULL,
	"settle_time" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pool_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"parent_id" uuid,
	"label" text NOT NULL,
	"user_id" text NOT NULL,
	"coin" text DEFAULT 'BTC' NOT NULL,
	"api_key" text,
	"secret_enc" text,
	"worker_pattern" text DEFAULT '^[^.]+\.(.+)$' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_test_at" timestamp with time zone,
	"last_test_ok" boolean,
	"last_test_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_api_call_logs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid,
	"endpoint" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"http_status" integer,
	"api_code" integer,
	"ms" integer,
	"attempt" integer DEFAULT 1 NOT NULL,
	"budget_left" integer,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "pool_collection_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"tier" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"calls" integer NOT NULL,
	"accounts_ok" integer NOT NULL,
	"accounts_failed" integer NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_daily_worker_summaries" (
	"account_id" uuid NOT NULL,
	"worker_name" text NOT NULL,
	"day" date NOT NULL,
	"avg_hs" numeric(30, 0) NOT NULL,
	"online_hours" integer NOT NULL,
	"observed_hours" integer NOT NULL,
	"earned_sats" bigint NOT NULL,
	"efficiency" numeric(6, 4) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_hashrates" (
	"account_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"hs10m" numeric(30, 0) NOT NULL,
	"hs1h" numeric(30, 0) NOT NULL,
	"hs1d" numeric(30, 0) NOT NULL,
	"total_workers" integer NOT NULL,
	"active_workers" integer NOT NULL,
	"inactive_workers" integer NOT NULL,
	"invalid_workers" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_payment_history" (
	"account_id" uuid NOT NULL,
	"kind" "pool_payment_kind" NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"amount_sats" bigint NOT NULL,
	"pps_sats" bigint,
	"pplns_sats" bigint,
	"fpps_block_sats" bigint,
	"fpps_fee_sats" bigint,
	"hashrate" numeric(30, 0),
	"external_id" text,
	"tx_id" text,
	"wallet_address" text
);
--> statement-breakpoint
CREATE TABLE "pool_stats" (
	"org_id" uuid NOT NULL,
	"coin" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"pool_hashrate" numeric(30, 0) NOT NULL,
	"active_worker_number" integer NOT NULL,
	"network_diff" numeric(30, 0)
);
--> statement-breakpoint
CREATE TABLE "pool_worker_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"account_id" uuid,
	"kind" "pool_alert_kind" NOT NULL,
	"subject" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pool_worker_links" (
	"account_id" uuid NOT NULL,
	"worker_name" text NOT NULL,
	"miner_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_workers" (
	"account_id" uuid NOT NULL,
	"worker_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"hs10m" numeric(30, 0) NOT NULL,
	"hs1h" numeric(30, 0) NOT NULL,
	"hs1d" numeric(30, 0) NOT NULL,
	"reject_ratio" numeric(8, 6),
	"last_share_at" timestamp with time zone,
	"status" "pool_worker_status" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "alerts_channel_kind" NOT NULL,
	"label" text NOT NULL,
	"target" text NOT NULL,
	"secret_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"channel_id" uuid,
	"channel" "alerts_channel_kind" NOT NULL,
	"target" text NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text,
	"subject" text NOT NULL,
	"status" "alerts_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"response_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "profitability_alert_rule_channels" (
	"rule_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	CONSTRAINT "profitability_alert_rule_channels_rule_id_channel_id_pk" PRIMARY KEY("rule_id","channel_id")
);
--> statement-breakpoint
CREATE TABLE "profitability_alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "alerts_rule_kind" NOT NULL,
	"threshold" numeric(18, 6) NOT NULL,
	"state" "alerts_rule_state" DEFAULT 'armed' NOT NULL,
	"state_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"breached_bucket" timestamp with time zone,
	"last_evaluated_bucket" timestamp with time zone,
	"last_value" numeric(24, 6),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_mining_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"electricity_usd_per_kwh" numeric(10, 5) NOT NULL,
	"efficiency_j_per_th" numeric(10, 3) NOT NULL,
	"hashrate_ths" numeric(14, 3) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pool_account_balances" ADD CONSTRAINT "pool_account_balances_account_id_pool_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."pool_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_accounts" ADD CONSTRAINT "pool_accounts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_collection_runs" ADD CONSTRAINT "pool_collection_runs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_daily_worker_summaries" ADD CONSTRAINT "pool_daily_worker_summaries_account_id_pool_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."pool_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_hashrates" ADD CONSTRAINT "pool_hashrates_account_id_pool_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."pool_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_payment_history" ADD CONSTRAINT "pool_payment_history_account_id_pool_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."pool_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_stats" ADD CONSTRAINT "pool_stats_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_worker_alerts" ADD CONSTRAINT "pool_worker_alerts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_worker_alerts" ADD CONSTRAINT "pool_worker_alerts_account_id_pool_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."pool_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_worker_links" ADD CONSTRAINT "pool_worker_links_account_id_pool_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."pool_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_worker_links" ADD CONSTRAINT "pool_worker_links_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_workers" ADD CONSTRAINT "pool_workers_account_id_pool_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."pool_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_channel_id_notification_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."notification_channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profitability_alert_rule_channels" ADD CONSTRAINT "profitability_alert_rule_channels_rule_id_profitability_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."profitability_alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profitability_alert_rule_channels" ADD CONSTRAINT "profitability_alert_rule_channels_channel_id_notification_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."notification_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profitability_alert_rules" ADD CONSTRAINT "profitability_alert_rules_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profitability_alert_rules" ADD CONSTRAINT "profitability_alert_rules_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_mining_settings" ADD CONSTRAINT "user_mining_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_mining_settings" ADD CONSTRAINT "user_mining_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pool_account_balances_uq" ON "pool_account_balances" USING btree ("account_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_accounts_org_user_uq" ON "pool_accounts" USING btree ("org_id","user_id","coin");--> statement-breakpoint
CREATE INDEX "pool_accounts_parent_idx" ON "pool_accounts" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "pool_api_call_logs_started_idx" ON "pool_api_call_logs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "pool_collection_runs_org_idx" ON "pool_collection_runs" USING btree ("org_id","tier","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_daily_worker_summaries_uq" ON "pool_daily_worker_summaries" USING btree ("account_id","worker_name","day");--> statement-breakpoint
CREATE INDEX "pool_daily_worker_summaries_day_idx" ON "pool_daily_worker_summaries" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_hashrates_uq" ON "pool_hashrates" USING btree ("account_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_payment_history_uq" ON "pool_payment_history" USING btree ("account_id","kind","paid_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_stats_uq" ON "pool_stats" USING btree ("org_id","coin","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_worker_alerts_open_uq" ON "pool_worker_alerts" USING btree ("org_id","kind","subject") WHERE "pool_worker_alerts"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "pool_worker_alerts_org_idx" ON "pool_worker_alerts" USING btree ("org_id","resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_worker_links_uq" ON "pool_worker_links" USING btree ("account_id","worker_name");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_workers_uq" ON "pool_workers" USING btree ("account_id","worker_name","recorded_at");--> statement-breakpoint
CREATE INDEX "pool_workers_recorded_idx" ON "pool_workers" USING btree ("recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_channels_user_target_uq" ON "notification_channels" USING btree ("user_id","kind","target");--> statement-breakpoint
CREATE INDEX "notification_channels_org_idx" ON "notification_channels" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_deliveries_dedupe_uq" ON "notification_deliveries" USING btree ("dedupe_key") WHERE "notification_deliveries"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "notification_deliveries_user_created_idx" ON "notification_deliveries" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_org_created_idx" ON "notification_deliveries" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "profitability_alert_rule_channels_channel_idx" ON "profitability_alert_rule_channels" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "profitability_alert_rules_user_idx" ON "profitability_alert_rules" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "profitability_alert_rules_org_idx" ON "profitability_alert_rules" USING btree ("org_id");