CREATE TABLE "edge_command_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"command_type" "edge_command_type" NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"selection" jsonb NOT NULL,
	"matched" integer NOT NULL,
	"queued" integer NOT NULL,
	"skipped" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"site_ids" uuid[] DEFAULT '{}' NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "edge_command_batches" ADD CONSTRAINT "edge_command_batches_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_command_batches" ADD CONSTRAINT "edge_command_batches_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edge_command_batches_org_idx" ON "edge_command_batches" USING btree ("org_id","created_at");--> statement-breakpoint
ALTER TABLE "edge_commands" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "edge_commands" ADD CONSTRAINT "edge_commands_batch_id_edge_command_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."edge_command_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edge_commands_batch_idx" ON "edge_commands" USING btree ("batch_id") WHERE batch_id is not null;--> statement-breakpoint
CREATE TABLE "ticket_miners" (
	"ticket_id" uuid NOT NULL,
	"miner_id" uuid NOT NULL,
	CONSTRAINT "ticket_miners_ticket_id_miner_id_pk" PRIMARY KEY("ticket_id","miner_id")
);
--> statement-breakpoint
ALTER TABLE "ticket_miners" ADD CONSTRAINT "ticket_miners_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_miners" ADD CONSTRAINT "ticket_miners_miner_id_miners_id_fk" FOREIGN KEY ("miner_id") REFERENCES "public"."miners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_miners_miner_idx" ON "ticket_miners" USING btree ("miner_id");
