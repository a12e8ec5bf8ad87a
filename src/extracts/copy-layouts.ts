/**
 * What each certified copy prints, line by line, as data over the register
 * catalog's field keys (EXTRACTS-LINKAGE.md §1.3): the title, the number
 * suffix, the source book's name and the body. A line holds one or more
 * "label: value" parts; a part reads one field, formatted (name in capitals,
 * date in figures, date in figures and in words, year only, code label).
 * The copy reproduces the book as written — historical place names, parents'
 * years of birth only — so nothing here looks anything up beyond the code
 * lists. Types without a layout cannot be certified yet (the refusal says so).
 */
import type { RegisterType } from '../registers/index.js';

export type PartFormat = 'text' | 'upper' | 'date' | 'dateAndWords' | 'year' | 'code';

export interface LinePart {
  label: string;
  key: string;
  format?: PartFormat;
}

export interface CopyLayout {
  registerType: RegisterType;
  /** Printed title, with "(BẢN SAO)" under it. */
  title: string;
  /** Number suffix without the year: GKS-BS → "12/2026/GKS-BS". */
  suffix: string;
  /** "Sao từ <sourceBook>". */
  sourceBook: string;
  body: LinePart[][];
}

const personLines = (p: string, who: string, withSex = false): LinePart[][] => [
  [{ label: `Họ, chữ đệm, tên${who}`, key: `${p}HoTen`, format: 'upper' }],
  [{ label: 'Ngày, tháng, năm sinh', key: `${p}NgaySinh`, format: 'date' }],
  [...(withSex ? [{ label: 'Giới tính', key: `${p}GioiTinh`, format: 'code' as const }] : []), { label: 'Dân tộc', key: `${p}DanToc` }, { label: 'Quốc tịch', key: `${p}QuocTich` }],
  [{ label: 'Nơi cư trú', key: `${p}NoiCuTru` }],
  [{ label: 'Giấy tờ tùy thân', key: `${p}SoGiayToTuyThan` }],
];

const parentLine = (p: string, who: string): LinePart[][] => [
  [
    { label: `Họ, chữ đệm, tên người ${who}`, key: `${p}HoTen`, format: 'upper' },
    { label: 'Năm sinh', key: `${p}NgaySinh`, format: 'year' },
  ],
  [
    { label: 'Dân tộc', key: `${p}DanToc` },
    { label: 'Quốc tịch', key: `${p}QuocTich` },
    { label: 'Nơi cư trú', key: `${p}NoiCuTru` },
  ],
];

const registered = (what: string): LinePart[][] => [
  [{ label: `${what}`, key: 'noiDangKy' }],
  [{ label: 'Ngày, tháng, năm đăng ký', key: 'ngayDangKy', format: 'date' }],
  [{ label: 'Ghi chú', key: 'ghiChu' }],
];

export const COPY_LAYOUTS: Partial<Record<RegisterType, CopyLayout>> = {
  KS: {
    registerType: 'KS',
    title: 'GIẤY KHAI SINH',
    suffix: 'GKS-BS',
    sourceBook: 'Sổ đăng ký khai sinh',
    body: [
      [{ label: 'Họ, chữ đệm, tên', key: 'nksHoTen', format: 'upper' }],
      [{ label: 'Ngày, tháng, năm sinh', key: 'nksNgaySinh', format: 'dateAndWords' }],
      [
        { label: 'Giới tính', key: 'nksGioiTinh', format: 'code' },
        { label: 'Dân tộc', key: 'nksDanToc' },
        { label: 'Quốc tịch', key: 'nksQuocTich' },
      ],
      [{ label: 'Nơi sinh', key: 'nksNoiSinh' }],
      [{ label: 'Quê quán', key: 'nksQueQuan' }],
      [{ label: 'Số định danh cá nhân', key: 'nksSoDinhDanh' }],
      ...parentLine('me', 'mẹ'),
      ...parentLine('cha', 'cha'),
      [
        { label: 'Họ, chữ đệm, tên người đi khai sinh', key: 'nycHoTen', format: 'upper' },
        { label: 'Giấy tờ tùy thân', key: 'nycSoGiayToTuyThan' },
      ],
      ...registered('Nơi đăng ký khai sinh'),
    ],
  },
  KT: {
    registerType: 'KT',
    title: 'TRÍCH LỤC KHAI TỬ',
    suffix: 'TLKT-BS',
    sourceBook: 'Sổ đăng ký khai tử',
    body: [
      [{ label: 'Họ, chữ đệm, tên', key: 'nktHoTen', format: 'upper' }],
      [{ label: 'Ngày, tháng, năm sinh', key: 'nktNgaySinh', format: 'date' }],
      [
        { label: 'Giới tính', key: 'nktGioiTinh', format: 'code' },
        { label: 'Dân tộc', key: 'nktDanToc' },
        { label: 'Quốc tịch', key: 'nktQuocTich' },
      ],
      [{ label: 'Giấy tờ tùy thân', key: 'nktSoGiayToTuyThan' }],
      [
        { label: 'Đã chết vào lúc', key: 'nktGioPhutChet' },
        { label: 'ngày', key: 'nktNgayChet', format: 'dateAndWords' },
      ],
      [{ label: 'Nơi chết', key: 'nktNoiChet' }],
      [{ label: 'Nguyên nhân chết', key: 'nktNguyenNhanChet' }],
      ...registered('Đã được đăng ký khai tử tại'),
    ],
  },
  KH: {
    registerType: 'KH',
    title: 'TRÍCH LỤC KẾT HÔN',
    suffix: 'TLKH-BS',
    sourceBook: 'Sổ đăng ký kết hôn',
    body: [...personLines('vo', ' người vợ'), ...personLines('chong', ' người chồng'), ...registered('Đăng ký kết hôn tại')],
  },
  CMC: {
    registerType: 'CMC',
    title: 'TRÍCH LỤC ĐĂNG KÝ NHẬN CHA, MẸ, CON',
    suffix: 'TLCMC-BS',
    sourceBook: 'Sổ đăng ký nhận cha, mẹ, con',
    body: [...personLines('cm', ' người nhận'), ...personLines('nc', ' người được nhận'), ...registered('Đăng ký tại')],
  },
};

export function findCopyLayout(registerType: string): CopyLayout | undefined {
  return COPY_LAYOUTS[registerType as RegisterType];
}
