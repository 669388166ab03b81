import { vi } from 'vitest';

/*
 * For tests that run server actions and routes for real against the test database: only the
 * signed-in user (normally from the next-auth cookie), the database the app would open, and Next's
 * cache revalidation (which needs a running server) are stood in for. Import this module first.
 * Set `signedIn.db` once and `signedIn.actor` per case; `signedIn.revalidated` lists the paths revalidated.
 */
const state = vi.hoisted(() => ({ db: undefined as unknown, actor: null as unknown, revalidated: [] as string[] }));
vi.mock('@/db', () => ({ getDb: async () => state.db }));
vi.mock('@/lib/auth/actor', () => ({ getActor: async () => state.actor }));
vi.mock('next/cache', () => ({ revalidatePath: (path: string) => void state.revalidated.push(path) }));

export const signedIn = state;
