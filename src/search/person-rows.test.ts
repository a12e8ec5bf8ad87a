import { describe, expect, it } from 'vitest';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import { dateSpan, personRows, sameIndexed } from './person-rows.js';

const record = { bookId: 'b', registerType: 'KS', templateId: 'KS-70', values: CLEAN_KS_RECORD, pageIds: ['p1', 'p2'], keyingOf: null };

describe('personRows', () => {
  it('gives one row per named person block with folded keys, birth span and the registration', () => {
    const rows = personRows(record);
    expect(rows.map((r) => r.role)).toEqual(['nks', 'me', 'cha']);
    expect(rows[0]).toMatchObject({
      full_name: 'Phạm Anh Đài',
      name_tone: 'phạm anh đài',
      name_fold: 'pham anh dai',
      ho_key: 'pham',
      ten_key: 'dai',
      birth_year: 2008,
      birth_lo: '2008-09-01',
      birth_hi: '2008-09-01',
      event_lo: '2008-10-27',
      event_year: 2008,
      reg_so: '15',
      quyen_so: '02/2018',
      page_id: 'p1',
    });
    expect(rows[2]).toMatchObject({ name_fold: 'pham van tu', birth_year: 1979, birth_lo: '1979-01-01', birth_hi: '1979-12-31' });
  });
  it('skips empty names and never indexes a keying pass', () => {
    expect(personRows({ ...record, values: { ...CLEAN_KS_RECORD, chaHoTen: '  ' } }).map((r) => r.role)).toEqual(['nks', 'me']);
    expect(personRows({ ...record, keyingOf: 'reg' })).toEqual([]);
  });
});

describe('dateSpan', () => {
  it('spans the days a partial date may mean', () => {
    expect(dateSpan({ year: 1981, precision: 'year' })).toEqual(['1981-01-01', '1981-12-31']);
    expect(dateSpan({ year: 2024, month: 2, precision: 'month' })).toEqual(['2024-02-01', '2024-02-29']);
    expect(dateSpan(undefined)).toEqual([null, null]);
  });
});

describe('sameIndexed', () => {
  it('is true only when nothing personRows reads differs', () => {
    expect(sameIndexed(record, { ...record, values: { ...CLEAN_KS_RECORD } })).toBe(true);
    expect(sameIndexed(record, { ...record, values: { ...CLEAN_KS_RECORD, chaHoTen: 'Phạm Văn Tư' } })).toBe(false);
    const withoutFather = Object.fromEntries(Object.entries(CLEAN_KS_RECORD).filter(([k]) => k !== 'chaHoTen'));
    expect(sameIndexed(record, { ...record, values: withoutFather })).toBe(false);
    expect(sameIndexed(record, { ...record, pageIds: ['p2', 'p1'] })).toBe(false);
    expect(sameIndexed(record, { ...record, bookId: 'other' })).toBe(false);
    expect(sameIndexed(record, { ...record, keyingOf: 'reg' })).toBe(false);
  });
});
