CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"function_id" text NOT NULL,
	"trigger" text NOT NULL,
	"scheduled_for" timestamp with time zone,
	"started_at" timestamp with time zone NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text DEFAULT 'running' NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_tick_uq" ON "job_runs" USING btree ("function_id","scheduled_for");--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_one_running_uq" ON "job_runs" USING btree ("function_id") WHERE finished_at is null;--> statement-breakpoint
CREATE INDEX "job_runs_started_idx" ON "job_runs" USING btree ("function_id","started_at");