import type { Db } from '../../client';
import { listAssignees } from '../hosting/ticket-assignees';

/** Staff a form may name as account manager or owner: id and name, for a select. */
export async function staffOptions(db: Db, orgId: string) {
  return (await listAssignees(db, orgId)).map((s) => ({ id: s.id, name: s.name }));
}
