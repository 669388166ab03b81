import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimMiner } from './sim-miner';
import { sendJson } from './web-common';

/** Tuned presets a VNish miner offers: its stock power and 10 % steps below it, in watts. */
export function vnishPresets(m: SimMiner): number[] {
  return [0.7, 0.8, 0.9, 1].map((f) => Math.round((m.model.powerW * f) / 10) * 10);
}

/**
 * VNish /api/v1 (see lib/edge/writes/vnish.ts): unlock with the web password for a bearer token;
 * mining pause/resume, system reboot, autotune presets, settings (pools, overclock preset).
 */
export function vnishWeb(m: SimMiner, req: IncomingMessage, res: ServerResponse, body: string): boolean {
  const path = (req.url ?? '').split('?')[0] ?? '';
  if (!path.startsWith('/api/v1/')) return false;
  const route = `${req.method} ${path.slice('/api/v1/'.length)}`;
  let json: Record<string, unknown> = {};
  try {
    json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
  } catch {
    return sendJson(res, 400, { err: 'invalid json' });
  }
  if (route === 'POST unlock') {
    if (json.pw !== m.webLogin.password) return sendJson(res, 401, { err: 'Wrong password' });
    const token = randomBytes(16).toString('hex');
    m.sessions.add(token);
    return sendJson(res, 200, { token });
  }
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!bearer || !m.sessions.has(bearer)) return sendJson(res, 401, { err: 'Unauthorized' });
  switch (route) {
    case 'POST mining/pause':
      m.sleeping = true;
      return sendJson(res, 200, {});
    case 'POST mining/resume':
      m.sleeping = false;
      return sendJson(res, 200, {});
    case 'POST system/reboot':
      sendJson(res, 200, {});
      m.reboot();
      return true;
    case 'GET autotune/presets':
      return sendJson(res, 200, vnishPresets(m).map((w) => ({ name: String(w), pretty: `${w} watt`, status: 'tuned', modded_psu_required: false })));
    case 'GET settings':
      return sendJson(res, 200, { miner: { pools: m.pools.map((p, order) => ({ url: p.url, user: p.user, pass: 'x', order })), overclock: { preset: String(m.powerTargetW ?? m.model.powerW) } } });
    case 'POST settings': {
      const miner = (json.miner ?? {}) as { pools?: { url?: unknown; user?: unknown }[]; overclock?: { preset?: unknown } };
      if (miner.overclock?.preset !== undefined) {
        const watts = Number(miner.overclock.preset);
        if (!vnishPresets(m).includes(watts)) return sendJson(res, 200, { err: 'Unknown preset' });
        m.powerTargetW = watts;
      }
      if (Array.isArray(miner.pools) && miner.pools.length) {
        m.pools.splice(0, m.pools.length, ...miner.pools.map((p) => ({ url: String(p.url ?? ''), user: String(p.user ?? ''), accepted: 0 })));
        m.activePool = 0;
      }
      return sendJson(res, 200, { restart_required: false, reboot_required: false });
    }
    default:
      return false;
  }
}
