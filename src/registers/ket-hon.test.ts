import { describe, expect, it } from 'vitest';
import { patchValues } from '../../test/support/records.js';
import { headerRow, validateRecord, type Finding } from './index.js';
import { KET_HON } from './ket-hon.js';
import { maxAgeAt, readDate } from './rule-helpers.js';

const today = new Date('2026-11-25');
const check = (values: Record<string, string>): Finding[] => validateRecord('KH', values, { today });
const codes = (fs: Finding[]): string[] => fs.map((f) => f.code);

const SPOUSE = [
  'HoTen',
  'NgaySinh',
  'DanToc',
  'QuocTich',
  'QuocTichKhac',
  'LoaiCuTru',
  'NoiCuTru',
  'LoaiGiayToTuyThan',
  'GiayToKhac',
  'SoGiayToTuyThan',
  'NgayCapGiayToTuyThan',
  'NoiCapGiayToTuyThan',
];
const EXPECTED_HEADER = [
  'so',
  'quyenSo',
  'trangSo',
  'ngayDangKy',
  'loaiDangKy',
  'noiDangKy',
  'nguoiKy',
  'chucVuNguoiKy',
  'ngayXacLapQuanHeHonNhan',
  'nguoiThucHien',
  'ghiChu',
  'tinhTrangKetHon',
  'huyKetHonNgayGhiChu',
  'huyKetHonCanCu',
  'congNhanKetHonNgayGhiChu',
  'congNhanKetHonCanCu',
  ...SPOUSE.map((p) => `chong${p}`),
  ...SPOUSE.map((p) => `vo${p}`),
  'soDangKyNuocNgoai',
  'ngayDangKyNuocNgoai',
  'cqNuocNgoaiDaDangKy',
  'qgNuocNgoaiDaDangKy',
];

/** Registered 15.06.2010; husband born 12.04.1985 (25), wife born in 1988 (22). */
const BASE: Readonly<Record<string, string>> = {
  so: '08',
  quyenSo: '01/2010',
  trangSo: '4',
  ngayDangKy: '15.06.2010',
  loaiDangKy: '1',
  noiDangKy: 'UBND phường Bến Nghé, quận 1, TP Hồ Chí Minh',
  chongHoTen: 'Trần Minh Quân',
  chongNgaySinh: '12.04.1985',
  voHoTen: 'Lê Thị Hoa',
  voNgaySinh: '1988',
};
const withValues = (patch: Record<string, string | undefined>): Record<string, string> => patchValues(BASE, patch);

describe('KH-44 kết hôn', () => {
  it('derives the 44-column vendor header row', () => {
    expect(KET_HON.id).toBe('KH-44');
    expect(headerRow(KET_HON)).toEqual(EXPECTED_HEADER);
    expect(EXPECTED_HEADER).toHaveLength(44);
  });

  it('accepts a minimal record without findings', () => {
    expect(check(BASE)).toEqual([]);
  });

  it('reports each missing required field', () => {
    for (const key of ['so', 'quyenSo', 'trangSo', 'ngayDangKy', 'loaiDangKy', 'noiDangKy', 'chongHoTen', 'chongNgaySinh', 'voHoTen', 'voNgaySinh']) {
      const found = check(withValues({ [key]: undefined }));
      expect(
        found.filter((f) => f.code === 'field.required').map((f) => f.path),
        key,
      ).toEqual([key]);
    }
  });

  it('kh.marriage_age: husband under 20 or wife under 18 at registration is a WARNING', () => {
    expect(check(withValues({ chongNgaySinh: '15.06.1990', voNgaySinh: '15.06.1992' }))).toEqual([]);
    const young = check(withValues({ chongNgaySinh: '16.06.1990', voNgaySinh: '1993' }));
    expect(young).toEqual([
      expect.objectContaining({ path: 'chongNgaySinh', severity: 'WARNING', code: 'kh.under_marriage_age' }),
      expect.objectContaining({ path: 'voNgaySinh', severity: 'WARNING', code: 'kh.under_marriage_age' }),
    ]);
    expect(young[0]?.message).toContain('Luật Hôn nhân và gia đình 2014');
  });

  it('kh.marriage_age: a year-only birth warns only when the age is certainly too low', () => {
    expect(check(withValues({ chongNgaySinh: '1990' }))).toEqual([]);
    expect(codes(check(withValues({ chongNgaySinh: '1991' })))).toEqual(['kh.under_marriage_age']);
  });

  it('maxAgeAt counts completed years, and the largest possible age for partial dates', () => {
    const age = (b: string, a: string) => maxAgeAt(readDate({ b }, 'b')!, readDate({ a }, 'a')!);
    expect(age('16.06.1990', '15.06.2010')).toBe(19);
    expect(age('15.06.1990', '15.06.2010')).toBe(20);
    expect(age('07.1990', '15.06.2010')).toBe(19);
    expect(age('06.1990', '15.06.2010')).toBe(20);
    expect(age('1990', '15.06.2010')).toBe(20);
  });

  it('kh.established_before_registration: established after registration is a WARNING', () => {
    expect(check(withValues({ ngayXacLapQuanHeHonNhan: '01.01.2005' }))).toEqual([]);
    expect(check(withValues({ ngayXacLapQuanHeHonNhan: '16.06.2010' }))).toEqual([
      expect.objectContaining({ path: 'ngayXacLapQuanHeHonNhan', severity: 'WARNING', code: 'kh.established_after_registration' }),
    ]);
  });

  it('kh.annotations_after_registration: annotation dates before registration are WARNINGs', () => {
    const ok = { tinhTrangKetHon: 'Đã hủy việc kết hôn', huyKetHonNgayGhiChu: '01.02.2012', congNhanKetHonNgayGhiChu: '2011' };
    expect(check(withValues(ok))).toEqual([]);
    const bad = check(withValues({ huyKetHonNgayGhiChu: '01.02.2009', congNhanKetHonNgayGhiChu: '2009' }));
    expect(bad.map((f) => [f.path, f.severity, f.code])).toEqual([
      ['huyKetHonNgayGhiChu', 'WARNING', 'kh.annotation_before_registration'],
      ['congNhanKetHonNgayGhiChu', 'WARNING', 'kh.annotation_before_registration'],
    ]);
  });

  it('requires the foreign block when loaiDangKy is 3', () => {
    const missing = check(withValues({ loaiDangKy: '3' }));
    expect(missing.filter((f) => f.code === 'field.required').map((f) => f.path)).toEqual(['soDangKyNuocNgoai', 'ngayDangKyNuocNgoai', 'cqNuocNgoaiDaDangKy', 'qgNuocNgoaiDaDangKy']);
  });

  it('applies the common rule: a spouse born after the registration is an ERROR', () => {
    expect(codes(check(withValues({ voNgaySinh: '2011' })))).toContain('date.born_after_registration');
  });
});
