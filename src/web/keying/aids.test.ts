/**
 * The keying aids' pure parts on the real catalog (KS-70) and demo-like
 * values: what is offered for a field (and in which order), what narrows it,
 * the date shorthand, what the book teaches, which fields Tab skips.
 */
import { describe, expect, it } from 'vitest';
import { formDescription, getTemplate } from '../../registers/index.js';
import { CLEAN_KS_RECORD } from '../../../test/support/records.js';
import { expandDateShorthand } from './aids-dates.js';
import { learnBook } from './aids-learn.js';
import { skippedInTabOrder, suggestionsFor, type AidContext } from './aids.js';
import { keyedFields } from './form-fields.js';
import type { Values } from './keying.api.js';

const template = getTemplate('KS-70');
const form = formDescription(template);
const fields = keyedFields(form);

function context(memory: Values[], more: Partial<AidContext> = {}): AidContext {
  return {
    fields,
    byKey: new Map(fields.map((f) => [f.key, f])),
    defs: new Map(template.fields.map((f) => [f.key, f])),
    groupOf: new Map(form.groups.flatMap((g) => g.fields.map((f) => [f.key, g.id] as const))),
    persons: template.persons,
    previous: memory[0],
    learning: learnBook(fields, memory),
    pageSeq: 3,
    places: [],
    authority: 'UBND xã La Bằng, huyện Đại Từ, tỉnh Bắc Thái',
    ...more,
  };
}

const earlier = (n: number): Values => ({
  ...CLEAN_KS_RECORD,
  so: String(n),
  ngayDangKy: `0${n}.03.1985`,
  nksHoTen: `Phan Văn ${['An', 'Bình', 'Cường'][n % 3]}`,
  chaHoTen: `Phan Văn Tư${n}`,
  meHoTen: `Lê Thị Hoa${n}`,
  nycHoTen: `Phan Văn Tư${n}`,
  chaNoiCuTru: 'xã La Bằng, huyện Đại Từ',
  meNoiCuTru: 'xã La Bằng, huyện Đại Từ',
});
const values = (s: ReturnType<typeof suggestionsFor>) => s.map((x) => x.value);

describe('keying aids', () => {
  it('expands a date shorthand with the anchor year, never after the anchor when asked', () => {
    const reg = { year: 1985, month: 3, day: 12, precision: 'day' as const };
    expect(expandDateShorthand('0203', reg, true)).toBe('02.03.1985');
    expect(expandDateShorthand('2512', reg, true)).toBe('25.12.1984');
    expect(expandDateShorthand('2512', reg, false)).toBe('25.12.1985');
    expect(expandDateShorthand('120360', reg, true)).toBe('12.03.1960');
    expect(expandDateShorthand('120390', reg, true)).toBe('12.03.1890');
    expect(expandDateShorthand('3102', reg, true)).toBeUndefined();
    expect(expandDateShorthand('1985', undefined, true)).toBeUndefined();
  });

  it('offers the next số, the page viewed, the previous record’s authority and date, the date in words', () => {
    const ctx = context([earlier(4), earlier(3), earlier(2)]);
    expect(values(suggestionsFor(ctx, 'so', {}))[0]).toBe('5');
    expect(values(suggestionsFor(ctx, 'trangSo', {}))[0]).toBe('3');
    expect(values(suggestionsFor(ctx, 'noiDangKy', {}))[0]).toBe(CLEAN_KS_RECORD.noiDangKy);
    expect(suggestionsFor(ctx, 'ngayDangKy', {})[0]).toMatchObject({ value: '04.03.1985', source: 'bản ghi trước' });
    expect(values(suggestionsFor(ctx, 'ngayDangKy', { ngayDangKy: '1503' }))[0]).toBe('15.03.1985');
    expect(values(suggestionsFor(ctx, 'nksNgaySinhBangChu', { nksNgaySinh: '01.09.2008' }))[0]).toBe('Ngày Một Tháng Chín Năm Hai Nghìn Không Trăm Linh Tám');
    // a name of a new person is never carried over from the previous record
    expect(values(suggestionsFor(ctx, 'nksHoTen', {}))).not.toContain(earlier(4).nksHoTen);
  });

  it('learns that the requester is the father and the father’s residence the mother’s; the father’s family name is the child’s', () => {
    const ctx = context([earlier(4), earlier(3), earlier(2)]);
    const now = { nksHoTen: 'Đỗ Minh Vy', meHoTen: 'Lê Thị Nhung', meNoiCuTru: 'xã Cù Vân, huyện Đại Từ', chaHoTen: 'Đỗ Văn Bình' };
    expect(values(suggestionsFor(ctx, 'nycHoTen', now))[0]).toBe('Đỗ Văn Bình');
    expect(values(suggestionsFor(ctx, 'chaNoiCuTru', now))[0]).toBe('xã Cù Vân, huyện Đại Từ');
    expect(suggestionsFor(ctx, 'chaHoTen', { nksHoTen: 'Đỗ Minh Vy' })[0]).toEqual({ value: 'Đỗ ', source: 'họ như «Họ, chữ đệm, tên»', word: true });
    // the requester named like the father: his relation and papers
    const withPapers = { ...now, chaLoaiGiayToTuyThan: '1', chaSoGiayToTuyThan: '094347323', nycHoTen: 'Đỗ Văn Bình' };
    expect(values(suggestionsFor(ctx, 'nycQuanHe', withPapers))[0]).toBe('Cha');
    expect(values(suggestionsFor(ctx, 'nycSoGiayToTuyThan', withPapers))[0]).toBe('094347323');
  });

  it('narrows to what is typed, diacritics and case aside, and completes a name word by word', () => {
    const ctx = context([earlier(4), earlier(3)]);
    expect(values(suggestionsFor(ctx, 'nksDanToc', { nksDanToc: 'ta' }))).toEqual(['Tày', 'Tà-ôi']);
    expect(values(suggestionsFor(ctx, 'nksQuocTich', {}))[0]).toBe('Việt Nam');
    expect(values(suggestionsFor(ctx, 'meHoTen', { meHoTen: 'L' }))[0]).toBe('Lê ');
    expect(values(suggestionsFor(ctx, 'meHoTen', { meHoTen: 'Lê ' }))[0]).toBe('Lê Thị ');
    expect(suggestionsFor(ctx, 'nksGioiTinh', { nksGioiTinh: '1' })).toEqual([]);
  });

  it('offers the book’s authority and unit before the book has records, a time from its digits, the signer’s title', () => {
    const ctx = context([]);
    expect(values(suggestionsFor(ctx, 'noiDangKy', {}))).toEqual(['UBND xã La Bằng, huyện Đại Từ, tỉnh Bắc Thái']);
    const place = values(suggestionsFor(ctx, 'nksNoiSinh', { nksNoiSinh: 'Trạm y tế x' }));
    expect(place).toContain('Trạm y tế xã La Bằng');
    expect(values(suggestionsFor(ctx, 'nksNoiSinhDVHC', { nksNoiSinhDVHC: 'h' }))[0]).toBe('huyện Đại Từ, tỉnh Bắc Thái');
    expect(values(suggestionsFor(ctx, 'chucVuNguoiKy', { chucVuNguoiKy: 'ph' }))[0]).toBe('Phó Chủ tịch UBND');
    expect(values(suggestionsFor(ctx, 'meHoTen', { meHoTen: 'Ng' }))[0]).toBe('Nguyễn ');
    const kt = getTemplate('KT');
    const ktForm = formDescription(kt);
    const ktFields = keyedFields(ktForm);
    const ktCtx = context([], { fields: ktFields, byKey: new Map(ktFields.map((f) => [f.key, f])), defs: new Map(kt.fields.map((f) => [f.key, f])), persons: kt.persons });
    expect(values(suggestionsFor(ktCtx, 'nktGioPhutChet', { nktGioPhutChet: '2240' }))).toEqual(['22 giờ 40 phút', '22:40']);
  });

  it('skips in Tab order the fields the book leaves empty, never a required or filled one', () => {
    const none = context([]);
    expect(skippedInTabOrder(none, 'nuocNgoaiCoQuanDaiDien', {}, undefined)).toBe(fields.some((f) => f.key === 'nuocNgoaiCoQuanDaiDien'));
    expect(skippedInTabOrder(none, 'ghiChu', {}, { required: false, mustBeEmpty: false })).toBe(false);
    const book = context([earlier(4), earlier(3), earlier(2)]);
    expect(skippedInTabOrder(book, 'ghiChu', {}, { required: false, mustBeEmpty: false })).toBe(true);
    expect(skippedInTabOrder(book, 'ghiChu', { ghiChu: 'x' }, { required: false, mustBeEmpty: false })).toBe(false);
    expect(skippedInTabOrder(book, 'nksHoTen', {}, { required: true, mustBeEmpty: false })).toBe(false);
    expect(skippedInTabOrder(book, 'chaHoTen', {}, { required: false, mustBeEmpty: true })).toBe(true);
  });
});
