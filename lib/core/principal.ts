import type { Scope } from './scope';

/**
 * Who is acting: the organization, the user, and what they may see in it. A query that writes takes
 * one, so the row it records and the rows it may touch come from the same place.
 */
export type Principal = { orgId: string; userId: string; scope: Scope };

/** A principal that may also be the system itself (a job, an edge device's discovery), recorded with no user. */
export type Writer = Omit<Principal, 'userId'> & { userId: string | null };
