import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';

/**
 * A signed-in user as actions and routes see one: `role` in `orgId`, with the sites a site-scoped
 * role is assigned; `extra` overrides the rest (an e-mail a test looks for, say).
 */
export function testActor(orgId: string, role: Role, userId: string, siteIds: string[] = [], extra: Partial<Omit<Actor, 'scope'>> = {}): Actor {
  return { userId, email: 'x@example.test', name: 'X', locale: 'en', orgId, orgName: 'T', role, scope: scopeFor({ orgId, role, assignedSiteIds: siteIds, linkedCustomerIds: [] }), ...extra };
}

/** A form post as the browser sends it; an array value sends its field once per item. */
export function formData(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
}
