import { randomBytes } from 'node:crypto';
import { errorReply, okReply, type Reply } from './replies-common';
import { SIM_PROFILES, type SimMiner } from './sim-miner';

/**
 * The LuxOS additions: read commands (power, temps, fans, config, profiles) and the session-gated
 * writes (logon, curtail sleep|wakeup, rebootdevice, profileset, frequencyset, powertargetset
 * power=W, addpool url,user,pass, switchpool n). Each write takes "<session id>,<args…>".
 */
const DESC = 'LUXminer 2024.11.20.134524-a7b5e8a1';

export function luxRead(m: SimMiner, command: string, now: number): Reply | null {
  switch (command) {
    case 'power':
      return okReply(300, 'Power', DESC, now, { POWER: [{ PSU: true, Watts: m.powerW() }] });
    case 'temps':
      return okReply(
        300,
        'Temps',
        DESC,
        now,
        {
          TEMPS: [0, 1, 2].map((i) => {
            const t = m.chipTempC() - 5;
            return { ID: i, Board: t, TopLeft: t - 2, TopRight: t, BottomLeft: t - 12, BottomRight: t - 10 };
          }),
        },
      );
    case 'fans':
      return okReply(300, 'Fans', DESC, now, {
        FANS: [0, 1, 2, 3].map((i) => ({ ID: i, RPM: m.fanRpm(), Speed: m.sleeping ? 0 : 70 })),
      });
    case 'config':
      return okReply(33, 'CGMiner config', DESC, now, {
        CONFIG: [{ MACAddr: m.mac, Profile: m.profile, IsAtmEnabled: false, 'Pool Count': m.pools.length }],
      });
    case 'profiles':
      return okReply(300, 'Profiles', DESC, now, {
        PROFILES: Object.entries(SIM_PROFILES).map(([name, p]) => ({
          'Profile Name': name,
          Frequency: p.freqMhz,
          Watts: Math.round(m.model.powerW * p.power),
          Hashrate: Math.round(m.model.nominalThs * p.hash * 100) / 100,
        })),
      });
    default:
      return null;
  }
}

/** Returns the reply and, for rebootdevice, a flag to reboot once the reply has been sent. */
export function luxWrite(m: SimMiner, command: string, parameter: string, now: number): { reply: Reply; reboot?: boolean } | null {
  if (command === 'logon') {
    const id = randomBytes(4).toString('hex');
    m.sessions.clear();
    m.sessions.add(id);
    return { reply: okReply(300, 'Session created', DESC, now, { SESSION: [{ SessionID: id }] }) };
  }
  const writes = ['logoff', 'curtail', 'rebootdevice', 'profileset', 'frequencyset', 'powertargetset', 'addpool', 'switchpool'];
  if (!writes.includes(command)) return null;
  const [session, ...args] = parameter.split(',');
  if (!session || !m.sessions.has(session)) return { reply: errorReply(401, 'Invalid session id', DESC, now) };
  const ok = (msg: string) => ({ reply: okReply(300, msg, DESC, now) });
  const bad = (msg: string) => ({ reply: errorReply(400, msg, DESC, now) });

  switch (command) {
    case 'logoff':
      m.sessions.delete(session);
      return ok('Session closed');
    case 'curtail':
      if (args[0] === 'sleep') m.sleeping = true;
      else if (args[0] === 'wakeup') m.sleeping = false;
      else return bad(`Invalid curtail mode: ${args[0] ?? ''}`);
      return ok(`Curtail ${args[0]}`);
    case 'rebootdevice':
      return { ...ok('Rebooting'), reboot: true };
    case 'profileset':
      if (!args[0] || !(args[0] in SIM_PROFILES)) return bad(`Unknown profile: ${args[0] ?? ''}`);
      m.profile = args[0];
      m.freqMhz = null;
      return ok(`Profile set to ${args[0]}`);
    case 'frequencyset': {
      const board = Number(args[0]);
      const mhz = Number(args[1]);
      if (!Number.isInteger(board) || board < 0 || board > 2 || !Number.isFinite(mhz) || mhz < 100 || mhz > 800) {
        return bad('Invalid board or frequency');
      }
      m.freqMhz = mhz;
      return ok(`Frequency of board ${board} set to ${mhz}`);
    }
    case 'powertargetset': {
      const watts = Number(/^power=(\d+)$/.exec(args[0] ?? '')?.[1]);
      if (!Number.isFinite(watts) || watts < 500 || watts > m.model.powerW * 1.3) return bad('Invalid key/value format or power out of range');
      m.powerTargetW = watts;
      return ok(`Power target set to ${watts} W`);
    }
    case 'addpool': {
      const [url, user] = args;
      if (!url || !/^stratum\+(tcp|ssl):\/\/.+:\d+$/.test(url) || !user) return bad('Invalid pool');
      m.pools.push({ url, user, accepted: 0 });
      return ok(`Added pool ${m.pools.length - 1}`);
    }
    default: {
      const n = Number(args[0]);
      if (!Number.isInteger(n) || n < 0 || n >= m.pools.length) return bad('Invalid pool id');
      m.activePool = n;
      return ok(`Switching to pool ${n}`);
    }
  }
}
