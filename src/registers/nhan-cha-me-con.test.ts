import { describe, expect, it } from 'vitest';
import { patchValues } from '../../test/support/records.js';
import { headerRow, validateRecord, type Finding } from './index.js';
import { NHAN_CHA_ME_CON } from './nhan-cha-me-con.js';

const today = new Date('2026-11-25');
const check = (values: Record<string, string>): Finding[] => validateRecord('CMC', values, { today });

const PERSON = [
  'HoTen',
  'NgaySinh',
  'DanToc',
  'QuocTich',
  'QuocTichKhac',
  'QueQuan',
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
  'quyetDinhSo',
  'ngayDangKy',
  'loaiDangKy',
  'loaiXacNhan',
  'noiDangKy',
  'nguoiKy',
  'chucVuNguoiKy',
  'nguoiThucHien',
  'ghiChu',
  ...PERSON.map((p) => `cm${p}`),
  ...PERSON.map((p) => `nc${p}`),
  'nycHoTen',
  'nycQHNguoiDuocNhan',
  'nycQHNguoiNhan',
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
  so: '03',
  quyenSo: '01/2017',
  trangSo: '2',
  ngayDangKy: '20.09.2017',
  loaiDangKy: '1',
  loaiXacNhan: '1',
  noiDangKy: 'UBND xã Nghi Phong, huyện Nghi Lộc, tỉnh Nghệ An',
  cmHoTen: 'Hồ Văn Bình',
  cmNgaySinh: '1980',
  ncHoTen: 'Hồ Thị Mai',
  ncNgaySinh: '03.05.2008',
};
const withValues = (patch: Record<string, string | undefined>): Record<string, string> => patchValues(BASE, patch);

describe('CMC-50 nhận cha, mẹ, con', () => {
  it('derives the 50-column vendor header row', () => {
    expect(NHAN_CHA_ME_CON.id).toBe('CMC-50');
    expect(headerRow(NHAN_CHA_ME_CON)).toEqual(EXPECTED_HEADER);
    expect(EXPECTED_HEADER).toHaveLength(50);
  });

  it('accepts a minimal record without findings', () => {
    expect(check(BASE)).toEqual([]);
  });

  it('reports each missing required field', () => {
    for (const key of ['so', 'ngayDangKy', 'loaiDangKy', 'loaiXacNhan', 'noiDangKy', 'cmHoTen', 'cmNgaySinh', 'ncHoTen', 'ncNgaySinh']) {
      const found = check(withValues({ [key]: undefined }));
      expect(
        found.filter((f) => f.code === 'field.required').map((f) => f.path),
        key,
      ).toEqual([key]);
    }
  });

  it('cmc.parent_born_before_child: a parent born after the child is an ERROR', () => {
    expect(check(withValues({ cmNgaySinh: '1995' }))).toEqual([]);
    expect(check(withValues({ cmNgaySinh: '04.05.2008' }))).toEqual([expect.objectContaining({ path: 'cmNgaySinh', severity: 'ERROR', code: 'cmc.parent_born_after_child' })]);
  });

  it('cmc.parent_born_before_child: a parent younger than 12 at the birth is a WARNING', () => {
    expect(check(withValues({ cmNgaySinh: '2000' }))).toEqual([expect.objectContaining({ path: 'cmNgaySinh', severity: 'WARNING', code: 'cmc.parent_too_young' })]);
  });

  it('requires the foreign block when loaiDangKy is 2, and knows the requester relations', () => {
    const missing = check(withValues({ loaiDangKy: '2' }));
    expect(missing.filter((f) => f.code === 'field.required').map((f) => f.path)).toEqual(['soDangKyNuocNgoai', 'ngayDangKyNuocNgoai', 'cqNuocNgoaiDaDangKy', 'qgNuocNgoaiDaDangKy']);
    expect(check(withValues({ nycHoTen: 'Hồ Văn Bình', nycQHNguoiDuocNhan: 'Cha', nycQHNguoiNhan: 'Bản thân' }))).toEqual([]);
  });

  it('rejects a loaiXacNhan outside the list', () => {
    expect(check(withValues({ loaiXacNhan: '5' })).map((f) => f.code)).toEqual(['code.invalid']);
  });
});
