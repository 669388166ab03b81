ALTER TABLE "audit_log" ADD COLUMN "site_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_log_site_ids_idx" ON "audit_log" USING gin ("site_ids");