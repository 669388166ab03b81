CREATE TABLE "pool_api_nonces" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"last_nonce" bigint NOT NULL
);
