/**
 * What each certified copy prints, line by line, as data over the register
 * catalog's field keys (EXTRACTS-LINKAGE.md §1.3): the title, the number
 * suffix, the source book's name and the body. A line holds one or more
 * "label: value" parts; a part reads one field, formatted (name in capitals,
 * date in figures, date in figures and in words, year only, code label).
 * The copy reproduces the book as written — historical place names, parents'
 * years of birth only — so nothing here looks anything up beyond the code
 * lists. A layout may have variants chosen by a coded field (giám hộ /
 * chấm dứt giám hộ; ly hôn / hủy kết hôn / việc khác; nuôi con nuôi in the
 * country / recorded from abroad); a line whose parts are all `optional`
 * and empty is left out (a second guardian, an adoptive mother).
 * Every register type of the catalog has a layout, or a stated reason why
 * the law gives no copy of it (NO_COPY: the Giấy xác nhận tình trạng hôn
 * nhân is issued anew, never copied). Sources: EXTRACTS-LINKAGE.md §1.2
 * (the portal's list of copy types) and §1.3 (TT 15/2015-era suffixes TLGH,
 * TLCDGH, TLCMC); the suffixes TLNCN, TLGCNCN, TLTDCC, TLGCLH, TLGCHKH,
 * TLGCHTK and the TĐCC title are inferred [I]: no current specimen was found.
 */
import type { RegisterType } from '../registers/index.js';

export type PartFormat = 'text' | 'upper' | 'date' | 'dateAndWords' | 'year' | 'code';

export interface LinePart {
  label: string;
  key: string;
  format?: PartFormat;
  /** A line whose parts are all optional and empty is not printed. */
  optional?: boolean;
}

export interface LayoutVariant {
  /** The variant applies when this coded field holds one of these codes. */
  when: { key: string; in: readonly string[] };
  title: string;
  suffix: string;
  body?: LinePart[][];
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
  variants?: readonly LayoutVariant[];
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

/** A person block of the later registers: name, birth, sex/ethnicity/nationality, residence, identity document. */
const block = (p: string, who: string, opts: { optional?: boolean; sex?: boolean; ethnicity?: boolean; idDoc?: boolean } = {}): LinePart[][] => {
  const o = opts.optional ? { optional: true } : {};
  return [
    [{ label: `Họ, chữ đệm, tên${who}`, key: `${p}HoTen`, format: 'upper', ...o }],
    [{ label: 'Ngày, tháng, năm sinh', key: `${p}NgaySinh`, format: 'date', ...o }],
    [
      ...(opts.sex === false ? [] : [{ label: 'Giới tính', key: `${p}GioiTinh`, format: 'code' as const, ...o }]),
      ...(opts.ethnicity === false ? [] : [{ label: 'Dân tộc', key: `${p}DanToc`, ...o }]),
      { label: 'Quốc tịch', key: `${p}QuocTich`, ...o },
    ],
    [{ label: 'Nơi cư trú', key: `${p}NoiCuTru`, ...o }],
    ...(opts.idDoc === false ? [] : [[{ label: 'Giấy tờ tùy thân', key: `${p}SoGiayToTuyThan`, optional: true }]]),
  ];
};

const guardianship = (where: string): LinePart[][] => [
  [{ label: 'Loại giám hộ', key: 'loaiGiamHo', format: 'code' }],
  ...block('ngh1', ' người giám hộ'),
  ...block('ngh2', ' người giám hộ thứ hai', { optional: true }),
  ...block('ndgh', ' người được giám hộ'),
  [{ label: 'Căn cứ', key: 'canCu', optional: true }],
  [{ label: 'Lý do chấm dứt giám hộ', key: 'lyDoChamDut', optional: true }],
  ...registered(where),
];

const adoption = (where: string): LinePart[][] => [
  ...block('chaNuoi', ' người cha nuôi', { optional: true, sex: false }),
  ...block('meNuoi', ' người mẹ nuôi', { optional: true, sex: false }),
  ...block('conNuoi', ' người con nuôi', { idDoc: false }),
  [
    { label: 'Người giao hoặc cơ sở nuôi dưỡng', key: 'nguoiGiaoHoTen', optional: true },
    { label: 'Địa chỉ', key: 'nguoiGiaoNoiCuTru', optional: true },
  ],
  [
    { label: 'Quyết định số', key: 'quyetDinhSo', optional: true },
    { label: 'ngày', key: 'ngayQuyetDinh', format: 'date', optional: true },
  ],
  [
    { label: 'Số đăng ký ở nước ngoài', key: 'soDangKyNuocNgoai', optional: true },
    { label: 'ngày', key: 'ngayDangKyNuocNgoai', format: 'date', optional: true },
    { label: 'Cơ quan đã đăng ký', key: 'cqNuocNgoaiDaDangKy', optional: true },
  ],
  ...registered(where),
];

/** Ghi chú of a matter settled abroad: the spouses, the foreign judgment, the marriage it ends. */
const abroad = (where: string): LinePart[][] => [
  [{ label: 'Loại việc', key: 'loaiViec', format: 'code' }],
  ...block('chong', ' người chồng', { optional: true, sex: false, ethnicity: false }),
  ...block('vo', ' người vợ', { optional: true, sex: false, ethnicity: false }),
  [
    { label: 'Bản án, quyết định số', key: 'soBanAnQuyetDinh' },
    { label: 'ngày', key: 'ngayBanAn', format: 'date' },
  ],
  [
    { label: 'Cơ quan đã giải quyết', key: 'coQuanGiaiQuyet' },
    { label: 'Quốc gia', key: 'quocGia' },
  ],
  [
    { label: 'Việc kết hôn đã đăng ký: số', key: 'soDangKyKetHon', optional: true },
    { label: 'ngày', key: 'ngayDangKyKetHon', format: 'date', optional: true },
    { label: 'tại', key: 'noiDangKyKetHon', optional: true },
  ],
  ...registered(where),
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
  GH: {
    registerType: 'GH',
    title: 'TRÍCH LỤC ĐĂNG KÝ GIÁM HỘ',
    suffix: 'TLGH-BS',
    sourceBook: 'Sổ đăng ký giám hộ',
    body: guardianship('Đăng ký giám hộ tại'),
    variants: [
      { when: { key: 'loaiDangKy', in: ['2'] }, title: 'TRÍCH LỤC ĐĂNG KÝ CHẤM DỨT GIÁM HỘ', suffix: 'TLCDGH-BS', body: guardianship('Đã đăng ký chấm dứt giám hộ tại') },
      { when: { key: 'loaiDangKy', in: ['3'] }, title: 'TRÍCH LỤC ĐĂNG KÝ THAY ĐỔI GIÁM HỘ', suffix: 'TLTDGH-BS', body: guardianship('Đã đăng ký thay đổi giám hộ tại') },
    ],
  },
  CN: {
    registerType: 'CN',
    title: 'TRÍCH LỤC ĐĂNG KÝ NUÔI CON NUÔI',
    suffix: 'TLNCN-BS',
    sourceBook: 'Sổ đăng ký nuôi con nuôi',
    body: adoption('Đăng ký nuôi con nuôi tại'),
    variants: [
      { when: { key: 'loaiDangKy', in: ['3'] }, title: 'TRÍCH LỤC GHI VÀO SỔ HỘ TỊCH VIỆC NUÔI CON NUÔI', suffix: 'TLGCNCN-BS', body: adoption('Đã ghi vào sổ hộ tịch việc nuôi con nuôi tại') },
    ],
  },
  TDCC: {
    registerType: 'TDCC',
    title: 'TRÍCH LỤC THAY ĐỔI, CẢI CHÍNH HỘ TỊCH, XÁC ĐỊNH LẠI DÂN TỘC, BỔ SUNG THÔNG TIN HỘ TỊCH',
    suffix: 'TLTDCC-BS',
    sourceBook: 'Sổ đăng ký thay đổi, cải chính, bổ sung hộ tịch, xác định lại dân tộc',
    body: [
      [{ label: 'Đã đăng ký việc', key: 'loaiDangKy', format: 'code' }],
      [{ label: 'Họ, chữ đệm, tên người được thay đổi, cải chính', key: 'ntdHoTen', format: 'upper' }],
      [{ label: 'Ngày, tháng, năm sinh', key: 'ntdNgaySinh', format: 'date' }],
      [
        { label: 'Giới tính', key: 'ntdGioiTinh', format: 'code' },
        { label: 'Dân tộc', key: 'ntdDanToc' },
        { label: 'Quốc tịch', key: 'ntdQuocTich' },
      ],
      [{ label: 'Số định danh cá nhân', key: 'ntdSoDinhDanh', optional: true }],
      [{ label: 'Giấy tờ tùy thân', key: 'ntdSoGiayToTuyThan', optional: true }],
      [{ label: 'Nơi cư trú', key: 'ntdNoiCuTru' }],
      [{ label: 'Giấy tờ hộ tịch được thay đổi, cải chính', key: 'tenGiayToHoTich' }],
      [
        { label: 'Số đăng ký', key: 'soDangKyHSGoc', optional: true },
        { label: 'Quyển số', key: 'quyenDangKyHSGoc', optional: true },
        { label: 'ngày', key: 'ngayDangKyHSGoc', format: 'date', optional: true },
      ],
      [{ label: 'Nơi đăng ký việc hộ tịch gốc', key: 'noiDangKyHSGoc', optional: true }],
      [{ label: 'Nội dung', key: 'noiDungThayDoi' }],
      [{ label: 'Căn cứ', key: 'canCu', optional: true }],
      ...registered('Đăng ký tại'),
    ],
  },
  GC: {
    registerType: 'GC',
    title: 'TRÍCH LỤC GHI CHÚ LY HÔN',
    suffix: 'TLGCLH-BS',
    sourceBook: 'Sổ ghi chú ly hôn, hủy việc kết hôn và việc hộ tịch khác',
    body: abroad('Đã ghi vào sổ việc ly hôn tại'),
    variants: [
      { when: { key: 'loaiViec', in: ['2'] }, title: 'TRÍCH LỤC GHI CHÚ HỦY VIỆC KẾT HÔN', suffix: 'TLGCHKH-BS', body: abroad('Đã ghi vào sổ việc hủy kết hôn tại') },
      { when: { key: 'loaiViec', in: ['3'] }, title: 'TRÍCH LỤC GHI VÀO SỔ HỘ TỊCH VIỆC HỘ TỊCH KHÁC', suffix: 'TLGCHTK-BS', body: abroad('Đã ghi vào sổ hộ tịch tại') },
    ],
  },
};

/**
 * Register types the law gives no certified copy of, with the reason shown
 * on refusal. A Giấy xác nhận tình trạng hôn nhân states a status at a date
 * and is valid six months: it is not among the copy types of procedure
 * 2.000635 (EXTRACTS-LINKAGE.md §1.2); a new one is asked for instead.
 */
export const NO_COPY: Partial<Record<RegisterType, string>> = {
  HN: 'Sổ cấp Giấy xác nhận tình trạng hôn nhân không cấp bản sao trích lục: Giấy xác nhận chỉ có giá trị 6 tháng, người yêu cầu làm thủ tục cấp Giấy xác nhận tình trạng hôn nhân mới.',
};

/** The layout of a register type, its variant chosen by the record's (canonical) values. */
export function findCopyLayout(registerType: string, values: Readonly<Record<string, string>> = {}): CopyLayout | undefined {
  const base = COPY_LAYOUTS[registerType as RegisterType];
  const variant = base?.variants?.find((v) => v.when.in.includes(values[v.when.key] ?? ''));
  if (!base || !variant) return base;
  return { ...base, title: variant.title, suffix: variant.suffix, body: variant.body ?? base.body };
}
