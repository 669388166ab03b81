// Module resolution hook for an instance process: `next/headers` answers from the request the
// instance is serving (next-headers.ts) instead of from Next's own request storage, which exists
// only inside `next start`.
const shim = new URL('./next-headers.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier === 'next/headers' ? shim : specifier, context);
}
