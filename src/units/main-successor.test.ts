/** The main-successor rule on small hand-made cases: which successor and by which rule. */
import { describe, expect, it } from 'vitest';
import { mainSuccessor, mainSuccessorIndex } from './main-successor.js';

const ward = (code: string, name: string) => ({ code, name });

describe('mainSuccessorIndex', () => {
  it('prefers the successor that kept the old code', () => {
    expect(mainSuccessorIndex(ward('00016', 'Phường Ngọc Hà'), [ward('00004', 'Phường Ba Đình'), ward('00016', 'Phường Kim Mã')])).toBe(1);
  });

  it('then the one that carries the old name', () => {
    expect(mainSuccessorIndex(ward('00016', 'Phường Ngọc Hà'), [ward('00004', 'Phường Ba Đình'), ward('00008', 'Phường Ngọc Hà')])).toBe(1);
    expect(mainSuccessorIndex(ward('10000', 'Xã Tân Hợp'), [ward('10003', 'Xã Phú Lộc'), ward('10090', 'Xã Tân Hợp Đông')])).toBe(1);
  });

  it('then the nearest code, ties to the first listed', () => {
    expect(mainSuccessorIndex(ward('00106', 'Phường Bưởi'), [ward('00097', 'Phường Hồng Hà'), ward('00103', 'Phường Tây Hồ')])).toBe(1);
    expect(mainSuccessorIndex(ward('00100', 'Phường Bưởi'), [ward('00097', 'Phường Hồng Hà'), ward('00103', 'Phường Tây Hồ')])).toBe(0);
  });

  it('is 0 for one successor and -1 for none', () => {
    expect([mainSuccessorIndex(ward('1', 'Xã A'), [ward('2', 'Xã B')]), mainSuccessorIndex(ward('1', 'Xã A'), [])]).toEqual([0, -1]);
  });
});

describe('mainSuccessor', () => {
  it('names the rule that chose', () => {
    const to = [ward('00004', 'Phường Ba Đình'), ward('00008', 'Phường Ngọc Hà Mới'), ward('00016', 'Phường Kim Mã')];
    expect(mainSuccessor(ward('00016', 'Phường Ngọc Hà'), to)).toEqual({ index: 2, rule: 'same_code' });
    expect(mainSuccessor(ward('00015', 'Phường Kim Mã'), to)).toEqual({ index: 2, rule: 'same_name' });
    expect(mainSuccessor(ward('00015', 'Phường Ngọc Hà'), to)).toEqual({ index: 1, rule: 'name_contains' });
    expect(mainSuccessor(ward('00005', 'Phường Cống Vị'), to)).toEqual({ index: 0, rule: 'nearest_code' });
    expect([mainSuccessor(ward('1', 'Xã A'), [ward('2', 'Xã B')]), mainSuccessor(ward('1', 'Xã A'), [])]).toEqual([{ index: 0, rule: 'only' }, undefined]);
  });

  it("reads the old short name at the old unit's level", () => {
    const to = [ward('11940', 'Xã Hải An'), ward('11948', 'Đặc khu Bạch Long Vĩ')];
    expect(mainSuccessor({ code: '318', name: 'Huyện Bạch Long Vĩ', level: 'district' }, to)).toEqual({ index: 1, rule: 'same_name' });
  });
});
