/**
 * The SQLSTATE of a database error ('23505' unique violation, '42P07' duplicate table …), whichever
 * driver raised it: drizzle wraps the postgres.js or PGlite error in `cause`, sometimes twice.
 */
export function pgErrorCode(error: unknown): string | null {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 3; e = e.cause as Record<string, unknown> | undefined, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return null;
}
