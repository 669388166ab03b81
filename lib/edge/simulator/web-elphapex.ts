import type { IncomingMessage, ServerResponse } from 'node:http';
import poolsFixture from '../../../tests/fixtures/miners/elphapex/pools.json';
import statsFixture from '../../../tests/fixtures/miners/elphapex/stats.json';
import summaryFixture from '../../../tests/fixtures/miners/elphapex/summary.json';
import systemInfoFixture from '../../../tests/fixtures/miners/elphapex/get_system_info.json';
import { clone, r2 } from './replies-common';
import type { SimMiner } from './sim-miner';
import { checkDigest, sendJson } from './web-common';

/**
 * Elphapex web CGIs behind digest auth (see lib/edge/rpc/read-web.ts), built on the fixtures with
 * this miner's figures: rates in MH/s, chip temperatures in milli-°C text. Its cgminer port
 * answers nothing (index.ts), as the Elphapex did.
 */
export function elphapexWeb(m: SimMiner, req: IncomingMessage, res: ServerResponse): boolean {
  if (!checkDigest(req, res, 'Elphapex Configuration', m.webLogin)) return true;
  const path = (req.url ?? '').split('?')[0];
  const mhs = (ths: number) => r2(ths * 1e6);
  switch (path) {
    case '/cgi-bin/get_system_info.cgi':
      return sendJson(res, 200, { ...clone(systemInfoFixture), macaddr: m.mac.toLowerCase(), minertype: m.model.name.replace(/^Elphapex\s+/, '') });
    case '/cgi-bin/summary.cgi': {
      const r = clone(summaryFixture);
      const sh = m.shares();
      Object.assign(r.SUMMARY[0]!, { rate_5s: String(mhs(m.hashrateThs())), rate_30m: mhs(m.sleeping ? 0 : m.model.nominalThs), rate_avg: String(mhs(m.sleeping ? 0 : m.model.nominalThs * (1 + (m.rng() - 0.5) * 0.01))), rate_ideal: mhs(m.model.nominalThs) });
      Object.assign(r.SUMMARY[1]!, { elapsed: String(m.uptimeS()), accepted: sh.accepted, rejected: sh.rejected });
      return sendJson(res, 200, r);
    }
    case '/cgi-bin/stats.cgi': {
      const r = clone(statsFixture);
      const s = r.STATS[0] as { elapsed: number; fan: number[]; chain: { rate_real: number; temp_chip: string[] }[] };
      s.elapsed = m.uptimeS();
      s.fan = s.fan.map(() => m.fanRpm());
      for (const ch of s.chain) {
        ch.rate_real = mhs(m.hashrateThs() / s.chain.length);
        ch.temp_chip = ch.temp_chip.map((t) => (t === '' ? '' : String(m.chipTempC() * 1000)));
      }
      r.STATS[1]!.total_rateideal = mhs(m.model.nominalThs).toFixed(2);
      return sendJson(res, 200, r);
    }
    case '/cgi-bin/pools.cgi': {
      const r = clone(poolsFixture);
      r.POOLS = m.pools.map((p, i) => ({ ...poolsFixture.POOLS[0]!, index: i, priority: i, url: p.url, user: p.user, accepted: i === m.activePool ? m.shares().accepted : 0 }));
      return sendJson(res, 200, r);
    }
    case '/cgi-bin/reboot.cgi':
      sendJson(res, 200, { stats: 'success', code: 'R000', msg: 'OK!' });
      m.reboot();
      return true;
    default:
      return false;
  }
}
