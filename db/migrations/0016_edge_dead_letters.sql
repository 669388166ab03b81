ALTER TABLE "edge_devices" ADD COLUMN "dead_letters" integer;--> statement-breakpoint
ALTER TABLE "edge_devices" ADD COLUMN "dead_letter_bytes" integer;