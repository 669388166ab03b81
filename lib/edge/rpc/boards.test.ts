import { describe, expect, it } from 'vitest';
import bmStats from '@/tests/fixtures/cgminer/antminer-s19pro-bmminer/stats.json';
import btDevs from '@/tests/fixtures/cgminer/whatsminer-btminer-v2/devs.json';
import webStats from '@/tests/fixtures/miners/antminer-2023/s23-hyd-web-stats.json';
import braiinsDevs from '@/tests/fixtures/miners/braiins/devs.json';
import elStats from '@/tests/fixtures/miners/elphapex/stats.json';
import edevs from '@/tests/fixtures/miners/whatsminer-v3/get.miner.status-edevs.json';
import { boardsFromEdevs } from './boards';
import { parseBmminer } from './parse-bmminer';
import { parseBraiins } from './parse-braiins';
import { parseBtminer } from './parse-btminer';
import { parseElphapex } from './parse-elphapex';

describe('per-board data in the normalised read', () => {
  it('classic bmminer: chain_rateN in GH/s, chain_acnN, dash-separated sensors; an empty chain is left out', () => {
    const boards = parseBmminer({ stats: bmStats }).boards!;
    expect(boards).toHaveLength(3);
    expect(boards[0]).toEqual({ index: 0, hashrateThs: 37.6033, chips: 114, tempChipMaxC: 78, tempBoardMaxC: 73 });
    expect(boards.map((b) => b.index)).toEqual([0, 1, 2]);
  });

  it('Antminer 2023+ chain[]: rate_real in the container unit (GH/s), asic_num, sensor arrays', () => {
    const boards = parseBmminer({ stats: webStats }).boards!;
    expect(boards).toHaveLength(3);
    expect(boards[0]!.hashrateThs).toBeCloseTo(188.8961, 4);
    expect(boards[0]).toMatchObject({ index: 0, chips: 84, tempChipMaxC: 56, tempBoardMaxC: 52 });
  });

  it('Elphapex chain[]: MH/s and milli-°C chip text', () => {
    const boards = parseElphapex({ stats: elStats }).boards!;
    expect(boards).toHaveLength(4);
    expect(boards[3]).toMatchObject({ index: 3, chips: 203, tempChipMaxC: 74, tempBoardMaxC: 57 });
    expect(boards[3]!.hashrateThs).toBeCloseTo(0.003474, 6);
  });

  it('btminer and Braiins DEVS, Whatsminer v3 edevs', () => {
    expect(parseBtminer({ devs: btDevs }).boards![0]).toEqual({ index: 0, hashrateThs: 41.5, chips: 135, tempChipMaxC: 80, tempBoardMaxC: 65 });
    expect(parseBraiins({ devs: braiinsDevs }).boards![0]).toMatchObject({ index: 0, chips: null, tempBoardMaxC: 58 });
    expect(parseBraiins({ devs: braiinsDevs }).boards![0]!.hashrateThs).toBeCloseTo(34.737, 3);
    expect(boardsFromEdevs(edevs.msg.edevs)).toEqual([
      { index: 0, hashrateThs: 61.9, chips: 148, tempChipMaxC: 81.2, tempBoardMaxC: null },
      { index: 1, hashrateThs: 61.8, chips: 148, tempChipMaxC: 82.6, tempBoardMaxC: null },
      { index: 2, hashrateThs: 61.67, chips: 148, tempChipMaxC: 80.9, tempBoardMaxC: null },
    ]);
  });

  it('sentinels read as unknown and a board with nothing known is left out', () => {
    const boards = parseBtminer({ devs: { DEVS: [{ Slot: 0, 'MHS av': -5, Temperature: 65535, 'Chip Temp Max': 70 }, { Slot: 1 }] } }).boards!;
    expect(boards).toEqual([{ index: 0, hashrateThs: null, chips: null, tempChipMaxC: 70, tempBoardMaxC: null }]);
  });
});
