ALTER TABLE "pool_worker_links" ADD COLUMN "source" text DEFAULT 'pattern' NOT NULL;--> statement-breakpoint
ALTER TABLE "edge_alert_rules" ADD COLUMN "channel_id" uuid;--> statement-breakpoint
ALTER TABLE "edge_alert_rules" ADD CONSTRAINT "edge_alert_rules_channel_id_notification_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."notification_channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pool_worker_links_miner_idx" ON "pool_worker_links" USING btree ("miner_id");