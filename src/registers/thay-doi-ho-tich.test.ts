import { describe, expect, it } from 'vitest';
import { patchValues } from '../../test/support/records.js';
import { headerRow, validateRecord, type Finding } from './index.js';
import { THAY_DOI_HO_TICH } from './thay-doi-ho-tich.js';

const today = new Date('2026-11-25');
const check = (values: Record<string, string>): Finding[] => validateRecord('TDCC', values, { today });

const NYC = ['nycHoTen', 'nycQuanHe', 'nycLoaiGiayToTuyThan', 'nycGiayToKhac', 'nycSoGiayToTuyThan', 'nycNgayCapGiayToTuyThan', 'nycNoiCapGiayToTuyThan'];
const EXPECTED_HEADER = [
  'so',
  'quyenSo',
  'trangSo',
  'ngayDangKy',
  'loaiDangKy',
  'noiDangKy',
  'nguoiKy',
  'chucVuNguoiKy',
  'nguoiThucHien',
  'ghiChu',
  'ntdHoTen',
  'ntdGioiTinh',
  'ntdNgaySinh',
  'ntdDanToc',
  'ntdQuocTich',
  'ntdSoDinhDanh',
  'ntdLoaiGiayToTuyThan',
  'ntdSoGiayToTuyThan',
  'ntdNoiCuTru',
  'tenGiayToHoTich',
  'soDangKyHSGoc',
  'quyenDangKyHSGoc',
  'ngayDangKyHSGoc',
  'noiDangKyHSGoc',
  'noiDungThayDoi',
  'canCu',
  ...NYC,
];

const BASE: Readonly<Record<string, string>> = {
  so: '05',
  quyenSo: '01/2019',
  trangSo: '3',
  ngayDangKy: '14.05.2019',
  loaiDangKy: '2',
  noiDangKy: 'UBND xã Quỳnh Lưu, huyện Nho Quan, tỉnh Ninh Bình',
  ntdHoTen: 'Đinh Văn Tí',
  ntdNgaySinh: '02.02.2001',
  tenGiayToHoTich: 'Giấy khai sinh',
  ngayDangKyHSGoc: '20.02.2001',
  noiDungThayDoi: 'Họ tên: Đinh Văn Tý → Đinh Văn Tí',
};
const withValues = (patch: Record<string, string | undefined>): Record<string, string> => patchValues(BASE, patch);

describe('TDCC-P1 thay đổi, cải chính hộ tịch (đề xuất)', () => {
  it('derives the proposed header row and says it is a low-confidence proposal', () => {
    expect(THAY_DOI_HO_TICH.id).toBe('TDCC-P1');
    expect(headerRow(THAY_DOI_HO_TICH)).toEqual(EXPECTED_HEADER);
    expect(THAY_DOI_HO_TICH.source).toMatch(/Đề xuất.*độ tin cậy thấp/);
  });

  it('accepts a minimal record without findings, also through the alias TĐCC', () => {
    expect(check(BASE)).toEqual([]);
    expect(validateRecord('TĐCC', BASE, { today })).toEqual([]);
  });

  it('reports each missing required field', () => {
    for (const key of ['so', 'loaiDangKy', 'noiDangKy', 'ntdHoTen', 'ntdNgaySinh', 'tenGiayToHoTich', 'noiDungThayDoi']) {
      const found = check(withValues({ [key]: undefined }));
      expect(
        found.filter((f) => f.code === 'field.required').map((f) => f.path),
        key,
      ).toEqual([key]);
    }
  });

  it('requires the basis (căn cứ) when the change follows a court decision (5)', () => {
    expect(check(withValues({ loaiDangKy: '5' }))).toEqual([expect.objectContaining({ path: 'canCu', severity: 'ERROR', code: 'field.required' })]);
    expect(check(withValues({ loaiDangKy: '5', canCu: 'Quyết định số 12/2019/QĐ-TA ngày 02.05.2019 của TAND huyện Nho Quan' }))).toEqual([]);
  });

  it('tdcc.original_before_change: the original registered after the change is an ERROR', () => {
    expect(check(withValues({ ngayDangKyHSGoc: '14.05.2019' }))).toEqual([]);
    expect(check(withValues({ ngayDangKyHSGoc: '2020' }))).toEqual([expect.objectContaining({ path: 'ngayDangKyHSGoc', severity: 'ERROR', code: 'tdcc.original_after_change' })]);
  });

  it('tdcc.change_format: each item reads "trường: cũ → mới" (WARNING)', () => {
    const many = 'Họ tên: Đinh Văn Tý → Đinh Văn Tí; Dân tộc: Kinh -> Mường; Quê quán: (trống) thành Ninh Bình';
    expect(check(withValues({ noiDungThayDoi: many }))).toEqual([]);
    const bad = check(withValues({ noiDungThayDoi: 'Họ tên: Đinh Văn Tý → Đinh Văn Tí; sửa lại tên đệm' }));
    expect(bad).toEqual([expect.objectContaining({ path: 'noiDungThayDoi', severity: 'WARNING', code: 'tdcc.change_format' })]);
    expect(bad[0]?.message).toContain('sửa lại tên đệm');
  });
});
