import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { revokeSession, startSession } from '@/db/queries/auth/sessions';
import { hostAdmits } from '@/lib/brands/host-access';
import { getHostBrand } from '@/lib/brands/host-brand';
import { env } from '@/lib/env';
import { loginSchema } from '@/lib/validation/auth';
import { clientAddress } from './client-address';
import type { Role } from '@/lib/core/roles';
import { verifyCredentials } from './verify-credentials';

declare module 'next-auth' {
  interface User {
    orgId?: string;
    role?: Role;
    sessionId?: string;
  }
  interface Session {
    user: { id: string; email: string; name: string; orgId: string; role: Role; sessionId: string };
  }
}

/** The code reaches the sign-in form; it never says which of email or password was wrong. */
class SignInRefused extends CredentialsSignin {
  constructor(code: 'invalid' | 'access_denied' | 'wrong_host' | `rate_limited:${number}`) {
    super();
    this.code = code;
  }
}

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().authSecret,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/en/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused('invalid');
        // On a white-label host only that brand's clients and the owning organization's staff sign in.
        const onBrandHost = (await getHostBrand()).kind !== 'default';
        const db = await getDb();
        const now = new Date();
        const result = await verifyCredentials(
          db,
          { ...parsed.data, ip: clientAddress(request.headers, env().trustedProxyHops) },
          { now, demoMode: env().demoMode, admits: onBrandHost ? (user, linkedCustomerIds) => hostAdmits({ ...user, linkedCustomerIds }) : undefined },
        );
        if (!result.ok) throw new SignInRefused(result.reason === 'rate_limited' ? `rate_limited:${result.retryAfterS}` : result.reason);
        const sessionId = await startSession(db, result.user.id, now, new Date(now.getTime() + SESSION_MAX_AGE_S * 1000));
        return { ...result.user, sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.orgId = user.orgId;
        token.role = user.role;
        token.name = user.name;
        token.email = user.email;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub ?? '',
        orgId: String(token.orgId ?? ''),
        role: (token.role as Role | undefined) ?? 'GUEST',
        sessionId: String(token.sid ?? ''),
      };
      return session;
    },
  },
  events: {
    // Signing out through /api/auth/signout (the app's own sign-out revokes before it gets here, see sign-out.ts).
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string' && sid) await revokeSession(await getDb(), sid, new Date());
    },
  },
}));
