/** Classifying a row (pure): normalization by catalog type, each class, each ID-conflict reason; reading header cells and statuses. */
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../registers/index.js';
import { keyOfHeader, headerCell, RESULT_KEYS } from './popdb-columns.js';
import { classifyRow } from './popdb-compare.js';
import { readStatus } from './popdb-rows.js';

const KS = getTemplate('KS');
const BOOK = { nksHoTen: 'Nguyễn Thị Thuý', nksGioiTinh: '2', nksNgaySinh: '05.03.2008', meHoTen: 'Lê Thị Hoà', chaHoTen: 'Nguyễn Văn An' };
const FOUND = { dcHoTen: 'NGUYỄN THỊ THÚY', dcGioiTinh: 'Nữ', dcNgaySinh: '5/3/2008', dcMeHoTen: 'Lê Thị Hòa', dcChaHoTen: 'Nguyễn Văn An' };
const row = (pop: Record<string, string>, extra: Partial<Parameters<typeof classifyRow>[0]> = {}) => classifyRow({ template: KS, values: BOOK, status: 'TIM_THAY', pop, ...extra });

describe('classifyRow', () => {
  it('reads tone placement, case, date form and sex label as the same', () => {
    expect(row(FOUND)).toMatchObject({ class: 'same', diffs: [] });
  });
  it('names the fields that differ, and a field the population side lacks', () => {
    const r = row({ ...FOUND, dcHoTen: 'Nguyễn Thị Thủy', dcChaHoTen: '' });
    expect(r.class).toBe('differs');
    expect(r.diffs).toEqual([
      { key: 'hoTen', book: 'Nguyễn Thị Thuý', population: 'Nguyễn Thị Thủy' },
      { key: 'chaHoTen', book: 'Nguyễn Văn An', population: '' },
    ]);
  });
  it('does not compare what the book leaves empty', () => {
    expect(row({ ...FOUND, dcSoDinhDanh: '001308012345' }).class).toBe('same');
  });
  it('classes not found and several people found', () => {
    expect(classifyRow({ template: KS, values: BOOK, status: 'KHONG_TIM_THAY', pop: {} }).class).toBe('not_found');
    expect(classifyRow({ template: KS, values: BOOK, status: 'NHIEU_KET_QUA', pop: {} }).conflict?.reason).toBe('multiple');
  });
  it('finds each kind of ID conflict', () => {
    expect(row({ ...FOUND, dcSoDinhDanh: '001308012345' }, { otherHolder: 'x' }).conflict?.reason).toBe('other_record');
    expect(row({ ...FOUND, dcSoDinhDanh: '001308012345' }, { duplicateInFile: true }).conflict?.reason).toBe('duplicate_in_file');
    // digit 4 = 2: a boy of the 2000s, the book says a girl
    expect(row({ ...FOUND, dcSoDinhDanh: '001208012345' }).conflict?.reason).toBe('encoding');
    const withId = classifyRow({ template: KS, values: { ...BOOK, nksSoDinhDanh: '001308000001' }, status: 'TIM_THAY', pop: { ...FOUND, dcSoDinhDanh: '001308012345' } });
    expect(withId).toMatchObject({ class: 'id_conflict', conflict: { reason: 'contradicts_book' } });
  });
  it('compares a death record by its own person block (no parents)', () => {
    const r = classifyRow({ template: getTemplate('KT'), values: { nktHoTen: 'Trần Văn Ba' }, status: 'TIM_THAY', pop: { dcHoTen: 'Trần Văn Bá' } });
    expect(r.diffs.map((d) => d.key)).toEqual(['hoTen']);
  });
});

describe('file columns', () => {
  it('reads back every header it writes, and the key alone', () => {
    for (const k of RESULT_KEYS) expect(keyOfHeader(headerCell(k))).toBe(k);
    expect(keyOfHeader(' dctrangthai ')).toBe('dcTrangThai');
    expect(keyOfHeader('Cột khác')).toBeUndefined();
  });
  it('reads a status by code or label, with or without diacritics', () => {
    expect(readStatus('Tìm thấy')).toBe('TIM_THAY');
    expect(readStatus('khong tim thay')).toBe('KHONG_TIM_THAY');
    expect(readStatus('NHIEU_KET_QUA')).toBe('NHIEU_KET_QUA');
    expect(readStatus('có lẽ')).toBeUndefined();
  });
});
