CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_sessions_user_idx" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
-- Disabling a user ends all their sessions whichever way disabled_at is set (the app has no screen
-- for it; an operator sets it in SQL), so enabling the user again cannot bring an old cookie back.
CREATE FUNCTION "user_sessions_revoke_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "user_sessions" SET "revoked_at" = now() WHERE "user_id" = NEW."id" AND "revoked_at" IS NULL;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "users_disabled_revokes_sessions" AFTER UPDATE OF "disabled_at" ON "users"
	FOR EACH ROW WHEN (NEW."disabled_at" IS NOT NULL AND NEW."disabled_at" IS DISTINCT FROM OLD."disabled_at")
	EXECUTE FUNCTION "user_sessions_revoke_all"();
