/**
 * KS — Sổ đăng ký khai sinh. KS-70 is the official MoJ import template
 * (../shared/data/moj-templates/khai-sinh-template-70col.xlsx, sheet "DL Import"):
 * column order and header decorations (trailing spaces, `i=[…]` hints) copied
 * from it. KS-60 is the older layout used by vendor exporters: the same fields
 * without STT, the personal-ID and the *Str columns, with plain headers.
 */
import { codeField, decorateHeaders, field, foreign, header, person, requester } from './blocks.js';
import type { FieldDef, RegisterTemplate } from './field.js';
import { KHAI_SINH_RULES } from './khai-sinh.rules.js';

const G = {
  dangKy: 'dangKy',
  nks: 'nks',
  ghiChuTuyenBo: 'ghiChuTuyenBo',
  me: 'me',
  cha: 'cha',
  nyc: 'nyc',
  nuocNgoai: 'nuocNgoai',
} as const;

const NO_MOTHER = { field: 'nksLoaiKhaiSinh', in: ['2', '4', '5'] } as const;
const NO_FATHER = { field: 'nksLoaiKhaiSinh', in: ['3', '4', '5'] } as const;
const PARENT_PARTS = [
  'SoDinhDanhCaNhan',
  'HoTen',
  'NgaySinh',
  'DanToc',
  'QuocTich',
  'QuocTichStr',
  'QuocTichKhac',
  'QuocTichKhacStr',
  'LoaiCuTru',
  'NoiCuTru',
  'LoaiGiayToTuyThan',
  'SoGiayToTuyThan',
] as const;
const PARENT_REQUIRED = ['HoTen', 'NgaySinh', 'DanToc', 'QuocTich'] as const;

function courtAnnotation(prefix: string, what: string, cancelBasisKey: string): FieldDef[] {
  const g = G.ghiChuTuyenBo;
  return [
    codeField(prefix, `Tuyên bố/hủy tuyên bố ${what}`, 'tuyenBo', g),
    field(`${prefix}NgayGhiChuTuyenBo`, `Ngày ghi chú tuyên bố ${what}`, 'date', g),
    field(`${prefix}CanCuTuyenBo`, `Căn cứ tuyên bố ${what}`, 'text', g),
    field(`${prefix}NgayGhiChuHuyTuyenBo`, `Ngày ghi chú hủy tuyên bố ${what}`, 'date', g),
    field(cancelBasisKey, `Căn cứ hủy tuyên bố ${what}`, 'text', g),
  ];
}

const ks70Fields: FieldDef[] = [
  field('STT', 'Số thứ tự', 'rowNo', G.dangKy, { help: 'Tự đánh số 1..n khi xuất tệp.' }),
  header.so(G.dangKy),
  header.quyenSo(G.dangKy),
  header.trangSo(G.dangKy),
  header.ngayDangKy(G.dangKy),
  header.loaiDangKy(G.dangKy, 'loaiDangKyKhaiSinh'),
  header.authority(G.dangKy),
  header.nguoiKy(G.dangKy),
  header.chucVuNguoiKy(G.dangKy),
  header.nguoiThucHien(G.dangKy),
  header.ghiChu(G.dangKy),
  ...person('nks', G.nks, ['SoDinhDanh', 'HoTen', 'GioiTinh', 'NgaySinh'], { required: ['HoTen', 'GioiTinh', 'NgaySinh'] }),
  field('nksNgaySinhBangChu', 'Ngày sinh bằng chữ', 'dateInWords', G.nks, { wordsOf: 'nksNgaySinh', person: 'nks' }),
  field('nksNoiSinh', 'Nơi sinh', 'place', G.nks, { required: 'always', person: 'nks', help: 'Cơ sở y tế và xã/phường, như ghi trong sổ.' }),
  field('nksNoiSinhDVHC', 'Nơi sinh (đơn vị hành chính)', 'place', G.nks, { person: 'nks' }),
  ...person('nks', G.nks, ['QueQuan', 'DanToc', 'QuocTich', 'QuocTichStr', 'QuocTichKhac', 'QuocTichKhacStr'], {
    required: ['DanToc', 'QuocTich'],
  }),
  codeField('nksLoaiKhaiSinh', 'Loại khai sinh', 'loaiKhaiSinh', G.nks, { required: 'always', person: 'nks' }),
  ...courtAnnotation('nksMatTich', 'mất tích', 'nksMatTichCanCuHuyTuyenBo'),
  ...courtAnnotation('nksHanCheNangLucHanhVi', 'hạn chế năng lực hành vi', 'nksHanCheNangLucHanhViNgayCanCuHuyTuyenBo'),
  ...person('me', G.me, PARENT_PARTS, { required: PARENT_REQUIRED, requirement: { unless: NO_MOTHER }, emptyWhen: NO_MOTHER }),
  ...person('cha', G.cha, PARENT_PARTS, { required: PARENT_REQUIRED, requirement: { unless: NO_FATHER }, emptyWhen: NO_FATHER }),
  ...requester(G.nyc),
  ...foreign(G.nuocNgoai, { field: 'loaiDangKy', in: ['3'] }),
];

const groups = [
  { id: G.dangKy, label: 'Thông tin đăng ký' },
  { id: G.nks, label: 'Người được khai sinh' },
  { id: G.ghiChuTuyenBo, label: 'Ghi chú tuyên bố mất tích, hạn chế năng lực hành vi' },
  { id: G.me, label: 'Mẹ' },
  { id: G.cha, label: 'Cha' },
  { id: G.nyc, label: 'Người đi khai sinh' },
  { id: G.nuocNgoai, label: 'Đăng ký ở nước ngoài' },
] as const;

const persons = [
  { prefix: 'nks', label: 'người được khai sinh' },
  { prefix: 'me', label: 'mẹ', impliedSex: 'female' },
  { prefix: 'cha', label: 'cha', impliedSex: 'male' },
  { prefix: 'nyc', label: 'người đi khai sinh' },
] as const;

export const KHAI_SINH_70: RegisterTemplate = {
  id: 'KS-70',
  registerType: 'KS',
  title: 'Sổ đăng ký khai sinh',
  source: 'Mẫu nhập liệu chính thức của Bộ Tư pháp, 70 cột (sheet "DL Import").',
  groups,
  persons,
  fields: decorateHeaders(ks70Fields, {
    trailingSpace: [
      'so',
      'quyenSo',
      'trangSo',
      'ngayDangKy',
      'loaiDangKy',
      'nksHoTen',
      'nksNgaySinh',
      'nksDanToc',
      'nksQuocTich',
      'meHoTen',
      'meNgaySinh',
      'meDanToc',
      'meQuocTich',
      'meLoaiCuTru',
      'chaHoTen',
      'chaNgaySinh',
      'chaDanToc',
      'chaQuocTich',
      'chaLoaiCuTru',
    ],
    codeHint: ['loaiDangKy', 'nksLoaiKhaiSinh', 'meLoaiGiayToTuyThan', 'chaLoaiGiayToTuyThan'],
  }),
  rules: KHAI_SINH_RULES,
};

const NOT_IN_KS60 = /^(STT|nksSoDinhDanh|meSoDinhDanhCaNhan|chaSoDinhDanhCaNhan|.*QuocTich(Khac)?Str)$/;

export const KHAI_SINH_60: RegisterTemplate = {
  ...KHAI_SINH_70,
  id: 'KS-60',
  source: 'Mẫu cũ 60 cột của phần mềm hộ tịch (chưa có STT, số định danh và các cột *Str).',
  fields: ks70Fields.filter((f) => !NOT_IN_KS60.test(f.key)),
};
