CREATE TABLE "forecasts" (
	"series" text NOT NULL,
	"day" date NOT NULL,
	"result" jsonb NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forecasts_series_day_pk" PRIMARY KEY("series","day")
);
