CREATE TYPE "public"."curtailment_status" AS ENUM('curtailing', 'holding', 'recovering', 'completed');--> statement-breakpoint
CREATE TABLE "curtailment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"trigger" text DEFAULT 'manual' NOT NULL,
	"strategy" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_kw" numeric(12, 3) NOT NULL,
	"emergency" boolean DEFAULT false NOT NULL,
	"per_minute" integer NOT NULL,
	"status" "curtailment_status" DEFAULT 'curtailing' NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone,
	"stop_requested_at" timestamp with time zone,
	"baseline_w" integer NOT NULL,
	"requested_shed_w" integer NOT NULL,
	"planned_shed_w" integer NOT NULL,
	"hashprice_usd_per_ph_day" numeric,
	"tariff_mc_per_kwh" integer,
	"waves" integer NOT NULL,
	"waves_sent" integer DEFAULT 0 NOT NULL,
	"all_sent_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"achieved_shed_w" integer,
	"verification" jsonb,
	"recovery_started_at" timestamp with time zone,
	"recovery_waves_sent" integer DEFAULT 0 NOT NULL,
	"recovery_sent_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"recovered" integer,
	"not_recovered" integer,
	"energy_avoided_wh" bigint,
	"cost_avoided_cents" bigint,
	"revenue_forgone_cents" bigint,
	"net_saving_cents" bigint,
	"savings" jsonb
);
--> statement-breakpoint
CREATE TABLE "curtailment_event_miners" (
	"event_id" uuid NOT NULL,
	"miner_id" uuid NOT NULL,
	"action" text NOT NULL,
	"power_target_w" integer,
	"wave" integer NOT NULL,
	"pre_power_w" real NOT NULL,
	"pre_hashrate_ths" real NOT NULL,
	"curtail_command_id" uuid,
	"restore_command_id" uuid,
	"recovered" boolean,
	"recovered_hashrate_ths" real,
	"ticket_id" uuid,
	CONSTRAINT "curtailment_event_miners_event_id_miner_id_pk" PRIMARY KEY("event_id","miner_id")
);
--> statement-breakpoint
ALTER TABLE "curtailment_events" ADD CONSTRAINT "curtailment_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_events" ADD CONSTRAINT "curtailment_events_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_events" ADD CONSTRAINT "curtailment_events_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_event_miners" ADD CONSTRAINT "curtailment_event_miners_event_id_curtailment_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."curtailment_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_event_miners" ADD CONSTRAINT "curtailment_event_miners_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_event_miners" ADD CONSTRAINT "curtailment_event_miners_curtail_command_id_edge_commands_id_fk" FOREIGN KEY ("curtail_command_id") REFERENCES "public"."edge_commands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_event_miners" ADD CONSTRAINT "curtailment_event_miners_restore_command_id_edge_commands_id_fk" FOREIGN KEY ("restore_command_id") REFERENCES "public"."edge_commands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curtailment_event_miners" ADD CONSTRAINT "curtailment_event_miners_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "curtailment_events_org_site_idx" ON "curtailment_events" USING btree ("org_id","site_id","created_at");--> statement-breakpoint
CREATE INDEX "curtailment_events_open_idx" ON "curtailment_events" USING btree ("status");--> statement-breakpoint
CREATE INDEX "curtailment_event_miners_miner_idx" ON "curtailment_event_miners" USING btree ("miner_id");
