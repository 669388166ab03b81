import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { auPools } from './replies-auradine';
import type { SimMiner } from './sim-miner';
import { sendJson } from './web-common';

/** Auradine's power modes and the simulator's profiles they run as. */
const MODES: Record<string, string> = { eco: '-1', normal: 'default', turbo: '+1' };
const MODE_OF: Record<string, string> = { '-1': 'eco', default: 'normal', '+1': 'turbo' };

/**
 * The Auradine REST API on port 8080 (see lib/edge/writes/auradine.ts): POST /token
 * {"command":"token","user","password"} → {"Token":[{"Token"}]}; then with a "Token" header,
 * POST /restart (reboot), POST /mode {"sleep":"on"|"off"} | {"mode":"eco"|"normal"|"turbo"} |
 * {"mode":"custom","tune":"power","power":W}, GET /mode → {"Mode":[{"Mode","Sleep","Power"}]},
 * GET /pools (the cgminer `pools` reply), POST /updatepools {"pools":[{url,user,pass}]} (replaces
 * the pool list, first pool active — the cgminer `pools` reply then shows the new order).
 * Every reply carries the cgminer-style STATUS envelope ("S" or "E").
 */
export function auradineWeb(m: SimMiner, req: IncomingMessage, res: ServerResponse, body: string): boolean {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const route = `${req.method} ${path}`;
  const now = m.clock();
  const reply = (status: 'S' | 'E', code: number, msg: string, extra: Record<string, unknown> = {}) =>
    sendJson(res, 200, { STATUS: [{ STATUS: status, When: Math.floor(now / 1000), Code: code, Msg: msg, Description: 'FluxOS-2023-12.27' }], ...extra, id: 1 });
  let json: Record<string, unknown> = {};
  try {
    json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
  } catch {
    return reply('E', 400, 'Invalid JSON');
  }
  if (route === 'POST /token') {
    if (json.user !== m.webLogin.username || json.password !== m.webLogin.password) return reply('E', 401, 'Invalid user or password');
    const token = randomBytes(16).toString('hex');
    m.sessions.add(token);
    return reply('S', 200, 'Token', { Token: [{ Token: token }] });
  }
  if (!['POST /restart', 'POST /mode', 'GET /mode', 'GET /pools', 'POST /updatepools'].includes(route)) return false;
  const token = req.headers.token;
  if (typeof token !== 'string' || !m.sessions.has(token)) return reply('E', 401, 'Invalid token');
  if (route === 'POST /restart') {
    reply('S', 200, 'Restarting');
    m.reboot();
    return true;
  }
  if (route === 'GET /mode') return reply('S', 200, 'Mode', { Mode: [modeState(m)] });
  if (route === 'GET /pools') return sendJson(res, 200, auPools(m, now));
  if (route === 'POST /updatepools') {
    const pools = Array.isArray(json.pools) ? (json.pools as Record<string, unknown>[]) : [];
    const ok = pools.length > 0 && pools.every((p) => typeof p?.url === 'string' && /^stratum\+(tcp|ssl):\/\/\S+:\d+$/.test(p.url) && typeof p.user === 'string' && p.user !== '' && typeof p.pass === 'string');
    if (!ok) return reply('E', 400, 'Invalid pools');
    m.pools.splice(0, m.pools.length, ...pools.map((p) => ({ url: p.url as string, user: p.user as string, password: p.pass as string, accepted: 0 })));
    m.activePool = 0;
    return reply('S', 200, `${pools.length} Pool(s) updated`);
  }
  if (json.sleep === 'on' || json.sleep === 'off') {
    m.sleeping = json.sleep === 'on';
    return reply('S', 200, `Sleep ${json.sleep}`, { Mode: [modeState(m)] });
  }
  if (typeof json.mode === 'string' && MODES[json.mode]) {
    m.profile = MODES[json.mode]!;
    m.powerTargetW = null;
    return reply('S', 200, `Mode ${json.mode}`, { Mode: [modeState(m)] });
  }
  if (json.mode === 'custom' && json.tune === 'power') {
    const watts = Number(json.power);
    if (!Number.isInteger(watts) || watts < 1000 || watts > m.model.powerW * 1.25) return reply('E', 400, `Invalid power ${String(json.power)}`);
    m.profile = 'default';
    m.powerTargetW = watts;
    return reply('S', 200, `Power target ${watts}W`, { Mode: [modeState(m)] });
  }
  return reply('E', 400, 'Invalid mode');
}

function modeState(m: SimMiner) {
  return { Mode: m.powerTargetW !== null ? 'custom' : (MODE_OF[m.profile] ?? 'normal'), Sleep: m.sleeping ? 'on' : 'off', Power: m.powerTargetW ?? m.model.powerW };
}
