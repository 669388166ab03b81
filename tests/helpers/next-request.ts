import { vi } from 'vitest';

/**
 * A stand-in for the one request Next.js would be serving, for code that reads it through
 * next/headers and answers through next/navigation: next-auth's sign-in and sign-out, the actor,
 * the page guards. Headers and the cookie jar are plain values a test sets; a redirect or 404
 * surfaces as a thrown `NavigationThrow`, as Next's own do.
 */
export class NavigationThrow extends Error {
  constructor(
    readonly kind: 'redirect' | 'notFound' | 'forbidden',
    readonly url = '',
  ) {
    super(`${kind} ${url}`);
  }
}

export type FakeRequest = { headers: Record<string, string>; cookies: Map<string, string> };

export function fakeRequest(): FakeRequest {
  return { headers: { host: '127.0.0.1:3000', 'x-forwarded-proto': 'http' }, cookies: new Map() };
}

export function nextHeadersModule(req: () => FakeRequest) {
  return {
    headers: async () => {
      const { headers, cookies } = req();
      const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      return new Headers({ ...headers, ...(cookie ? { cookie } : {}) });
    },
    cookies: async () => ({
      get: (name: string) => (req().cookies.has(name) ? { name, value: req().cookies.get(name)! } : undefined),
      getAll: () => [...req().cookies].map(([name, value]) => ({ name, value })),
      has: (name: string) => req().cookies.has(name),
      set: (name: string, value: string, options?: { maxAge?: number; expires?: Date }) => {
        const expired = value === '' || options?.maxAge === 0 || (options?.expires !== undefined && options.expires.getTime() <= Date.now());
        if (expired) req().cookies.delete(name);
        else req().cookies.set(name, value);
      },
      delete: (name: string) => req().cookies.delete(name),
    }),
  };
}

export function nextNavigationModule(actual: Record<string, unknown>) {
  return {
    ...actual,
    redirect: vi.fn((url: string) => {
      throw new NavigationThrow('redirect', url);
    }),
    notFound: () => {
      throw new NavigationThrow('notFound');
    },
    forbidden: () => {
      throw new NavigationThrow('forbidden');
    },
  };
}
