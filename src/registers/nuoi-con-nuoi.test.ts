import { describe, expect, it } from 'vitest';
import { patchValues } from '../../test/support/records.js';
import { headerRow, validateRecord, type Finding } from './index.js';
import { NUOI_CON_NUOI } from './nuoi-con-nuoi.js';

const today = new Date('2026-11-25');
const check = (values: Record<string, string>): Finding[] => validateRecord('CN', values, { today });

const PARENT = ['HoTen', 'NgaySinh', 'DanToc', 'QuocTich', 'NoiCuTru', 'LoaiGiayToTuyThan', 'GiayToKhac', 'SoGiayToTuyThan', 'NgayCapGiayToTuyThan', 'NoiCapGiayToTuyThan'];
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
  ...PARENT.map((p) => `chaNuoi${p}`),
  ...PARENT.map((p) => `meNuoi${p}`),
  'conNuoiHoTen',
  'conNuoiGioiTinh',
  'conNuoiNgaySinh',
  'conNuoiDanToc',
  'conNuoiQuocTich',
  'conNuoiNoiCuTru',
  'nguoiGiaoHoTen',
  'nguoiGiaoNoiCuTru',
  'quyetDinhSo',
  'ngayQuyetDinh',
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
  quyenSo: '01/2014',
  trangSo: '1',
  ngayDangKy: '21.07.2014',
  loaiDangKy: '1',
  noiDangKy: 'UBND xã Hòa Tiến, huyện Hòa Vang, thành phố Đà Nẵng',
  meNuoiHoTen: 'Ngô Thị Hạnh',
  meNuoiNgaySinh: '1975',
  conNuoiHoTen: 'Ngô Gia Bảo',
  conNuoiGioiTinh: '1',
  conNuoiNgaySinh: '05.01.2013',
  nguoiGiaoHoTen: 'Trung tâm Bảo trợ xã hội số 2',
};
const withValues = (patch: Record<string, string | undefined>): Record<string, string> => patchValues(BASE, patch);

describe('CN-P1 nuôi con nuôi (đề xuất)', () => {
  it('derives the proposed header row and says it is a low-confidence proposal', () => {
    expect(NUOI_CON_NUOI.id).toBe('CN-P1');
    expect(headerRow(NUOI_CON_NUOI)).toEqual(EXPECTED_HEADER);
    expect(NUOI_CON_NUOI.source).toMatch(/Đề xuất.*độ tin cậy thấp/);
  });

  it('accepts a minimal record (an institution hands the child over) without findings', () => {
    expect(check(BASE)).toEqual([]);
  });

  it('reports each missing required field', () => {
    for (const key of ['so', 'loaiDangKy', 'noiDangKy', 'conNuoiHoTen', 'conNuoiGioiTinh', 'conNuoiNgaySinh']) {
      const found = check(withValues({ [key]: undefined }));
      expect(
        found.filter((f) => f.code === 'field.required').map((f) => f.path),
        key,
      ).toEqual([key]);
    }
  });

  it('cn.adoptive_parent_present: an adoptive father or mother is needed (ERROR)', () => {
    expect(check(withValues({ meNuoiHoTen: undefined, meNuoiNgaySinh: undefined, chaNuoiHoTen: 'Ngô Văn Phúc' }))).toEqual([]);
    expect(check(withValues({ meNuoiHoTen: undefined, meNuoiNgaySinh: undefined }))).toEqual([expect.objectContaining({ path: 'chaNuoiHoTen', severity: 'ERROR', code: 'cn.no_adoptive_parent' })]);
  });

  it('cn.age_gap: an adoptive parent less than 20 years older is a WARNING', () => {
    expect(check(withValues({ chaNuoiHoTen: 'Ngô Văn Phúc', chaNuoiNgaySinh: '05.01.1993' }))).toEqual([]);
    expect(check(withValues({ chaNuoiHoTen: 'Ngô Văn Phúc', chaNuoiNgaySinh: '06.01.1993' }))).toEqual([expect.objectContaining({ path: 'chaNuoiNgaySinh', severity: 'WARNING', code: 'cn.age_gap' })]);
  });

  it('cn.decision_before_registration: a decision dated after the registration is a WARNING', () => {
    expect(check(withValues({ quyetDinhSo: '125/QĐ-UBND', ngayQuyetDinh: '15.07.2014' }))).toEqual([]);
    expect(check(withValues({ ngayQuyetDinh: '22.07.2014' }))).toEqual([expect.objectContaining({ path: 'ngayQuyetDinh', severity: 'WARNING', code: 'cn.decision_after_registration' })]);
  });

  it('requires the foreign block when the adoption was settled abroad (loaiDangKy 3)', () => {
    const missing = check(withValues({ loaiDangKy: '3' }));
    expect(missing.filter((f) => f.code === 'field.required').map((f) => f.path)).toEqual(['soDangKyNuocNgoai', 'ngayDangKyNuocNgoai', 'cqNuocNgoaiDaDangKy', 'qgNuocNgoaiDaDangKy']);
  });
});
