import { boundFields } from './bound-fields';
import type { MinerFields } from './parse-common';
import { first, hottest, num, section, str } from './reply';

/**
 * The extra commands LuxOS and Braiins OS add to the cgminer API: `power` (POWER[0].Watts),
 * `temps` (per board: LuxOS TopLeft/TopRight/BottomLeft/BottomRight, Braiins Board/Chip),
 * `fans` (FANS[].RPM) and LuxOS `config` (CONFIG[0].MACAddr).
 */
export function parseExtras(replies: { power?: unknown; temps?: unknown; fans?: unknown; config?: unknown }): Partial<MinerFields> {
  const out: Partial<MinerFields> = {};
  const p = first(replies.power, 'POWER');
  const watts = p ? num(p.Watts) : null;
  if (watts !== null && watts > 0) {
    out.powerW = watts;
    out.powerSource = 'reported';
  }
  const temps = section(replies.temps, 'TEMPS');
  if (temps.length) {
    out.tempBoardMaxC = hottest(
      temps.flatMap((t) => [num(t.Board), num(t.TopLeft), num(t.TopRight), num(t.BottomLeft), num(t.BottomRight)]),
    );
    out.tempChipMaxC = hottest(temps.map((t) => num(t.Chip)));
  }
  const fans = section(replies.fans, 'FANS');
  if (fans.length) out.fansRpm = fans.map((f) => num(f.RPM) ?? 0);
  const c = first(replies.config, 'CONFIG');
  if (c) out.macAddress = str(c.MACAddr);
  return boundFields(out);
}
