import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimMiner } from './sim-miner';
import { checkDigest, sendJson } from './web-common';

/** miner-mode as the stock firmware stores it: 0 normal, 1 sleep, 3 low power (see lib/edge/writes/antminer.ts). */
const LOW_POWER_PROFILE = '-2';

function conf(m: SimMiner) {
  return {
    pools: m.pools.map((p) => ({ url: p.url, user: p.user, pass: 'x' })),
    'api-listen': true,
    'api-network': true,
    'api-groups': 'A:stats:pools:devs:summary:version',
    'api-allow': 'A:0/0,W:*',
    'bitmain-fan-ctrl': false,
    'bitmain-fan-pwm': '100',
    'bitmain-use-vil': true,
    'freq-level': '100',
    // Text, as several 2022+ builds return it; the writer answers in the same type.
    'miner-mode': m.sleeping ? '1' : m.profile === LOW_POWER_PROFILE ? '3' : '0',
  };
}

/**
 * Antminer stock web interface behind HTTP digest auth (realm "antMiner Configuration", as the
 * firmware and pyasic's simulator use): reboot.cgi, get_miner_conf.cgi, set_miner_conf.cgi.
 */
export function antminerWeb(m: SimMiner, req: IncomingMessage, res: ServerResponse, body: string): boolean {
  if (!checkDigest(req, res, 'antMiner Configuration', m.webLogin)) return true;
  const path = (req.url ?? '').split('?')[0];
  if (path === '/cgi-bin/reboot.cgi') {
    sendJson(res, 200, {});
    m.reboot();
    return true;
  }
  if (path === '/cgi-bin/get_miner_conf.cgi') return sendJson(res, 200, conf(m));
  if (path === '/cgi-bin/set_miner_conf.cgi' && req.method === 'POST') {
    let next: Record<string, unknown>;
    try {
      next = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return sendJson(res, 200, { stats: 'error', code: 'M001', msg: 'Invalid JSON' });
    }
    const mode = Number(next['miner-mode'] ?? 0);
    if (![0, 1, 3].includes(mode)) return sendJson(res, 200, { stats: 'error', code: 'M002', msg: 'Invalid miner-mode' });
    m.sleeping = mode === 1;
    m.profile = mode === 3 ? LOW_POWER_PROFILE : 'default';
    if (Array.isArray(next.pools)) {
      const pools = (next.pools as { url?: unknown; user?: unknown }[]).filter((p) => typeof p.url === 'string' && p.url !== '');
      if (pools.length) {
        m.pools.splice(0, m.pools.length, ...pools.map((p) => ({ url: String(p.url), user: String(p.user ?? ''), accepted: 0 })));
        m.activePool = 0;
      }
    }
    return sendJson(res, 200, { stats: 'success', code: 'M000', msg: 'OK!' });
  }
  return false;
}
