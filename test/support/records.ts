/** Building test records: a base record with some keys changed or removed (undefined removes). */
export function patchValues<T>(base: Readonly<Record<string, T>>, patch: Readonly<Record<string, T | undefined>>): Record<string, T> {
  const out: Record<string, T> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** A complete, clean KS-70 birth registration: no finding as of 25.11.2026 (test/support/context.ts TEST_NOW). */
export const CLEAN_KS_RECORD: Readonly<Record<string, string>> = {
  so: '15',
  quyenSo: '02/2018',
  trangSo: '55',
  ngayDangKy: '27.10.2008',
  loaiDangKy: '1',
  noiDangKy: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng',
  nksHoTen: 'Phạm Anh Đài',
  nksGioiTinh: '1',
  nksNgaySinh: '01.09.2008',
  nksNoiSinh: 'Bệnh viện Hạnh Phúc, phường Bến Nghé',
  nksDanToc: 'Kinh',
  nksQuocTich: 'Việt Nam',
  nksLoaiKhaiSinh: '1',
  meHoTen: 'Nguyễn Thị Lan',
  meNgaySinh: '10.10.1981',
  meDanToc: 'Kinh',
  meQuocTich: 'Việt Nam',
  chaHoTen: 'Phạm Văn Tú',
  chaNgaySinh: '1979',
  chaDanToc: 'Kinh',
  chaQuocTich: 'Việt Nam',
};
