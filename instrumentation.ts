export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startup } = await import('./lib/startup');
  try {
    await startup();
  } catch (error) {
    console.error(`\n[startup] HashInsight cannot start:\n${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
}
