export async function register() {
  // The one read of process.env outside lib/env.ts, on purpose: Next replaces NEXT_RUNTIME with a
  // constant in each bundle, so the edge bundle drops the import below. lib/env cannot be imported
  // here (it uses node:fs), and a function call would hide the constant from that elimination.
  // eslint-disable-next-line no-restricted-properties -- the literal is what Next replaces at build time
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Before the first request is served: sign-in throttling counts each request's TCP peer.
  const { recordPeerAddresses } = await import('./lib/auth/peer-address');
  recordPeerAddresses();
  const { startupOrExit } = await import('./lib/startup');
  await startupOrExit();
}
