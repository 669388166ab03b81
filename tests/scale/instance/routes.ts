import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
export type Route = { segments: string[]; module: Record<string, Handler | unknown> };
export type Match = { handler: Handler; params: Record<string, string | string[]> };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === 'route.ts' ? [path.join(dir, e.name)] : [],
  );
}

/** Every app/api/**\/route.ts, imported once, as Next's file-system router sees them. */
export async function loadRoutes(root: string): Promise<Route[]> {
  const base = path.join(root, 'app');
  const routes = await Promise.all(
    routeFiles(path.join(base, 'api')).map(async (file) => ({
      segments: path.relative(base, path.dirname(file)).split(path.sep),
      module: (await import(pathToFileURL(file).href)) as Record<string, unknown>,
    })),
  );
  // Static segments win over dynamic ones, as in Next: /miners/batch before /miners/[id].
  const rank = (s: string) => (s.startsWith('[...') ? 2 : s.startsWith('[') ? 1 : 0);
  return routes.sort((a, b) => a.segments.map(rank).join('').localeCompare(b.segments.map(rank).join('')));
}

function paramsFor(segments: string[], parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (const [i, seg] of segments.entries()) {
    if (seg.startsWith('[...')) {
      if (parts.length <= i) return null;
      params[seg.slice(4, -1)] = parts.slice(i);
      return params;
    }
    if (parts[i] === undefined) return null;
    if (seg.startsWith('[')) params[seg.slice(1, -1)] = parts[i]!;
    else if (seg !== parts[i]) return null;
  }
  return parts.length === segments.length ? params : null;
}

export function matchRoute(routes: Route[], pathname: string, method: string): Match | 'no-route' | 'no-method' {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  for (const route of routes) {
    const params = paramsFor(route.segments, parts);
    if (!params) continue;
    const handler = route.module[method];
    return typeof handler === 'function' ? { handler: handler as Handler, params } : 'no-method';
  }
  return 'no-route';
}
