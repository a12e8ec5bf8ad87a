/**
 * TDCC — Sổ đăng ký thay đổi, cải chính, bổ sung hộ tịch, xác định lại dân
 * tộc. PROPOSAL (DOMAIN.md §1.6): no import template was found. The columns
 * follow the paper register page (TT 15/2015) and the field names of the MoJ
 * online form (ntd*, *HSGoc). The change itself is one text column
 * "trường: giá trị cũ → giá trị mới; …" until a structured form is agreed.
 */
import { isBefore } from '../vn/index.js';
import { field, header, person, requester } from './blocks.js';
import type { FieldDef, RecordRule, RegisterTemplate } from './field.js';
import { finding, readDate } from './rule-helpers.js';

const G = { dangKy: 'dangKy', ntd: 'ntd', hsGoc: 'hsGoc', noiDung: 'noiDung', nyc: 'nyc' } as const;

const BY_COURT = { field: 'loaiDangKy', in: ['5'] } as const;

function originalRecord(): FieldDef[] {
  const g = G.hsGoc;
  return [
    field('tenGiayToHoTich', 'Tên giấy tờ hộ tịch được thay đổi', 'text', g, { required: 'always', help: 'Ví dụ "Giấy khai sinh", "Giấy chứng nhận kết hôn".' }),
    field('soDangKyHSGoc', 'Số đăng ký của việc hộ tịch gốc', 'registrationNo', g),
    field('quyenDangKyHSGoc', 'Quyển số của việc hộ tịch gốc', 'text', g),
    field('ngayDangKyHSGoc', 'Ngày đăng ký việc hộ tịch gốc', 'date', g),
    field('noiDangKyHSGoc', 'Nơi đăng ký việc hộ tịch gốc', 'place', g),
  ];
}

function change(): FieldDef[] {
  const g = G.noiDung;
  return [
    field('noiDungThayDoi', 'Nội dung thay đổi, cải chính, bổ sung', 'text', g, {
      required: 'always',
      help: 'Ghi theo dạng "trường: giá trị cũ → giá trị mới", nhiều nội dung cách nhau bằng dấu chấm phẩy, ví dụ "Họ tên: Nguyễn Văn Tý → Nguyễn Văn Tí; Dân tộc: Kinh → Tày". Nội dung bổ sung ghi "Quê quán: (trống) → Nghệ An".',
    }),
    field('canCu', 'Căn cứ', 'text', g, {
      required: { when: BY_COURT },
      help: 'Số, ngày, cơ quan ban hành quyết định hoặc bản án; bắt buộc khi ghi vào sổ theo bản án, quyết định (mã 5).',
    }),
  ];
}

const fields: FieldDef[] = [
  header.so(G.dangKy),
  header.quyenSo(G.dangKy),
  header.trangSo(G.dangKy),
  header.ngayDangKy(G.dangKy),
  header.loaiDangKy(G.dangKy, 'loaiThayDoi'),
  header.authority(G.dangKy),
  header.nguoiKy(G.dangKy),
  header.chucVuNguoiKy(G.dangKy),
  header.nguoiThucHien(G.dangKy),
  header.ghiChu(G.dangKy),
  ...person('ntd', G.ntd, ['HoTen', 'GioiTinh', 'NgaySinh', 'DanToc', 'QuocTich', 'SoDinhDanh', 'LoaiGiayToTuyThan', 'SoGiayToTuyThan', 'NoiCuTru'], {
    required: ['HoTen', 'NgaySinh'],
  }),
  ...originalRecord(),
  ...change(),
  ...requester(G.nyc),
];

const originalBeforeChange: RecordRule = {
  id: 'tdcc.original_before_change',
  description: 'Việc hộ tịch gốc phải được đăng ký trước ngày đăng ký thay đổi, cải chính.',
  check({ values }) {
    const original = readDate(values, 'ngayDangKyHSGoc');
    const reg = readDate(values, 'ngayDangKy');
    if (!original || !reg || isBefore(reg, original) !== true) return [];
    return [finding('ngayDangKyHSGoc', 'ERROR', 'tdcc.original_after_change', 'Ngày đăng ký việc hộ tịch gốc sau ngày đăng ký thay đổi, cải chính.')];
  },
};

/** "trường: cũ → mới" (also accepts "->" and "thành"). */
const CHANGE_ITEM = /^[^:]+:.*(→|->|\bthành\b)/u;

const changeFormat: RecordRule = {
  id: 'tdcc.change_format',
  description: 'Mỗi nội dung thay đổi nên ghi theo dạng "trường: giá trị cũ → giá trị mới", cách nhau bằng dấu chấm phẩy (chỉ cảnh báo).',
  check({ values }) {
    const text = values.noiDungThayDoi;
    if (!text) return [];
    const bad = text
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '' && !CHANGE_ITEM.test(s));
    if (bad.length === 0) return [];
    return [finding('noiDungThayDoi', 'WARNING', 'tdcc.change_format', `Nội dung "${bad[0]}" chưa theo dạng "trường: giá trị cũ → giá trị mới".`)];
  },
};

export const THAY_DOI_HO_TICH: RegisterTemplate = {
  id: 'TDCC-P1',
  registerType: 'TDCC',
  title: 'Sổ đăng ký thay đổi, cải chính, bổ sung hộ tịch, xác định lại dân tộc',
  source:
    'Đề xuất của dự án (chưa tìm thấy mẫu nhập liệu): các cột theo trang sổ giấy (Thông tư 15/2015) và tên trường trên biểu mẫu trực tuyến của Bộ Tư pháp; độ tin cậy thấp, cần đối chiếu với mẫu do Sở Tư pháp cung cấp.',
  groups: [
    { id: G.dangKy, label: 'Thông tin đăng ký' },
    { id: G.ntd, label: 'Người được thay đổi, cải chính, bổ sung' },
    { id: G.hsGoc, label: 'Giấy tờ, việc hộ tịch gốc' },
    { id: G.noiDung, label: 'Nội dung thay đổi và căn cứ' },
    { id: G.nyc, label: 'Người yêu cầu' },
  ],
  persons: [
    { prefix: 'ntd', label: 'người được thay đổi' },
    { prefix: 'nyc', label: 'người yêu cầu' },
  ],
  fields,
  rules: [originalBeforeChange, changeFormat],
};
