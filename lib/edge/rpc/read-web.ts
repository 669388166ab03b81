import { digestRequest, jsonBody } from '../writes/http';
import type { MinerCredential } from '../writes/credentials';
import { boundFields } from './bound-fields';
import { emptyFields, type MinerFields, mergeFields } from './parse-common';
import { isElphapexInfo, parseElphapex } from './parse-elphapex';

/** Elphapex serves its web interface (and these CGIs) on port 80. */
export const ELPHAPEX_WEB_PORT = 80;

/**
 * An Elphapex miner over its web CGIs (digest auth): system info first — it must name an
 * Elphapex model, else this is not one — then summary, stats and pools, each optional. Returns
 * the fields, or why the miner could not be read (then it is not online: an answer this
 * collector cannot read never counts as a miner online).
 */
export async function readElphapexWeb(host: string, port: number, credential: MinerCredential, timeoutMs: number): Promise<MinerFields | string> {
  const get = (cgi: string) => digestRequest({ host, port, method: 'GET', path: `/cgi-bin/${cgi}.cgi`, timeoutMs }, credential.username, credential.password);
  let infoReply;
  try {
    infoReply = await get('get_system_info');
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  if (infoReply.status === 401) return `${host}:${port} refused the web login (HTTP 401)`;
  const systemInfo = infoReply.status === 200 ? jsonBody(infoReply) : null;
  if (!isElphapexInfo(systemInfo)) return `${host}:${port} answered on its web port, but not as a miner this collector can read`;
  const optional = async (cgi: string) => {
    try {
      const r = await get(cgi);
      return r.status === 200 ? jsonBody(r) : null;
    } catch {
      return null;
    }
  };
  const summary = await optional('summary');
  const stats = await optional('stats');
  const pools = await optional('pools');
  const fields = boundFields(mergeFields(emptyFields(), parseElphapex({ systemInfo, summary, stats, pools })));
  fields.vendor = 'elphapex';
  if (fields.hashrateAvgThs === null && fields.hashrate5sThs === null && fields.pools.length === 0) return `${host}:${port} is an Elphapex web API, but its replies carried no figure this collector can read`;
  return fields;
}
