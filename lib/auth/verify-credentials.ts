import type { Db } from '@/db/client';
import { findMembership, findUserByEmail, loadAccessContext, recordLogin } from '@/db/queries/auth';
import { clearRateLimit, hitRateLimit, peekRateLimit } from '@/db/queries/rate-limit';
import { accessDenial } from './access';
import { decoyHash, verifyPassword } from './password';
import { normalizeRole, type Role } from './roles';

export const LOGIN_LIMITS = {
  windowS: 15 * 60,
  perEmail: 5,
  perIp: 30,
} as const;

export type SignInUser = { id: string; email: string; name: string; orgId: string; role: Role };

export type SignInResult =
  | { ok: true; user: SignInUser }
  | { ok: false; reason: 'invalid' | 'access_denied' | 'wrong_host' }
  | { ok: false; reason: 'rate_limited'; retryAfterS: number };

/**
 * Checks a sign-in. An unknown email and a wrong password give the same answer in the same time;
 * failures count per email and per IP, and a correct password does not get past the limit.
 * `admits` is the host's own rule (a white-label host takes only its brand's clients and the owning
 * organization's staff); the login is recorded only once every check has passed.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; ip: string },
  opts: { now: Date; demoMode: boolean; admits?: (user: SignInUser, linkedCustomerIds: string[]) => Promise<boolean> },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const { now } = opts;
  const emailKey = `login:email:${email}`;
  const ipKey = `login:ip:${input.ip}`;

  const [byEmail, byIp] = await Promise.all([
    peekRateLimit(db, emailKey, LOGIN_LIMITS.windowS, now),
    peekRateLimit(db, ipKey, LOGIN_LIMITS.windowS, now),
  ]);
  const blocked = [
    byEmail && byEmail.count >= LOGIN_LIMITS.perEmail ? byEmail : null,
    byIp && byIp.count >= LOGIN_LIMITS.perIp ? byIp : null,
  ].filter((b) => b !== null);
  if (blocked.length) {
    const until = Math.max(...blocked.map((b) => b.windowStart.getTime() + LOGIN_LIMITS.windowS * 1000));
    return { ok: false, reason: 'rate_limited', retryAfterS: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  }

  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !passwordOk) {
    await Promise.all([hitRateLimit(db, emailKey, LOGIN_LIMITS.windowS, now), hitRateLimit(db, ipKey, LOGIN_LIMITS.windowS, now)]);
    return { ok: false, reason: 'invalid' };
  }

  const membership = await findMembership(db, user.id);
  const context = membership ? await loadAccessContext(db, user.id, membership.orgId) : null;
  const denial = accessDenial({
    disabledAt: user.disabledAt,
    isDemo: user.isDemo,
    demoMode: opts.demoMode,
    hasMembership: Boolean(membership),
    periods: context?.periods ?? [],
    now,
  });
  if (denial || !membership) return { ok: false, reason: 'access_denied' };

  const signedIn = { id: user.id, email: user.email, name: user.name, orgId: membership.orgId, role: normalizeRole(membership.role) };
  if (opts.admits && !(await opts.admits(signedIn, context?.customerIds ?? []))) return { ok: false, reason: 'wrong_host' };
  await Promise.all([clearRateLimit(db, emailKey), recordLogin(db, user.id, now)]);
  return { ok: true, user: signedIn };
}
