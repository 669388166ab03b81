-- Trigram indexes serve the miner list's quick search (a fragment anywhere in a field), which a
-- btree cannot. pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create
-- it; PGlite loads it in db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
