import { describe, expect, it } from 'vitest';
import { personsOf, type Person } from './features.js';
import { DEATH } from './kinds.js';
import { posteriors, type Tentative } from './rivals.js';

const person = (id: string, mother = ''): Person => ({ recordId: id, mother }) as Person;
/** Births of one person share the mother here. */
const samePerson = (x: Person, y: Person) => x.mother !== '' && x.mother === y.mother;
/** λ·|A| = 1: a death expects one birth under the prior. */
const opts = (sideB: number) => ({ lambda: 1e-3, sideA: 1000, sideB, samePerson });

describe('a pair among its rivals', () => {
  it('leaves a weak lone fit below when most records have no partner on side A', () => {
    // 1 death of 100 has a candidate at all: π is low, "none of them" weighs
    const { probability, share } = posteriors([{ a: person('b', 'm'), b: person('d'), weight: -1.5 }], opts(100));
    expect(share).toBeLessThan(0.05);
    expect(probability[0]).toBeLessThan(0.1);
  });

  it('lifts a lone fit when most records have their partner, splits namesakes, and does not split one person keyed twice', () => {
    const pairs: Tentative[] = [];
    // 90 deaths with one clear birth each: π is high
    for (let i = 0; i < 90; i++) pairs.push({ a: person(`b${i}`, `m${i}`), b: person(`d${i}`), weight: 6 });
    // a lone fit below the threshold alone (2^-1.5 / (2^-1.5 + 1) < 0.5)
    const lone = person('lone');
    pairs.push({ a: person('bl', 'ml'), b: lone, weight: -1.5 });
    // two namesakes that fit a death equally
    const twice = person('twice');
    pairs.push({ a: person('n1', 'x'), b: twice, weight: 2 }, { a: person('n2', 'y'), b: twice, weight: 2 });
    // one person's birth keyed twice (same mother): one alternative, not two
    const dup = person('dup');
    pairs.push({ a: person('k1', 'z'), b: dup, weight: 2 }, { a: person('k2', 'z'), b: dup, weight: 1.5 });
    const { probability, share } = posteriors(pairs, opts(100));
    expect(share).toBeGreaterThan(0.85);
    expect(probability[90]).toBeGreaterThan(0.5);
    expect(probability[91]).toBeLessThan(0.5);
    expect(probability[91]).toBeCloseTo(probability[92]!, 10);
    expect(probability[93]).toBeGreaterThan(0.7);
    expect(probability[94]).toBe(probability[93]);
  });

  it('takes out of the alternatives a birth whose own death is sure', () => {
    const taken = person('n1', 'x');
    const pairs: Tentative[] = [
      { a: taken, b: person('own'), weight: 12 },
      { a: taken, b: person('d'), weight: 2 },
      { a: person('n2', 'y'), b: person('d'), weight: 2 },
    ];
    const d = pairs[1]!.b;
    pairs[2] = { ...pairs[2]!, b: d };
    const { probability } = posteriors(pairs, opts(2));
    expect(probability[0]).toBeGreaterThan(0.99);
    expect(probability[1]).toBe(0);
    expect(probability[2]).toBeGreaterThan(0.5);
  });
});

describe("births of one person among a death's candidates", () => {
  const birth = (id: string, name: string, date: string, mother: string, so = id) =>
    personsOf({ id, registerType: 'KS', unit: '00001', values: { so, quyenSo: '01/1950', noiDangKy: 'UBND xã An', nksHoTen: name, nksNgaySinh: date, nksNoiSinh: 'xã An', meHoTen: mother } })[0]!;
  const same = DEATH.rivals!.samePerson;

  it('are one alternative when keyed twice or re-registered with slips, not when twins or namesakes', () => {
    const first = birth('a', 'Phạm Văn Quân', '09.04.1950', 'Nguyễn Thị Quỳnh');
    // re-registered: the year only, the mother without Thị
    expect(same(first, birth('b', 'Phạm Văn Quân', '1950', 'Nguyễn Quỳnh'))).toBe(true);
    // keyed twice: the same số, quyển and place whatever the slips
    expect(same(first, birth('c', 'Phạm Văn Quâng', '04.09.1950', 'Nguyễn Thị Quynh', 'a'))).toBe(true);
    // twins: the same mother and day, another given name (one a letter apart, Quân/Tuấn, passes for a slip)
    expect(same(first, birth('d', 'Phạm Văn Minh', '09.04.1950', 'Nguyễn Thị Quỳnh'))).toBe(false);
    // a namesake born the same day to another mother
    expect(same(first, birth('e', 'Phạm Văn Quân', '09.04.1950', 'Lê Thị Hoa'))).toBe(false);
  });
});
