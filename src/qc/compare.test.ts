/** The pure parts of double keying: normalization, comparison, anonymous order, critical fields, book checks. */
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../registers/index.js';
import { aShownFirst, choiceOf, comparable, comparePasses } from './compare.js';
import { bookChecks } from './book-checks.js';
import { criticalFieldKeys } from './critical-fields.js';

describe('comparePasses', () => {
  it('counts NFC, whitespace and tone placement as equal, a missing diacritic or case as different', () => {
    const a = { x: 'Hoà Bình', y: 'Nguyễn Thị Lan', z: 'Đài', w: 'an', e: '', f: 'Lan' };
    const b = { x: 'Hòa  Bình ', y: 'Nguyễn Thị Lan'.normalize('NFD'), z: 'Dài', w: 'An', f: 'Lan' };
    const c = comparePasses(['x', 'y', 'z', 'w', 'e', 'f', 'g'], a, b);
    expect(c.agreed).toEqual({ x: 'Hoà Bình', y: 'Nguyễn Thị Lan', f: 'Lan' });
    expect(c.disagreements).toEqual([
      { fieldKey: 'z', valueA: 'Đài', valueB: 'Dài' },
      { fieldKey: 'w', valueA: 'an', valueB: 'An' },
    ]);
    expect(c.fields).toEqual(['x', 'y', 'z', 'w', 'f']);
  });
  it('an absent value differs from a keyed one', () => {
    expect(comparePasses(['so'], { so: '15' }, {}).disagreements).toEqual([{ fieldKey: 'so', valueA: '15', valueB: '' }]);
  });
  it('maps a decided value back to A, B or a third value', () => {
    expect(choiceOf(' Hòa', 'Hoà', 'Hoa')).toBe('A');
    expect(choiceOf('Hoa', 'Hoà', 'Hoa')).toBe('B');
    expect(choiceOf('Hóa', 'Hoà', 'Hoa')).toBe('other');
    expect(comparable('  a \t b ')).toBe('a b');
  });
  it('shows A first for about half of the disagreements, always the same way', () => {
    const firsts = Array.from({ length: 200 }, (_, i) => aShownFirst(String(i + 1)));
    expect(firsts.filter(Boolean).length).toBeGreaterThan(70);
    expect(firsts.filter(Boolean).length).toBeLessThan(130);
    expect(aShownFirst('42')).toBe(aShownFirst('42'));
  });
});

describe('criticalFieldKeys', () => {
  it('derives names, sex, key dates and số from the catalog', () => {
    expect([...criticalFieldKeys(getTemplate('KS-70'))]).toEqual(['so', 'ngayDangKy', 'nksHoTen', 'nksGioiTinh', 'nksNgaySinh', 'meHoTen', 'meNgaySinh', 'chaHoTen', 'chaNgaySinh', 'nycHoTen']);
    const kt = criticalFieldKeys(getTemplate('KT-48'));
    expect(kt.has('nktNgayChet')).toBe(true);
    expect(kt.has('nguoiKy')).toBe(false);
    expect(kt.has('nktNgayCapGiayToTuyThan')).toBe(false);
  });
});

describe('bookChecks', () => {
  const reg = (id: string, so: string, ngayDangKy: string, pageIds: string[] = ['p1']) => ({ id, so, ngayDangKy, pageIds });
  it('numbers restart each year; a number with /year belongs to that year', () => {
    const f = bookChecks({ declaredEventCount: null }, [reg('a', '1/2008', '01.12.2008'), reg('b', '2/2008', '05.12.2008'), reg('c', '1/2009', '02.01.2009'), reg('d', '3/2009', '01.01.2009')], []);
    expect(f.map((x) => [x.code, x.subject, x.recordIds])).toEqual([
      ['so_gap', '2009:2', ['c', 'd']],
      ['date_order', '2009:3', ['c', 'd']],
    ]);
  });
  it("a second book continues the first one's numbers, also in the year a book spans into", () => {
    const regs = [reg('a', '58', '03.12.2008'), reg('b', '59', '20.12.2008'), reg('c', '1', '05.01.2009'), reg('d', '2', '06.01.2009')];
    const book = { declaredEventCount: null, yearFrom: 2008, yearTo: 2009 };
    expect(
      bookChecks(
        book,
        regs,
        [],
        [
          { year: '2008', min: 1, max: 57 },
          { year: '2009', min: 5, max: 40 },
        ],
      ).map((f) => [f.code, f.subject]),
    ).toEqual([['so_gap_after', '2009:3-4']]);
    expect(bookChecks(book, regs, [], [{ year: '2008', min: 1, max: 50 }]).map((f) => [f.code, f.subject])).toEqual([['so_gap_before', '2008:51-57']]);
  });
  it('a triple number is one duplicate finding; an exact count and used pages give nothing', () => {
    const f = bookChecks(
      { declaredEventCount: 3 },
      [reg('a', '4', '2008'), reg('b', '4', '2008'), reg('c', '4', '2008')],
      [
        { id: 'p1', seq: 1, status: 'present' },
        { id: 'p2', seq: 2, status: 'blank' },
      ],
    );
    expect(f).toEqual([{ code: 'so_duplicate', severity: 'WARNING', subject: '2008:4', message: 'Số 4 năm 2008 được dùng cho nhiều việc đăng ký.', recordIds: ['a', 'b', 'c'], pageIds: [] }]);
  });
});
