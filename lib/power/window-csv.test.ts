import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/core/errors';
import { parseFeederCsv } from './feeder-csv';
import { parseWindowCsv } from './window-csv';

const d = { kind: 'peak_warning' as const, strategy: 'performance', perMinute: 50 };

describe('parseWindowCsv', () => {
  it('reads local times in the site zone, an end before the start as the next day, and instants with an offset', () => {
    const local = parseWindowCsv('date,start,end,target_kw,target_kind,note\n2026-08-03,16:00,17:30,2000,cap,ERCOT 4CP\n2026-08-03,23:00,01:00,500,,', 'America/Chicago', d);
    expect(local.map((w) => [w.startsAt.toISOString(), w.endsAt.toISOString(), w.targetKind, w.targetKw, w.kind, w.note])).toEqual([
      ['2026-08-03T21:00:00.000Z', '2026-08-03T22:30:00.000Z', 'cap', 2000, 'peak_warning', 'ERCOT 4CP'],
      ['2026-08-04T04:00:00.000Z', '2026-08-04T06:00:00.000Z', 'reduction', 500, 'peak_warning', null],
    ]);
    const iso = parseWindowCsv('starts_at,ends_at,target_kw,kind\n2026-08-03T16:00:00-05:00,2026-08-03T17:00:00-05:00,750,scheduled', 'UTC', d);
    expect(iso[0]).toMatchObject({ kind: 'scheduled', targetKw: 750, strategy: 'performance', perMinute: 50 });
    expect(iso[0]!.startsAt.toISOString()).toBe('2026-08-03T21:00:00.000Z');
  });

  it.each([
    ['no header it knows', 'when,kw\n2026-08-03,5', { text: 'csvHeader' }],
    ['a bad time', 'date,start,end,target_kw\n2026-08-03,4pm,17:00,5', { text: 'csvRows' }],
    ['an instant without an offset', 'starts_at,ends_at,target_kw\n2026-08-03T16:00:00,2026-08-03T17:00:00,5', { text: 'csvRows' }],
    ['a target of zero', 'date,start,end,target_kw\n2026-08-03,16:00,17:00,0', { text: 'csvRows' }],
    ['an unknown kind', 'date,start,end,target_kw,kind\n2026-08-03,16:00,17:00,5,maybe', { text: 'csvRows' }],
  ])('refuses %s, storing nothing', (_, csv, fieldErrors) => {
    const e = (() => {
      try {
        parseWindowCsv(csv, 'UTC', d);
      } catch (err) {
        return err;
      }
    })() as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.fieldErrors).toEqual(fieldErrors);
  });
});

describe('parseFeederCsv', () => {
  it('collects feeders with their caps and the miners or racks on each', () => {
    expect(parseFeederCsv('feeder,cap_kw,miner,rack,room\nF-1,1200,,12,A\nF-1,,S19-0042,,\nF-2,900,,,')).toEqual({
      feeders: [
        { code: 'F-1', capKw: 1200 },
        { code: 'F-2', capKw: 900 },
      ],
      members: [
        { code: 'F-1', rack: 12, room: 'A' },
        { code: 'F-1', miner: 'S19-0042' },
      ],
    });
  });

  it.each([
    ['a feeder without a cap', 'feeder,cap_kw,miner\nF-1,,m1'],
    ['two caps for one feeder', 'feeder,cap_kw,miner\nF-1,10,m1\nF-1,12,m2'],
    ['a miner and a rack on one row', 'feeder,cap_kw,miner,rack\nF-1,10,m1,3'],
    ['a negative cap', 'feeder,cap_kw\nF-1,-5'],
  ])('refuses %s', (_, csv) => {
    expect(() => parseFeederCsv(csv)).toThrow(AppError);
  });
});
