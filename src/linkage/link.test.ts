import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';
import { featureTable, linkRecords } from './link.js';
import type { LinkRecord, Person } from './features.js';
import { forEachPair } from './pairs.js';
import { DEATH, MODELS } from './kinds.js';
import { scorePair, weigher } from './score.js';
import { applyNameError, generateProvince, identityOf, keyDate, oldStyleTone, pairCode, truePairs, type NameTables } from './truth/index.js';

/** A small fixture table (the bench uses the demo's name frequencies). */
const NAMES: NameTables = {
  family: [
    ['Nguyễn', 38],
    ['Trần', 11],
    ['Lê', 9.5],
    ['Phạm', 7],
    ['Hoàng', 5],
    ['Vũ', 4],
    ['Khổng', 0.2],
  ],
  middle: {
    male: [
      ['Văn', 60],
      ['Đức', 10],
      ['Minh', 10],
    ],
    female: [
      ['Thị', 60],
      ['Ngọc', 10],
      ['Thu', 10],
    ],
  },
  given: {
    male: [
      ['Hùng', 5],
      ['Dũng', 5],
      ['Minh', 5],
      ['Tuấn', 4],
      ['Khoa', 2],
      ['Trung', 2],
      ['Sơn', 2],
      ['Quang', 2],
    ],
    female: [
      ['Hòa', 5],
      ['Thúy', 4],
      ['Lan', 5],
      ['Hương', 5],
      ['Mai', 4],
      ['Thủy', 3],
      ['Linh', 3],
      ['Yến', 2],
    ],
  },
};

describe('synthetic truth', () => {
  it('is deterministic for a seed and carries realistic errors', () => {
    const a = generateProvince({ registrations: 500, seed: 3, names: NAMES });
    const b = generateProvince({ registrations: 500, seed: 3, names: NAMES });
    expect(a.records).toEqual(b.records);
    expect(oldStyleTone('Nguyễn Thị Thúy Hòa')).toBe('Nguyễn Thị Thuý Hoà');
    const rng = createRng(1);
    expect(applyNameError('Nguyễn Thị Lan', 'dropMiddle', rng)).toBe('Nguyễn Lan');
    expect(applyNameError('Huỳnh Văn Sơn', 'variantHo', rng)).toBe('Hoàng Văn Sơn');
    expect(applyNameError('Lê Thị Hòa', 'noDiacritics', rng)).toBe('LE THI HOA');
    expect(keyDate({ year: 1980, month: 3, day: 5 }, rng, { swap: 1, yearOnly: 0, monthYear: 0 })).toBe('03.05.1980');
    expect(keyDate({ year: 1980, month: 3, day: 5 }, rng, { swap: 0, yearOnly: 1, monthYear: 0 })).toBe('1980');
    const kinds = new Set(a.records.map((r) => r.registerType));
    expect([...kinds].sort()).toEqual(['KH', 'KS', 'KT', 'TDCC'].filter((k) => kinds.has(k)).sort());
    expect(truePairs(a.truth, 'death').size).toBeGreaterThan(0);
  });
});

describe('linkage on a synthetic province', () => {
  const province = generateProvince({ registrations: 3000, seed: 7, names: NAMES });
  const result = linkRecords(province.records);
  const found = (kinds: string[]) => new Set(result.candidates.filter((c) => kinds.includes(c.kind)).map((c) => pairCode(c.a, c.b)));
  const f1 = (got: Set<number>, truth: Set<number>) => {
    const tp = [...got].filter((k) => truth.has(k)).length;
    return (2 * tp) / (got.size + truth.size);
  };

  it('finds the same births and the births of the dead', () => {
    expect(f1(found(['duplicate', 'reregistration']), truePairs(province.truth, 'sameBirth'))).toBeGreaterThan(0.9);
    expect(f1(found(['death']), truePairs(province.truth, 'death'))).toBeGreaterThan(0.85);
    expect(f1(found(['marriage']), truePairs(province.truth, 'marriage'))).toBeGreaterThan(0.85);
  });

  it('weighs a pair the same way with its explanation (scorePair) and without (weigher)', () => {
    const persons = featureTable(province.records);
    const rng = createRng(11);
    const blank = (p: Person, change: Partial<Person>): Person => ({ ...p, ...change });
    let compared = 0;
    let missing = 0;
    let tfAdjusted = 0;
    for (const model of MODELS) {
      const params = result.params[model.kind]!;
      const weigh = weigher(model, params);
      const pairs: [Person, Person][] = [];
      forEachPair(model, persons, model.blocking, (p, q) => void (pairs.length < 3000 && pairs.push([p, q])));
      const side = persons.filter(model.sideA);
      for (let i = 0; i < 500; i++) pairs.push([side[rng.int(0, side.length - 1)]!, side[rng.int(0, side.length - 1)]!]);
      // missing fields on one side: no birth date, no sex, no parents, no place
      for (const [p, q] of pairs.slice(0, 300)) pairs.push([blank(p, { birth: undefined, sex: '', mother: '', father: '', place: '', so: '' }), q]);
      for (const [p, q] of pairs) {
        const s = scorePair(model, params, p, q);
        const w = weigh(p, q);
        expect(s.probability).toBe(1 / (1 + Math.pow(2, -w)));
        expect(s.weight).toBe(Math.round(w * 100) / 100);
        compared++;
        missing += s.explanation.fields.some((f) => f.status === 'missing' && f.weight === 0) ? 1 : 0;
        // a common given or family name that agrees weighs less than the table's log2(m/u) for that level
        for (const f of s.explanation.fields) {
          if ((f.field !== 'ten' && f.field !== 'ho') || f.status !== 'agree') continue;
          const table = Math.round(Math.log2(params.m[f.field]![0]! / params.u[f.field]![0]!) * 100) / 100;
          if (f.weight !== table) tfAdjusted++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
    expect(missing).toBeGreaterThan(300);
    expect(tfAdjusted).toBeGreaterThan(100);
    // term frequencies: agreeing on the commonest family name weighs less than on the rarest
    const params = result.params.duplicate!;
    const byHo = (ho: string) => persons.find((p) => p.registerType === 'KS' && p.hoCanon === ho)!;
    const hoWeight = (p: Person) => scorePair(MODELS[0]!, params, p, { ...p, idx: -1 }).explanation.fields.find((f) => f.field === 'ho')!.weight;
    expect(hoWeight(byHo('nguyen'))).toBeLessThan(hoWeight(byHo('khong')));
  });

  it('explains every candidate field by field, and links corrections by reference', () => {
    for (const c of result.candidates) {
      expect(c.a < c.b).toBe(true);
      expect(c.explanation.fields.length).toBeGreaterThan(2);
      for (const f of c.explanation.fields) expect(['agree', 'partial', 'disagree', 'missing']).toContain(f.status);
    }
    const corrections = result.candidates.filter((c) => c.kind === 'correction');
    const tdcc = province.records.filter((r) => r.registerType === 'TDCC').map((r) => r.id);
    // every correction finds its original (a registration keyed twice: both copies), and only the same person's
    const types = new Map(province.records.map((r) => [r.id, r.registerType]));
    expect(new Set(corrections.map((c) => (types.get(c.a) === 'TDCC' ? c.a : c.b)))).toEqual(new Set(tdcc));
    for (const c of corrections) {
      const [t, o] = types.get(c.a) === 'TDCC' ? [c.a, c.b] : [c.b, c.a];
      expect(identityOf(province.truth, o, 'nks')).toBe(identityOf(province.truth, t, 'ntd'));
    }
    expect(corrections[0]?.explanation.rules).toEqual(['tham-chieu-dang-ky-goc']);
  });
});

describe('blocking and one partner per record', () => {
  it('splits an oversized block by place, skips what is still too big, and does not take a skipped pair as seen', () => {
    const at = (i: number, place: string) => ({ idx: i, recordId: `r${i}`, place, registerType: 'KS', role: 'nks' }) as Person;
    const persons = [at(0, 'x'), at(1, 'x'), at(2, 'y'), at(3, 'y'), at(4, ''), at(5, 'x')];
    const seen: string[] = [];
    const stats = forEachPair(
      { sideA: () => true },
      persons,
      [
        { id: 'all', key: () => 'k' },
        { id: 'odd', key: (p) => (p.idx % 2 === 1 ? 'odd' : null) },
      ],
      (p, q) => seen.push(`${p.idx}-${q.idx}`),
      2,
    );
    // 'all' (6 > 2) splits by place: x (0, 1, 5) is still too big and skipped, so is the part without a place (4); y pairs 2-3.
    // 'odd' (1, 3, 5) splits too: x pairs 1-5, which 'all' skipped, so it is not taken as seen
    expect(stats.rules.map((r) => [r.splitBlocks, r.skippedBlocks])).toEqual([
      [1, 2],
      [1, 0],
    ]);
    expect(seen).toEqual(['2-3', '1-5']);
  });

  it('keeps for a death the birth that fits it best, not a near namesake born the same year elsewhere', () => {
    const ks = (id: string, name: string, date: string, place: string): LinkRecord => ({
      id,
      registerType: 'KS',
      unit: '00001',
      values: { so: id, quyenSo: '01/1950', noiDangKy: 'UBND xã An', ngayDangKy: '01.03.1950', loaiDangKy: '1', nksHoTen: name, nksGioiTinh: '1', nksNgaySinh: date, nksNoiSinh: place },
    });
    const kt: LinkRecord = {
      id: 'c',
      registerType: 'KT',
      unit: '00001',
      values: {
        so: '1',
        quyenSo: '01/2000',
        noiDangKy: 'UBND xã An',
        ngayDangKy: '01.03.2000',
        loaiDangKy: '1',
        nktHoTen: 'Khổng Văn Hùng',
        nktGioiTinh: '1',
        nktNgaySinh: '1950',
        nktNgayChet: '20.02.2000',
        nktNoiCuTru: 'xã An',
      },
    };
    const records = [ks('a', 'Khổng Văn Hùng', '01.02.1950', 'xã An'), ks('b', 'Khổng Văn Hùg', '05.06.1950', 'xã Bình'), kt];
    const result = linkRecords(records, { kinds: ['death'] });
    const persons = featureTable(records);
    const params = result.params.death!;
    // alone, the namesake born elsewhere would be proposed; the birth at home fits far better
    expect(scorePair(DEATH, params, persons[1]!, persons[2]!).probability).toBeGreaterThan(0.5);
    expect(result.candidates.map((c) => `${c.a}-${c.b}`)).toEqual(['a-c']);
  });
});
