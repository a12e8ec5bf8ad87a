import { describe, expect, it } from 'vitest';
import { patchValues } from '../../test/support/records.js';
import { headerRow, validateRecord, type Finding } from './index.js';
import { XAC_NHAN_HON_NHAN } from './xac-nhan-hon-nhan.js';

const today = new Date('2026-11-25');
const check = (values: Record<string, string>): Finding[] => validateRecord('HN', values, { today });

const EXPECTED_HEADER = [
  'so',
  'quyenSo',
  'trangSo',
  'ngayDangKy',
  'noiCap',
  'nguoiKy',
  'chucVuNguoiKy',
  'nguoiThucHien',
  'ghiChu',
  'nxnHoTen',
  'nxnGioiTinh',
  'nxnNgaySinh',
  'nxnDanToc',
  'nxnQuocTich',
  'nxnQuocTichKhac',
  'nxnLoaiCuTru',
  'nxnNoiCuTru',
  'nxnLoaiGiayToTuyThan',
  'nxnGiayToKhac',
  'nxnSoGiayToTuyThan',
  'nxnNgayCapGiayToTuyThan',
  'nxnNoiCapGiayToTuyThan',
  'nxnThoiGianCuTruTai',
  'nxnThoiGianCuTruTu',
  'nxnThoiGianCuTruDen',
  'nxnTinhTrangHonNhan',
  'nxnLoaiMucDichSuDung',
  'nxnMucDichSuDung',
  'nycHoTen',
  'nycQuanHe',
  'nycLoaiGiayToTuyThan',
  'nycGiayToKhac',
  'nycSoGiayToTuyThan',
  'nycNgayCapGiayToTuyThan',
  'nycNoiCapGiayToTuyThan',
];

const BASE: Readonly<Record<string, string>> = {
  so: '41',
  quyenSo: '01/2021',
  trangSo: '11',
  ngayDangKy: '02.08.2021',
  noiCap: 'UBND phường Tràng Tiền, quận Hoàn Kiếm, thành phố Hà Nội',
  nxnHoTen: 'Phạm Thu Trang',
  nxnGioiTinh: '2',
  nxnNgaySinh: '11.11.1995',
  nxnTinhTrangHonNhan: 'Chưa đăng ký kết hôn với ai',
};
const withValues = (patch: Record<string, string | undefined>): Record<string, string> => patchValues(BASE, patch);

describe('HN-35 xác nhận tình trạng hôn nhân', () => {
  it('derives the 35-column vendor header row, with noiCap and no loaiDangKy', () => {
    expect(XAC_NHAN_HON_NHAN.id).toBe('HN-35');
    expect(headerRow(XAC_NHAN_HON_NHAN)).toEqual(EXPECTED_HEADER);
    expect(EXPECTED_HEADER).toHaveLength(35);
  });

  it('accepts a minimal record without findings', () => {
    expect(check(BASE)).toEqual([]);
  });

  it('reports each missing required field', () => {
    for (const key of ['so', 'quyenSo', 'trangSo', 'ngayDangKy', 'noiCap', 'nxnHoTen', 'nxnGioiTinh', 'nxnNgaySinh', 'nxnTinhTrangHonNhan']) {
      const found = check(withValues({ [key]: undefined }));
      expect(
        found.filter((f) => f.code === 'field.required').map((f) => f.path),
        key,
      ).toEqual([key]);
    }
  });

  it('requires the written purpose only for "Mục đích khác" (5)', () => {
    expect(check(withValues({ nxnLoaiMucDichSuDung: '1' }))).toEqual([]);
    expect(check(withValues({ nxnLoaiMucDichSuDung: '5' }))).toEqual([expect.objectContaining({ path: 'nxnMucDichSuDung', severity: 'ERROR', code: 'field.required' })]);
    expect(check(withValues({ nxnLoaiMucDichSuDung: '5', nxnMucDichSuDung: 'Bổ sung hồ sơ mua nhà' }))).toEqual([]);
  });

  it('hn.residence_period_order: residence ending before it starts is an ERROR', () => {
    const ok = { nxnThoiGianCuTruTai: 'Thành phố Vinh, tỉnh Nghệ An', nxnThoiGianCuTruTu: '2013', nxnThoiGianCuTruDen: '05.2017' };
    expect(check(withValues(ok))).toEqual([]);
    expect(check(withValues({ nxnThoiGianCuTruTu: '01.06.2017', nxnThoiGianCuTruDen: '31.05.2017' }))).toEqual([
      expect.objectContaining({ path: 'nxnThoiGianCuTruDen', severity: 'ERROR', code: 'hn.residence_end_before_start' }),
    ]);
  });
});
