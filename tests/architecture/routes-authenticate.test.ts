import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAND_AUTH, routeHandlers } from './route-auth';

/**
 * The routes that authenticate no one, by file and method, each with the reason. Anything else under
 * app/ must be built with withActor, withDeviceToken or withApiToken.
 */
const PUBLIC_ROUTES: Record<string, { methods: string[]; why: string }> = {
  'app/api/auth/[...nextauth]/route.ts': { methods: ['GET', 'POST'], why: 'next-auth: sign-in, sign-out and its CSRF token, before there is a session' },
  'app/api/inngest/route.ts': { methods: ['GET', 'POST', 'PUT'], why: 'Inngest serve: every call is checked against INNGEST_SIGNING_KEY by the SDK' },
  'app/api/health/route.ts': { methods: ['GET'], why: 'the load balancer and uptime probe' },
  'app/api/metrics/route.ts': { methods: ['GET'], why: 'public network metrics (price, difficulty) for the landing page; nothing of a tenant' },
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : /^route\.(ts|tsx|js)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

const files = routeFiles('app').map((f) => f.split(path.sep).join('/')).sort();

describe('every route handler authenticates through a wrapper', () => {
  it('finds the routes', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const f of Object.keys(PUBLIC_ROUTES)) expect(files, `${f} is on the public list but does not exist`).toContain(f);
    for (const m of HAND_AUTH) expect(existsSync(`${m.replace('@/', '')}.ts`), `${m} moved: update HAND_AUTH`).toBe(true);
  });

  it.each(files)('%s', (file) => {
    const { methods, handAuth } = routeHandlers(file, readFileSync(file, 'utf8'));
    expect(Object.keys(methods).length, 'a route module exports no HTTP method').toBeGreaterThan(0);
    const open = PUBLIC_ROUTES[file];
    if (open) {
      expect(Object.keys(methods).sort(), `public route ${file} exports a method not on its list`).toEqual([...open.methods].sort());
      return;
    }
    expect(handAuth, 'a route resolves a session, token or device by hand').toEqual([]);
    for (const [method, wrapper] of Object.entries(methods)) expect(wrapper, `${method} in ${file} is not built with withActor, withDeviceToken or withApiToken`).not.toBeNull();
  });
});

describe('the route check itself', () => {
  const check = (source: string) => routeHandlers('app/api/x/route.ts', source);

  it('accepts a handler built with a wrapper imported from its module', () => {
    expect(check("import { withActor } from '@/lib/api/with-actor';\nexport const GET = withActor({ module: 'm', level: 'READ' }, async () => new Response());").methods).toEqual({ GET: 'withActor' });
    expect(check("import { withDeviceToken } from '@/lib/api/with-device-token';\nexport const POST = withDeviceToken<{ id: string }>('x', h);").methods).toEqual({ POST: 'withDeviceToken' });
  });

  it('refuses raw handlers in every form', () => {
    expect(check('export async function GET() { return new Response(); }').methods).toEqual({ GET: null });
    expect(check('export const POST = async () => new Response();').methods).toEqual({ POST: null });
    expect(check('export const { GET } = handlers;').methods).toEqual({ GET: null });
    expect(check("export { PUT } from './other';").methods).toEqual({ PUT: null });
    expect(check('const h = async () => new Response();\nexport { h as DELETE };').methods).toEqual({ DELETE: null });
    // A look-alike: a local withActor, or the wrapper from the wrong module.
    expect(check('const withActor = (p: unknown, h: unknown) => h;\nexport const GET = withActor({}, async () => new Response());').methods).toEqual({ GET: null });
    expect(check("import { withApiToken } from './mine';\nexport const GET = withApiToken({}, h);").methods).toEqual({ GET: null });
  });

  it('names a route that resolves the actor itself', () => {
    expect(check("import { getActor } from '@/lib/auth/actor';\nimport { withActor } from '@/lib/api/with-actor';\nexport const GET = withActor('signed-in', h);").handAuth).toEqual(['@/lib/auth/actor']);
  });
});
