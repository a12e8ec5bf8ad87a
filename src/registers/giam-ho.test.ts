import { describe, expect, it } from 'vitest';
import { patchValues } from '../../test/support/records.js';
import { headerRow, validateRecord, type Finding } from './index.js';
import { GIAM_HO } from './giam-ho.js';

const today = new Date('2026-11-25');
const check = (values: Record<string, string>): Finding[] => validateRecord('GH', values, { today });

const PARTS = ['HoTen', 'GioiTinh', 'NgaySinh', 'DanToc', 'QuocTich', 'NoiCuTru', 'LoaiGiayToTuyThan', 'GiayToKhac', 'SoGiayToTuyThan', 'NgayCapGiayToTuyThan', 'NoiCapGiayToTuyThan'];
const EXPECTED_HEADER = [
  'so',
  'quyenSo',
  'trangSo',
  'ngayDangKy',
  'loaiDangKy',
  'loaiGiamHo',
  'noiDangKy',
  'nguoiKy',
  'chucVuNguoiKy',
  'nguoiThucHien',
  'ghiChu',
  ...PARTS.map((p) => `ngh1${p}`),
  ...PARTS.map((p) => `ngh2${p}`),
  ...PARTS.map((p) => `ndgh${p}`),
  'lyDoChamDut',
  'canCu',
  'nycHoTen',
  'nycQuanHe',
  'nycLoaiGiayToTuyThan',
  'nycGiayToKhac',
  'nycSoGiayToTuyThan',
  'nycNgayCapGiayToTuyThan',
  'nycNoiCapGiayToTuyThan',
  'soDangKyNuocNgoai',
  'ngayDangKyNuocNgoai',
  'cqNuocNgoaiDaDangKy',
  'qgNuocNgoaiDaDangKy',
];

const BASE: Readonly<Record<string, string>> = {
  so: '01',
  quyenSo: '01/2018',
  trangSo: '1',
  ngayDangKy: '09.10.2018',
  loaiDangKy: '1',
  loaiGiamHo: '2',
  noiDangKy: 'UBND xã Tân Phú, huyện Đồng Phú, tỉnh Bình Phước',
  ngh1HoTen: 'Vũ Thị Lan',
  ngh1NgaySinh: '1960',
  ndghHoTen: 'Vũ Minh Khôi',
  ndghNgaySinh: '12.12.2012',
};
const withValues = (patch: Record<string, string | undefined>): Record<string, string> => patchValues(BASE, patch);

describe('GH-P1 giám hộ (đề xuất)', () => {
  it('derives the proposed header row and says it is a low-confidence proposal', () => {
    expect(GIAM_HO.id).toBe('GH-P1');
    expect(headerRow(GIAM_HO)).toEqual(EXPECTED_HEADER);
    expect(GIAM_HO.source).toMatch(/Đề xuất.*độ tin cậy thấp/);
  });

  it('accepts a minimal record without findings', () => {
    expect(check(BASE)).toEqual([]);
  });

  it('reports each missing required field', () => {
    for (const key of ['so', 'loaiDangKy', 'loaiGiamHo', 'noiDangKy', 'ngh1HoTen', 'ndghHoTen', 'ndghNgaySinh']) {
      const found = check(withValues({ [key]: undefined }));
      expect(
        found.filter((f) => f.code === 'field.required').map((f) => f.path),
        key,
      ).toEqual([key]);
    }
  });

  it('requires the reason when the guardianship ends (loaiDangKy 2)', () => {
    expect(check(withValues({ loaiDangKy: '2' }))).toEqual([expect.objectContaining({ path: 'lyDoChamDut', severity: 'ERROR', code: 'field.required' })]);
    expect(check(withValues({ loaiDangKy: '2', lyDoChamDut: 'Người được giám hộ đã thành niên' }))).toEqual([]);
  });

  it('requires the foreign block when the guardianship was registered abroad (loaiGiamHo 3)', () => {
    const missing = check(withValues({ loaiGiamHo: '3' }));
    expect(missing.filter((f) => f.code === 'field.required').map((f) => f.path)).toEqual(['soDangKyNuocNgoai', 'ngayDangKyNuocNgoai', 'cqNuocNgoaiDaDangKy', 'qgNuocNgoaiDaDangKy']);
  });

  it('gh.guardian_adult: a guardian under 18 at registration is a WARNING', () => {
    expect(check(withValues({ ngh2HoTen: 'Vũ Văn Hải', ngh2NgaySinh: '09.10.2000' }))).toEqual([]);
    expect(check(withValues({ ngh2HoTen: 'Vũ Văn Hải', ngh2NgaySinh: '10.10.2000' }))).toEqual([expect.objectContaining({ path: 'ngh2NgaySinh', severity: 'WARNING', code: 'gh.guardian_minor' })]);
  });
});
