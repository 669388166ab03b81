-- Entries written before secrets were redacted at write time may hold a pool password, a pool
-- account's API key or a token in clear text. The same rule as lib/domain/audit/redact.ts: a key that,
-- lower-cased with everything but letters and digits removed, ends with one of its suffixes has its
-- non-null value replaced by "[redacted]", at any depth (tests/audit-scrub-migration.test.ts holds the
-- two lists together).
CREATE FUNCTION hi_audit_scrub_secrets(j jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF jsonb_typeof(j) = 'object' THEN
    RETURN (
      SELECT coalesce(jsonb_object_agg(k, CASE
        WHEN v <> 'null'::jsonb
          AND lower(regexp_replace(k, '[^A-Za-z0-9]', '', 'g')) ~ '(password|passwd|passphrase|passwordhash|secret|secretenc|apikey|accesskey|privatekey|signingkey|token|tokenhash|authorization)$'
        THEN '"[redacted]"'::jsonb
        ELSE hi_audit_scrub_secrets(v) END), '{}'::jsonb)
      FROM jsonb_each(j) AS e(k, v));
  ELSIF jsonb_typeof(j) = 'array' THEN
    RETURN (SELECT coalesce(jsonb_agg(hi_audit_scrub_secrets(v) ORDER BY i), '[]'::jsonb) FROM jsonb_array_elements(j) WITH ORDINALITY AS a(v, i));
  END IF;
  RETURN j;
END $$;
--> statement-breakpoint
-- The cheap text test first: an entry whose letters and digits never spell a suffix has no secret key.
UPDATE audit_log AS a SET before = s.before, after = s.after
FROM (
  SELECT id, hi_audit_scrub_secrets(before) AS before, hi_audit_scrub_secrets(after) AS after
  FROM audit_log
  WHERE lower(regexp_replace(coalesce(before::text, '') || ' ' || coalesce(after::text, ''), '[^A-Za-z0-9]', '', 'g'))
    ~ '(password|passwd|passphrase|secret|apikey|accesskey|privatekey|signingkey|token|authorization)'
) AS s
WHERE a.id = s.id AND (a.before IS DISTINCT FROM s.before OR a.after IS DISTINCT FROM s.after);
--> statement-breakpoint
DROP FUNCTION hi_audit_scrub_secrets(jsonb);
