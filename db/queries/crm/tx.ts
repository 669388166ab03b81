import { AppError } from '@/lib/core/errors';
import type { ValidationKey } from '@/lib/core/field-errors';
import type { Db } from '../../client';
import { pgErrorCode } from '../../errors';
import { listAssignees } from '../hosting/ticket-assignees';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const fieldError = (field: string, key: ValidationKey = 'invalid') => new AppError('VALIDATION', `${key} ${field}`, { [field]: key });

/** An account manager, deal or task owner must be staff of the organization (not a client, not disabled). */
export async function assertStaff(tx: Tx | Db, orgId: string, userId: string | null, field: string) {
  if (!userId) return;
  const staff = await listAssignees(tx as Db, orgId);
  if (!staff.some((s) => s.id === userId)) throw fieldError(field);
}

/**
 * The customer e-mail is unique per organization (customers_org_email_uq); a concurrent insert that
 * passed the check still meets the index, and either way the form hears it at the e-mail field.
 */
export async function uniqueEmail<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgErrorCode(error) === '23505') throw fieldError('email', 'emailTaken');
    throw error;
  }
}
