import { describe, expect, it } from 'vitest';
import { patchValues } from '../../test/support/records.js';
import { headerRow, validateRecord, type Finding } from './index.js';
import { GHI_CHU } from './ghi-chu.js';

const today = new Date('2026-11-25');
const check = (values: Record<string, string>): Finding[] => validateRecord('GC', values, { today });

const SPOUSE = ['HoTen', 'NgaySinh', 'QuocTich', 'NoiCuTru', 'LoaiGiayToTuyThan', 'GiayToKhac', 'SoGiayToTuyThan', 'NgayCapGiayToTuyThan', 'NoiCapGiayToTuyThan'];
const EXPECTED_HEADER = [
  'so',
  'quyenSo',
  'trangSo',
  'ngayDangKy',
  'loaiViec',
  'noiDangKy',
  'nguoiKy',
  'chucVuNguoiKy',
  'nguoiThucHien',
  'ghiChu',
  ...SPOUSE.map((p) => `chong${p}`),
  ...SPOUSE.map((p) => `vo${p}`),
  'soBanAnQuyetDinh',
  'ngayBanAn',
  'coQuanGiaiQuyet',
  'quocGia',
  'soDangKyKetHon',
  'ngayDangKyKetHon',
  'noiDangKyKetHon',
  'nycHoTen',
  'nycQuanHe',
  'nycLoaiGiayToTuyThan',
  'nycGiayToKhac',
  'nycSoGiayToTuyThan',
  'nycNgayCapGiayToTuyThan',
  'nycNoiCapGiayToTuyThan',
];

const BASE: Readonly<Record<string, string>> = {
  so: '02',
  quyenSo: '01/2016',
  trangSo: '1',
  ngayDangKy: '18.04.2016',
  loaiViec: '1',
  noiDangKy: 'UBND quận Ninh Kiều, thành phố Cần Thơ',
  chongHoTen: 'Kim Young Soo',
  voHoTen: 'Trần Thị Ngọc',
  soBanAnQuyetDinh: '2015드단1234',
  ngayBanAn: '03.11.2015',
  coQuanGiaiQuyet: 'Tòa án gia đình Seoul',
  quocGia: 'Hàn Quốc',
};
const withValues = (patch: Record<string, string | undefined>): Record<string, string> => patchValues(BASE, patch);

describe('GC-P1 ghi chú ly hôn, hủy kết hôn (đề xuất)', () => {
  it('derives the proposed header row and says it is a low-confidence proposal', () => {
    expect(GHI_CHU.id).toBe('GC-P1');
    expect(headerRow(GHI_CHU)).toEqual(EXPECTED_HEADER);
    expect(GHI_CHU.source).toMatch(/Đề xuất.*độ tin cậy thấp/);
  });

  it('accepts a minimal record without findings', () => {
    expect(check(BASE)).toEqual([]);
  });

  it('reports each missing required field', () => {
    for (const key of ['so', 'ngayDangKy', 'loaiViec', 'noiDangKy', 'chongHoTen', 'voHoTen', 'soBanAnQuyetDinh', 'ngayBanAn', 'coQuanGiaiQuyet', 'quocGia']) {
      const found = check(withValues({ [key]: undefined }));
      expect(
        found.filter((f) => f.code === 'field.required').map((f) => f.path),
        key,
      ).toEqual([key]);
    }
  });

  it('does not require the spouses for another civil-status matter (loaiViec 3)', () => {
    expect(check(withValues({ loaiViec: '3', chongHoTen: undefined, voHoTen: undefined }))).toEqual([]);
  });

  it('gc.judgment_before_registration: a judgment after the entry is an ERROR', () => {
    expect(check(withValues({ ngayBanAn: '18.04.2016' }))).toEqual([]);
    expect(check(withValues({ ngayBanAn: '19.04.2016' }))).toEqual([expect.objectContaining({ path: 'ngayBanAn', severity: 'ERROR', code: 'gc.judgment_after_registration' })]);
  });

  it('gc.marriage_before_judgment: a marriage registered after the judgment is a WARNING', () => {
    const ref = { soDangKyKetHon: '15', noiDangKyKetHon: 'UBND xã An Bình, huyện Phong Điền, thành phố Cần Thơ' };
    expect(check(withValues({ ...ref, ngayDangKyKetHon: '2010' }))).toEqual([]);
    expect(check(withValues({ ...ref, ngayDangKyKetHon: '12.2015' }))).toEqual([expect.objectContaining({ path: 'ngayDangKyKetHon', severity: 'WARNING', code: 'gc.marriage_after_judgment' })]);
  });
});
