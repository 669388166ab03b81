import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './tenancy';

/**
 * One row per sign-in. The session cookie is a signed token naming its row, and every request checks
 * the row (lib/auth/actor.ts), so a session ends on the server — sign-out, "sign out everywhere", a
 * password change or disabling the user — even where a copy of the cookie lives on.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);
