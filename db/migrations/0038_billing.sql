CREATE TABLE "hosting_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"pricing" text NOT NULL,
	"rate" bigint NOT NULL,
	"reserved_kw" integer DEFAULT 0 NOT NULL,
	"energy_pass_through" boolean DEFAULT false NOT NULL,
	"revenue_share_bps" integer DEFAULT 0 NOT NULL,
	"deposit_cents" bigint DEFAULT 0 NOT NULL,
	"start_date" date NOT NULL,
	"term_months" integer NOT NULL,
	"auto_renew" boolean DEFAULT false NOT NULL,
	"sla_uptime_bps" integer DEFAULT 0 NOT NULL,
	"sla_credit_bps_per_point" integer DEFAULT 0 NOT NULL,
	"sla_credit_cap_bps" integer DEFAULT 0 NOT NULL,
	"tax_bps" integer DEFAULT 0 NOT NULL,
	"payment_terms_days" integer DEFAULT 15 NOT NULL,
	"site_ids" uuid[] NOT NULL,
	"miner_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	CONSTRAINT "hosting_contracts_amounts_ck" CHECK ("rate" >= 0 AND "reserved_kw" >= 0 AND "deposit_cents" >= 0 AND "term_months" > 0 AND "tax_bps" BETWEEN 0 AND 10000 AND "revenue_share_bps" BETWEEN 0 AND 10000 AND "sla_uptime_bps" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"contract_id" uuid,
	"kind" text DEFAULT 'invoice' NOT NULL,
	"credit_of_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"seq" integer,
	"number" text,
	"period_month" date,
	"locale" text DEFAULT 'en' NOT NULL,
	"tax_bps" integer DEFAULT 0 NOT NULL,
	"subtotal_cents" bigint DEFAULT 0 NOT NULL,
	"tax_cents" bigint DEFAULT 0 NOT NULL,
	"total_cents" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"credited_cents" bigint DEFAULT 0 NOT NULL,
	"issue_date" date,
	"due_date" date,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"emailed_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_paid_ck" CHECK ("paid_cents" >= 0 AND "credited_cents" >= 0 AND ("kind" = 'credit_note' OR "paid_cents" + "credited_cents" <= "total_cents"))
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"quantity" text NOT NULL,
	"unit_mc" bigint NOT NULL,
	"amount_cents" bigint NOT NULL,
	"tax_cents" bigint NOT NULL,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"method" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"asset_minor" bigint,
	"rate_cents" bigint,
	"tx_hash" text,
	"reference" text,
	"received_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_ck" CHECK ("amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "balance_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"payment_id" uuid,
	"invoice_id" uuid,
	"contract_id" uuid,
	"month" date,
	"evidence" jsonb,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hosting_contracts" ADD CONSTRAINT "hosting_contracts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_contracts" ADD CONSTRAINT "hosting_contracts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_contracts" ADD CONSTRAINT "hosting_contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_contract_id_hosting_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."hosting_contracts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "balance_entries" ADD CONSTRAINT "balance_entries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "balance_entries" ADD CONSTRAINT "balance_entries_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "balance_entries" ADD CONSTRAINT "balance_entries_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "balance_entries" ADD CONSTRAINT "balance_entries_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "balance_entries" ADD CONSTRAINT "balance_entries_contract_id_hosting_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."hosting_contracts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "balance_entries" ADD CONSTRAINT "balance_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hosting_contracts_customer_idx" ON "hosting_contracts" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_org_seq_uq" ON "invoices" USING btree ("org_id","seq") WHERE "invoices"."seq" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_contract_month_uq" ON "invoices" USING btree ("contract_id","period_month") WHERE "invoices"."kind" = 'invoice' and "invoices"."period_month" is not null and "invoices"."status" <> 'void';--> statement-breakpoint
CREATE INDEX "invoices_customer_idx" ON "invoices" USING btree ("org_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "invoices_status_due_idx" ON "invoices" USING btree ("org_id","status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_invoice_pos_uq" ON "invoice_lines" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE INDEX "payments_customer_idx" ON "payments" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_tx_uq" ON "payments" USING btree ("org_id","method","tx_hash") WHERE "payments"."tx_hash" is not null;--> statement-breakpoint
CREATE INDEX "balance_entries_customer_idx" ON "balance_entries" USING btree ("org_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "balance_entries_invoice_idx" ON "balance_entries" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "balance_entries_sla_uq" ON "balance_entries" USING btree ("contract_id","month") WHERE "balance_entries"."kind" = 'sla_credit';--> statement-breakpoint
-- The ledger is append-only: a correction is a new entry, never an edit.
CREATE FUNCTION "balance_entries_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'balance_entries are immutable' USING ERRCODE = '55000';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "balance_entries_no_change" BEFORE UPDATE OR DELETE ON "balance_entries" FOR EACH ROW EXECUTE FUNCTION "balance_entries_immutable"();
