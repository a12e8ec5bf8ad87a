/**
 * The demo's ground truth: the same seed gives the same province; every
 * registration passes the catalog without an ERROR (and without a deadline
 * warning: loaiDangKy agrees with the dates); pages hold 2–4 registrations
 * numbered in order; about 60 % are keyed; names follow the frequency tables.
 */
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../registers/index.js';
import { TEST_NOW } from '../../test/support/context.js';
import { DEMO_BOOKS, demoProvince, demoRecords } from './demo-truth.js';
import { FAMILY_NAMES } from './name-frequencies.js';
import { familyName, newPerson } from './people.js';
import { createRng } from './prng.js';

describe('demoProvince', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(demoProvince(7)).toEqual(demoProvince(7));
    expect(demoRecords(demoProvince(8))[0]!.record.values).not.toEqual(demoRecords(demoProvince(7))[0]!.record.values);
  });

  it('has the planned books: six books, 40 pages, 2–4 registrations a page, numbered in order', () => {
    const p = demoProvince();
    expect(p.books.map((b) => b.key)).toEqual(DEMO_BOOKS.map((b) => b.key));
    expect(p.books.reduce((n, b) => n + b.pageList.length, 0)).toBe(40);
    for (const b of p.books) {
      const records = b.pageList.flatMap((page) => page.records);
      expect(b.pageList.every((page) => page.records.length >= 2 && page.records.length <= 4)).toBe(true);
      expect(records.map((r) => r.values.so)).toEqual(records.map((_, i) => String((b.firstNo ?? 1) + i)));
      expect(records.every((r) => r.values.trangSo === String(r.page) && r.values.quyenSo === b.quyenSo && r.values.noiDangKy === b.authority)).toBe(true);
    }
  });

  it.each([1, 2, 2025, 99])('gives registrations without ERROR or deadline warning (seed %i)', (seed) => {
    for (const { book, record } of demoRecords(demoProvince(seed))) {
      const findings = validateRecord(book.registerType, record.values, { today: TEST_NOW });
      expect(
        findings.filter((f) => f.severity === 'ERROR' || f.path === 'loaiDangKy'),
        `${book.key} số ${record.no}`,
      ).toEqual([]);
    }
  });

  it('keys about 60 % of the registrations, each book from its start', () => {
    const all = demoRecords(demoProvince());
    const share = all.filter((r) => r.record.keyed).length / all.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
    for (const b of demoProvince().books) {
      const keyed = b.pageList.flatMap((p) => p.records).map((r) => r.keyed);
      expect(keyed).toEqual([...keyed].sort((x, y) => Number(y) - Number(x)));
    }
  });

  it('mixes in minority groups and fatherless births, and uses the province name of the year', () => {
    const all = demoRecords(demoProvince());
    const ethnic = new Set(all.map((r) => r.record.values.nksDanToc).filter(Boolean));
    expect(ethnic.has('Kinh')).toBe(true);
    expect(ethnic.size).toBeGreaterThan(2);
    expect(all.some((r) => r.record.values.nksLoaiKhaiSinh === '3' && r.record.values.chaHoTen === undefined)).toBe(true);
    const authorities = demoProvince().books.map((b) => `${b.year} ${b.authority}`);
    expect(authorities).toContain('1985 UBND xã La Bằng, huyện Đại Từ, tỉnh Bắc Thái');
    expect(authorities).toContain('2012 UBND xã Cù Vân, huyện Đại Từ, tỉnh Thái Nguyên');
  });
});

describe('synthetic names', () => {
  it('follow the family-name table (Nguyễn about 38 % of 2,000 people)', () => {
    const rng = createRng(42);
    const names = Array.from({ length: 2000 }, () => familyName(rng));
    const share = (n: string) => names.filter((x) => x === n).length / names.length;
    expect(FAMILY_NAMES[0]![0]).toBe('Nguyễn');
    expect(share('Nguyễn')).toBeGreaterThan(0.345);
    expect(share('Nguyễn')).toBeLessThan(0.415);
    expect(share('Trần')).toBeGreaterThan(0.08);
    expect(share('Trần')).toBeLessThan(0.14);
  });

  it('give women "Thị" far more often before 1990 than after 2005', () => {
    const rng = createRng(3);
    const thi = (year: number) => {
      const women = Array.from({ length: 500 }, () => newPerson(rng, { sex: 'female', bornFrom: new Date(Date.UTC(year, 0, 1)), bornTo: new Date(Date.UTC(year, 11, 31)), ethnicity: 'Kinh' }));
      return women.filter((w) => w.name.split(' ')[1] === 'Thị').length / women.length;
    };
    expect(thi(1960)).toBeGreaterThan(0.8);
    expect(thi(2010)).toBeLessThan(0.5);
  });

  it('are NFC, three or more words, with no word repeated after the family name', () => {
    const rng = createRng(5);
    for (let i = 0; i < 500; i++) {
      const p = newPerson(rng, { bornFrom: new Date(Date.UTC(1950, 0, 1)), bornTo: new Date(Date.UTC(2015, 0, 1)), ethnicity: rng.pick(['Kinh', 'Tày', 'Dao']) });
      const words = p.name.split(' ');
      expect(p.name).toBe(p.name.normalize('NFC'));
      expect(words.length).toBeGreaterThanOrEqual(3);
      expect(words[1]).not.toBe(words[2]);
    }
  });
});
