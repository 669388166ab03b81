ALTER TABLE "edge_devices" ADD COLUMN "box_public_key" text;--> statement-breakpoint
ALTER TABLE "edge_devices" ADD COLUMN "box_key_version" integer;