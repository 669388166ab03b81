import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';

// Locale routing only. Sign-in and permissions are checked on the server by every page, action and
// route handler (lib/auth), never here alone.
export default createMiddleware(routing);

export const config = {
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
