CREATE TABLE "market_intel" (
	"source" text NOT NULL,
	"metric" text NOT NULL,
	"payload" jsonb,
	"observed_at" timestamp with time zone,
	"fetched_at" timestamp with time zone,
	"attempted_at" timestamp with time zone NOT NULL,
	"last_error" text,
	CONSTRAINT "market_intel_source_metric_pk" PRIMARY KEY("source","metric")
);
