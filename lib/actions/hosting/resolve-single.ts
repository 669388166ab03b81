import type { Db } from '@/db/client';
import type { ResolvedMinerRow } from '@/db/queries/hosting/miner-rows';
import { resolveMinerRows } from '@/lib/hosting/resolve-miner-rows';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import type { FieldErrors, ValidationKey } from '@/lib/core/field-errors';

/**
 * A form's one miner through the same checks as a batch row. A clash with a stored miner is a
 * CONFLICT naming the field (the form shows "already used at this site"); anything else is VALIDATION.
 */
export async function resolveSingleMiner(db: Db, scope: Scope, input: unknown, excludeMinerId?: string): Promise<ResolvedMinerRow> {
  const { valid, errors } = await resolveMinerRows(db, scope, [input], { excludeMinerId });
  if (valid[0] && !errors.length) return valid[0].value;
  const fields: FieldErrors = {};
  const formField = (f: string) => (f === 'site' ? 'siteId' : f === 'model' ? 'modelId' : f === 'customer' ? 'customerId' : f);
  for (const e of errors) fields[formField(e.field)] ??= (e.code === 'taken' || e.code === 'duplicate' ? 'invalid' : e.code) as ValidationKey;
  const conflict = errors.length > 0 && errors.every((e) => e.code === 'taken');
  throw new AppError(conflict ? 'CONFLICT' : 'VALIDATION', conflict ? `Duplicate ${errors[0]!.field} within the site` : undefined, fields);
}
