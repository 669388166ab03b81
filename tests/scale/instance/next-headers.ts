import { AsyncLocalStorage } from 'node:async_hooks';

/** The request an instance is serving, as `next start` keeps it for next/headers. */
export const currentRequest = new AsyncLocalStorage<{ headers: Headers }>();

function store() {
  const s = currentRequest.getStore();
  if (!s) throw new Error('next/headers used outside a request');
  return s;
}

export async function headers(): Promise<Headers> {
  return store().headers;
}

/** Read-only: route handlers answer with their own Set-Cookie; only server actions write here, and instances serve none. */
export async function cookies() {
  const jar = new Map(
    (store().headers.get('cookie') ?? '')
      .split(';')
      .map((pair) => pair.trim().split('='))
      .filter(([name]) => name)
      .map(([name, ...value]) => [name!, value.join('=')] as const),
  );
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: () => {
      throw new Error('cookies().set is for server actions, which an instance does not serve');
    },
  };
}
