import { describe, expect, it } from 'vitest';
import { patchValues } from '../../test/support/records.js';
import { headerRow, validateRecord, type Finding } from './index.js';
import { KHAI_TU } from './khai-tu.js';
import { dateInWords, parsePartialDate } from '../vn/index.js';

const today = new Date('2026-11-25');
const check = (values: Record<string, string>): Finding[] => validateRecord('KT', values, { today });
const codes = (fs: Finding[], severity?: Finding['severity']): string[] => fs.filter((f) => !severity || f.severity === severity).map((f) => f.code);

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
  'nktHoTen',
  'nktGioiTinh',
  'nktNgaySinh',
  'nktDanToc',
  'nktQuocTich',
  'nktQuocTichKhac',
  'nktLoaiCuTru',
  'nktNoiCuTru',
  'nktLoaiGiayToTuyThan',
  'nktGiayToKhac',
  'nktSoGiayToTuyThan',
  'nktNgayCapGiayToTuyThan',
  'nktNoiCapGiayToTuyThan',
  'nktNgayChet',
  'nktNgayChetGhiBangChu',
  'nktGioPhutChet',
  'nktNoiChet',
  'nktNguyenNhanChet',
  'nktTinhTrangTuyenBoViecChet',
  'nktNgayGhiChuTuyenBoViecChet',
  'nktCanCuTuyenBoViecChet',
  'nktNgayGhiChuHuyTuyenBoViecChet',
  'nktCanCuHuyTuyenBoViecChet',
  'gbtLoai',
  'gbtSo',
  'gbtNgay',
  'gbtCoQuanCap',
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

/** Died 01.03.2019, registered 10.03.2019 (9 days: on time), born in 1940 (year only). */
const BASE: Readonly<Record<string, string>> = {
  so: '12',
  quyenSo: '01/2019',
  trangSo: '7',
  ngayDangKy: '10.03.2019',
  loaiDangKy: '1',
  noiDangKy: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng',
  nktHoTen: 'Nguyễn Văn An',
  nktGioiTinh: '1',
  nktNgaySinh: '1940',
  nktDanToc: 'Kinh',
  nktQuocTich: 'Việt Nam',
  nktNgayChet: '01.03.2019',
  nktNoiChet: 'Bệnh viện Đa khoa tỉnh Lâm Đồng',
};
const withValues = (patch: Record<string, string | undefined>): Record<string, string> => patchValues(BASE, patch);

describe('KT-48 khai tử', () => {
  it('derives the 48-column vendor header row', () => {
    expect(KHAI_TU.id).toBe('KT-48');
    expect(headerRow(KHAI_TU)).toEqual(EXPECTED_HEADER);
    expect(EXPECTED_HEADER).toHaveLength(48);
  });

  it('accepts a minimal record (birth year only) without findings', () => {
    expect(check(BASE)).toEqual([]);
  });

  it('reports each missing required field', () => {
    for (const key of ['so', 'loaiDangKy', 'noiDangKy', 'nktHoTen', 'nktGioiTinh', 'nktNgaySinh', 'nktDanToc', 'nktQuocTich', 'nktNgayChet', 'nktNoiChet']) {
      const found = check(withValues({ [key]: undefined }));
      expect(
        found.filter((f) => f.code === 'field.required').map((f) => f.path),
        key,
      ).toEqual([key]);
    }
  });

  it('kt.death_after_birth: death before birth is an ERROR', () => {
    expect(codes(check(withValues({ nktNgaySinh: '01.03.2019' })))).not.toContain('kt.death_before_birth');
    const found = check(withValues({ nktNgaySinh: '05.03.2019' }));
    expect(found).toContainEqual(expect.objectContaining({ path: 'nktNgayChet', severity: 'ERROR', code: 'kt.death_before_birth' }));
  });

  it('kt.death_before_registration: death after registration is an ERROR', () => {
    expect(codes(check(withValues({ nktNgayChet: '10.03.2019' })))).not.toContain('kt.death_after_registration');
    const found = check(withValues({ nktNgayChet: '15.03.2019' }));
    expect(found).toContainEqual(expect.objectContaining({ path: 'nktNgayChet', severity: 'ERROR', code: 'kt.death_after_registration' }));
  });

  it('kt.registration_deadline: "đúng hạn" within 15 days, "quá hạn" after (WARNING)', () => {
    expect(check(withValues({ ngayDangKy: '16.03.2019' }))).toEqual([]);
    const late = check(withValues({ ngayDangKy: '20.03.2019' }));
    expect(late).toEqual([expect.objectContaining({ path: 'loaiDangKy', severity: 'WARNING', code: 'kt.on_time_but_late' })]);
    expect(check(withValues({ loaiDangKy: '4', ngayDangKy: '20.03.2019' }))).toEqual([]);
    const notLate = check(withValues({ loaiDangKy: '4' }));
    expect(notLate).toEqual([expect.objectContaining({ path: 'loaiDangKy', severity: 'WARNING', code: 'kt.late_but_on_time' })]);
  });

  it('kt.death_notice_date: the notice lies between death and registration (WARNING)', () => {
    expect(check(withValues({ gbtLoai: '1', gbtNgay: '02.03.2019' }))).toEqual([]);
    expect(codes(check(withValues({ gbtNgay: '28.02.2019' })), 'WARNING')).toEqual(['kt.notice_before_death']);
    expect(codes(check(withValues({ gbtNgay: '11.03.2019' })), 'WARNING')).toEqual(['kt.notice_after_registration']);
  });

  it('requires the foreign block when loaiDangKy is 3', () => {
    const missing = check(withValues({ loaiDangKy: '3' }));
    expect(missing.filter((f) => f.code === 'field.required').map((f) => f.path)).toEqual(['soDangKyNuocNgoai', 'ngayDangKyNuocNgoai', 'cqNuocNgoaiDaDangKy', 'qgNuocNgoaiDaDangKy']);
    const filled = withValues({
      loaiDangKy: '3',
      soDangKyNuocNgoai: '25',
      ngayDangKyNuocNgoai: '05.03.2019',
      cqNuocNgoaiDaDangKy: 'Tòa thị chính Lyon',
      qgNuocNgoaiDaDangKy: 'Pháp',
    });
    expect(codes(check(filled), 'ERROR')).toEqual([]);
  });

  it('checks the death date in words against nktNgayChet', () => {
    const parsed = parsePartialDate('01.03.2019');
    if (!parsed.ok) throw new Error('test date');
    expect(check(withValues({ nktNgayChetGhiBangChu: dateInWords(parsed.date) }))).toEqual([]);
    const wrong = check(withValues({ nktNgayChetGhiBangChu: 'Ngày hai tháng ba năm hai nghìn không trăm mười chín' }));
    expect(wrong).toEqual([expect.objectContaining({ path: 'nktNgayChetGhiBangChu', code: 'date_words.mismatch' })]);
  });

  it('checks the death time and rejects an unknown code', () => {
    expect(check(withValues({ nktGioPhutChet: '14 giờ 30 phút' }))).toEqual([]);
    expect(codes(check(withValues({ nktGioPhutChet: '25:70' })))).toEqual(['time.format']);
    expect(codes(check(withValues({ gbtLoai: '9' })))).toEqual(['code.invalid']);
  });
});
