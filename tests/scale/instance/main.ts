import { register } from 'node:module';

// An app instance of its own: this process's module memory, its own connection pool on the shared
// database, the app's route handlers behind node:http (see tests/scale/two-instances.test.ts).
// Started by tests/scale/instances.ts with `node --import tsx`; reports its address over IPC.

// This machine's clock as an instance reads it (Date.now), movable by the test to stand for a
// server whose clock is off. Installed before the app is imported, so code that captured Date.now
// at load still reads through it.
const systemNow = Date.now;
let clockOffsetMs = 0;
Date.now = () => systemNow() + clockOffsetMs;
export const setClockOffset = (ms: number) => (clockOffsetMs = ms);

register('./hooks.mjs', import.meta.url);
const { serveInstance } = await import('./serve');
const address = await serveInstance({ host: process.env.HI_INSTANCE_HOST ?? '127.0.0.1', setClockOffset });
// An instance goes when the test that started it does, even if that one was killed.
process.on('disconnect', () => process.exit(0));
if (process.send) process.send({ ready: address });
else console.log(`[instance] serving on ${address}`);
