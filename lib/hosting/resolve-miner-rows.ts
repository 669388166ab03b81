import type { Db } from '@/db/client';
import { type RowError, resolveParsedMinerRows } from '@/db/queries/hosting/miner-rows';
import { VALIDATION_KEYS } from '@/lib/core/field-errors';
import type { Scope } from '@/lib/core/scope';
import { minerRowSchema, type ParsedMinerRow } from '@/lib/validation/hosting';

/** Each raw row (from the API, a form or a spreadsheet) through minerRowSchema: the parsed ones with their 1-based row, and one error per bad field. */
export function parseMinerRows(raw: unknown[]): { parsed: { row: number; value: ParsedMinerRow }[]; errors: RowError[] } {
  const parsed: { row: number; value: ParsedMinerRow }[] = [];
  const errors: RowError[] = [];
  raw.forEach((input, i) => {
    const row = i + 1;
    const result = minerRowSchema.safeParse(input);
    if (result.success) {
      parsed.push({ row, value: result.data });
      return;
    }
    const fields = new Set<string>();
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '_row');
      if (!fields.has(field)) errors.push({ row, field, code: (VALIDATION_KEYS as readonly string[]).includes(issue.message) ? issue.message : 'invalid' });
      fields.add(field);
    }
  });
  return { parsed, errors };
}

/**
 * Validates raw rows against the schema, the caller's scope and the unique keys: within the batch and
 * against miners already stored. Every problem is reported with its row; nothing is written here.
 */
export async function resolveMinerRows(db: Db, scope: Scope, raw: unknown[], opts: { excludeMinerId?: string } = {}) {
  const { parsed, errors } = parseMinerRows(raw);
  return resolveParsedMinerRows(db, scope, parsed, errors, opts);
}
