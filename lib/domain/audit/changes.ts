/** A leaf of an audit entry's before or after: absent (undefined) differs from a stored null. */
export type AuditLeaf = string | number | boolean | null | undefined;
export type AuditChange = { field: string; before: AuditLeaf; after: AuditLeaf };

type Flat = Map<string, AuditLeaf>;

function flatten(value: unknown, path: string, out: Flat) {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    // An empty list or object is still a value worth showing ("no members"), not nothing.
    if (!entries.length && path) out.set(path, Array.isArray(value) ? '[]' : '{}');
    for (const [k, v] of entries) flatten(v, path ? `${path}.${k}` : k, out);
    return;
  }
  if (value !== undefined) out.set(path, value as AuditLeaf);
}

/**
 * An audit entry's before and after as rows of (field, before, after), nested fields named by their
 * path (`params.url`, `miners.0.name`). Only fields that differ are kept: an update shows what
 * changed, a creation (no before) every field it set, a deletion every field it removed.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b: Flat = new Map();
  const a: Flat = new Map();
  // A null side is "nothing recorded" (a creation has no before), not a field whose value is null.
  if (before != null) flatten(before, '', b);
  if (after != null) flatten(after, '', a);
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields.flatMap((field) => (b.get(field) === a.get(field) ? [] : [{ field, before: b.get(field), after: a.get(field) }]));
}
