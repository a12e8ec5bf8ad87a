/**
 * The ruled columns of the demo's register pages, one layout per register
 * type, in the spirit of the printed books: a column header (printed) and
 * the lines an officer wrote in it, taken from the registration's values.
 * Widths are relative; the renderer shares the table width among them.
 */
import { codeLabel } from '../registers/index.js';
import type { DemoRegisterType } from './demo-truth.js';
import type { Values } from './record-common.js';

export interface PageColumn {
  title: string;
  width: number;
  cell(v: Values): string[];
}

const col = (title: string, width: number, cell: (v: Values) => (string | undefined | false)[]): PageColumn => ({
  title,
  width,
  cell: (v) => cell(v).filter((line): line is string => typeof line === 'string' && line !== ''),
});

const sex = (code: string | undefined) => (code ? codeLabel('gioiTinh', code) : undefined);
const labelled = (label: string, value: string | undefined) => value && `${label}: ${value}`;
const born = (date: string | undefined) => date && `${date.length > 4 ? 'Sinh ngày' : 'Sinh năm'}: ${date}`;
const idCard = (v: Values, prefix: string) => v[`${prefix}SoGiayToTuyThan`] && `CMND số ${v[`${prefix}SoGiayToTuyThan`]}`;

function parent(prefix: 'me' | 'cha'): (v: Values) => (string | undefined)[] {
  return (v) => [
    v[`${prefix}HoTen`],
    born(v[`${prefix}NgaySinh`]),
    labelled('Dân tộc', v[`${prefix}DanToc`]),
    labelled('Quốc tịch', v[`${prefix}QuocTich`]),
    labelled('Cư trú', v[`${prefix}NoiCuTru`]),
    idCard(v, prefix),
  ];
}

function signature(v: Values): (string | undefined | false)[] {
  const late = v.loaiDangKy === '4' && 'Đăng ký quá hạn';
  return [late, v.ghiChu, labelled(v.chucVuNguoiKy ?? 'Người ký', v.nguoiKy), labelled('Cán bộ tư pháp', v.nguoiThucHien)];
}

const head = [col('Số', 55, (v) => [v.so]), col('Ngày, tháng, năm đăng ký', 125, (v) => [v.ngayDangKy])];

const KHAI_SINH: PageColumn[] = [
  ...head,
  col('Họ và tên người được khai sinh', 250, (v) => [v.nksHoTen, labelled('Giới tính', sex(v.nksGioiTinh))]),
  col('Ngày, tháng, năm sinh', 230, (v) => [v.nksNgaySinh, v.nksNgaySinhBangChu && `(${v.nksNgaySinhBangChu})`]),
  col('Nơi sinh', 210, (v) => [v.nksNoiSinh, v.nksNoiSinhDVHC]),
  col('Dân tộc, quốc tịch, quê quán', 230, (v) => [labelled('Dân tộc', v.nksDanToc), labelled('Quốc tịch', v.nksQuocTich), labelled('Quê quán', v.nksQueQuan)]),
  col('Họ tên, năm sinh, dân tộc, quốc tịch, nơi cư trú của mẹ', 270, parent('me')),
  col('Họ tên, năm sinh, dân tộc, quốc tịch, nơi cư trú của cha', 270, parent('cha')),
  col('Người đi khai sinh', 200, (v) => [v.nycHoTen, labelled('Quan hệ', v.nycQuanHe), idCard(v, 'nyc')]),
  col('Ghi chú, người ký, người thực hiện', 240, signature),
];

const KHAI_TU: PageColumn[] = [
  ...head,
  col('Họ và tên người chết', 200, (v) => [v.nktHoTen, labelled('Giới tính', sex(v.nktGioiTinh))]),
  col('Ngày sinh, dân tộc, quốc tịch', 190, (v) => [v.nktNgaySinh, labelled('Dân tộc', v.nktDanToc), labelled('Quốc tịch', v.nktQuocTich)]),
  col('Nơi cư trú cuối cùng, giấy tờ tùy thân', 240, (v) => [v.nktNoiCuTru, idCard(v, 'nkt'), labelled('Cấp ngày', v.nktNgayCapGiayToTuyThan), v.nktNoiCapGiayToTuyThan]),
  col('Giờ, ngày, tháng, năm chết', 250, (v) => [v.nktGioPhutChet, v.nktNgayChet, v.nktNgayChetGhiBangChu && `(${v.nktNgayChetGhiBangChu})`]),
  col('Nơi chết', 210, (v) => [v.nktNoiChet]),
  col('Nguyên nhân chết', 150, (v) => [v.nktNguyenNhanChet]),
  col('Giấy báo tử', 200, (v) => [labelled('Số', v.gbtSo), labelled('Ngày', v.gbtNgay), v.gbtCoQuanCap]),
  col('Người đi khai tử', 180, (v) => [v.nycHoTen, labelled('Quan hệ', v.nycQuanHe)]),
  col('Ghi chú, người ký, người thực hiện', 240, signature),
];

function spouse(prefix: 'chong' | 'vo'): (v: Values) => (string | undefined)[] {
  return (v) => [v[`${prefix}HoTen`], labelled('Ngày sinh', v[`${prefix}NgaySinh`]), labelled('Dân tộc', v[`${prefix}DanToc`]), labelled('Quốc tịch', v[`${prefix}QuocTich`])];
}

function spousePapers(prefix: 'chong' | 'vo'): (v: Values) => (string | undefined)[] {
  return (v) => [v[`${prefix}NoiCuTru`], idCard(v, prefix), labelled('Cấp ngày', v[`${prefix}NgayCapGiayToTuyThan`]), v[`${prefix}NoiCapGiayToTuyThan`]];
}

const KET_HON: PageColumn[] = [
  ...head,
  col('Họ và tên, ngày sinh, dân tộc, quốc tịch của chồng', 300, spouse('chong')),
  col('Nơi cư trú, giấy tờ tùy thân của chồng', 300, spousePapers('chong')),
  col('Họ và tên, ngày sinh, dân tộc, quốc tịch của vợ', 300, spouse('vo')),
  col('Nơi cư trú, giấy tờ tùy thân của vợ', 300, spousePapers('vo')),
  col('Chữ ký của chồng', 140, () => []),
  col('Chữ ký của vợ', 140, () => []),
  col('Ghi chú, người ký, người thực hiện', 260, signature),
];

export const PAGE_COLUMNS: Record<DemoRegisterType, readonly PageColumn[]> = { KS: KHAI_SINH, KT: KHAI_TU, KH: KET_HON };

export const PAGE_TITLES: Record<DemoRegisterType, string> = { KS: 'SỔ ĐĂNG KÝ KHAI SINH', KT: 'SỔ ĐĂNG KÝ KHAI TỬ', KH: 'SỔ ĐĂNG KÝ KẾT HÔN' };
