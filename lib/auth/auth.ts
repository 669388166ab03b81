import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { hostAdmits } from '@/lib/brands/host-access';
import { getHostBrand } from '@/lib/brands/host-brand';
import { env } from '@/lib/env';
import { loginSchema } from '@/lib/validation/auth';
import type { Role } from './roles';
import { verifyCredentials } from './verify-credentials';

declare module 'next-auth' {
  interface User {
    orgId?: string;
    role?: Role;
  }
  interface Session {
    user: { id: string; email: string; name: string; orgId: string; role: Role };
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

function clientIp(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'unknown';
}

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
        const result = await verifyCredentials(
          await getDb(),
          { ...parsed.data, ip: clientIp(request) },
          { now: new Date(), demoMode: env().demoMode, admits: onBrandHost ? (user, linkedCustomerIds) => hostAdmits({ ...user, linkedCustomerIds }) : undefined },
        );
        if (!result.ok) throw new SignInRefused(result.reason === 'rate_limited' ? `rate_limited:${result.retryAfterS}` : result.reason);
        return result.user;
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
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub ?? '',
        orgId: String(token.orgId ?? ''),
        role: (token.role as Role | undefined) ?? 'GUEST',
      };
      return session;
    },
  },
}));
