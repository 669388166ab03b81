CREATE TYPE "public"."alert_severity" AS ENUM('critical', 'warning', 'info');--> statement-breakpoint
ALTER TABLE "edge_alert_rules" ADD COLUMN "severity" "alert_severity" DEFAULT 'warning' NOT NULL;--> statement-breakpoint
UPDATE "edge_alert_rules" SET "severity" = 'critical' WHERE "kind" IN ('OFFLINE', 'TEMP_HIGH', 'FAN_FAILURE');--> statement-breakpoint
ALTER TABLE "edge_alerts" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "edge_alerts_escalation_idx" ON "edge_alerts" USING btree ("opened_at") WHERE "edge_alerts"."status" = 'OPEN' and "edge_alerts"."escalated_at" is null;--> statement-breakpoint
ALTER TABLE "pool_worker_alerts" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pool_worker_alerts" ADD COLUMN "acknowledged_by" uuid;--> statement-breakpoint
ALTER TABLE "pool_worker_alerts" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pool_worker_alerts" ADD CONSTRAINT "pool_worker_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_channels" ADD COLUMN "format" text DEFAULT 'signed' NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_format_ck" CHECK ("notification_channels"."format" in ('signed', 'slack', 'telegram'));--> statement-breakpoint
CREATE TABLE "alert_escalation_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"after_minutes" integer NOT NULL,
	"channel_id" uuid,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "alert_escalation_settings" ADD CONSTRAINT "alert_escalation_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_escalation_settings" ADD CONSTRAINT "alert_escalation_settings_channel_id_notification_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."notification_channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_escalation_settings" ADD CONSTRAINT "alert_escalation_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
