import type { Db } from '@/db/client';
import { findMembership, findUserByEmail, loadAccessContext, recordLogin } from '@/db/queries/auth/accounts';
import { clearRateLimit, releaseRateLimits, reserveRateLimits } from '@/db/queries/auth/rate-limit';
import { accessDenial } from './access';
import { decoyHash, verifyPassword } from './password';
import { normalizeRole, type Role } from '@/lib/core/roles';

/**
 * Attempts per 15 minutes. One address gets few tries at one account; the account as a whole gets
 * more, spread over addresses, so a stranger's failures do not lock its owner out while a botnet
 * still gets a bounded number of guesses; one address gets a bounded number over all accounts.
 */
export const LOGIN_LIMITS = {
  windowS: 15 * 60,
  perEmailAndIp: 5,
  perEmail: 50,
  perIp: 30,
} as const;

export type SignInUser = { id: string; email: string; name: string; orgId: string; role: Role };

export type SignInResult =
  | { ok: true; user: SignInUser }
  | { ok: false; reason: 'invalid' | 'access_denied' | 'wrong_host' }
  | { ok: false; reason: 'rate_limited'; retryAfterS: number };

/**
 * Checks a sign-in. An unknown email and a wrong password give the same answer in the same time.
 * The attempt is reserved against every limit before the password is looked at, so concurrent
 * tries cannot all pass one check and be counted afterwards; a correct password does not get past
 * a full limit, and gives its reservation back. `ip` is the client's address bucket
 * (lib/auth/client-address.ts). `admits` is the host's own rule (a white-label host takes only its
 * brand's clients and the owning organization's staff); the login is recorded only once every
 * check has passed.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; ip: string },
  opts: { now: Date; demoMode: boolean; admits?: (user: SignInUser, linkedCustomerIds: string[]) => Promise<boolean> },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const { now } = opts;
  const pairKey = `login:email-ip:${email}|${input.ip}`;
  const emailKey = `login:email:${email}`;
  const ipKey = `login:ip:${input.ip}`;

  const reserved = await reserveRateLimits(
    db,
    [
      { key: pairKey, max: LOGIN_LIMITS.perEmailAndIp },
      { key: emailKey, max: LOGIN_LIMITS.perEmail },
      { key: ipKey, max: LOGIN_LIMITS.perIp },
    ],
    LOGIN_LIMITS.windowS,
    now,
  );
  if (!reserved.ok) return { ok: false, reason: 'rate_limited', retryAfterS: reserved.retryAfterS };

  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !passwordOk) return { ok: false, reason: 'invalid' };
  // The right password is no guess: it forgives this address's failures on the account and uses up nothing.
  await Promise.all([clearRateLimit(db, pairKey), releaseRateLimits(db, [emailKey, ipKey])]);

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
  await recordLogin(db, user.id, now);
  return { ok: true, user: signedIn };
}
