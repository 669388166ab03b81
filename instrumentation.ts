export async function register() {
  // The edge bundle of this file must not pull in the database; only the Node.js server starts up.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startupOrExit } = await import('./lib/startup');
  await startupOrExit();
}
