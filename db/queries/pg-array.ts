/**
 * PostgreSQL array literals ('{a,b,NULL}') for passing a whole column of a batch as ONE text bind
 * parameter (`${pgArray(xs)}::real[]`, then unnest). Drizzle expands a JS array into one parameter
 * per element, which hits the 65,535-parameter limit and is slow; a literal is the same on
 * postgres.js and PGlite.
 */
export function pgArray(values: readonly (string | number | boolean | null | undefined)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v == null) parts[i] = 'NULL';
    else if (typeof v === 'boolean') parts[i] = v ? 't' : 'f';
    else if (typeof v === 'number') parts[i] = Number.isFinite(v) ? String(v) : 'NULL';
    else parts[i] = `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  }
  return `{${parts.join(',')}}`;
}
