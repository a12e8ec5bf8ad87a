/**
 * GC — Sổ ghi chú ly hôn, hủy việc kết hôn và việc hộ tịch khác đã giải quyết
 * ở nước ngoài (Luật Hộ tịch Art. 3.3, 48–50). PROPOSAL (DOMAIN.md §1.8): no
 * import template was found; keys in the MoJ camelCase style. The kind of
 * entry (loaiViec) takes the place of loaiDangKy in the header block.
 */
import { isBefore } from '../vn/index.js';
import { codeField, field, header, ID_DOC_PARTS, person, requester } from './blocks.js';
import type { FieldDef, RecordRule, RegisterTemplate } from './field.js';
import { finding, readDate } from './rule-helpers.js';

const G = { dangKy: 'dangKy', chong: 'chong', vo: 'vo', banAn: 'banAn', ketHon: 'ketHon', nyc: 'nyc' } as const;

const SPOUSE_PARTS = ['HoTen', 'NgaySinh', 'QuocTich', 'NoiCuTru', ...ID_DOC_PARTS] as const;
const OTHER_MATTER = { field: 'loaiViec', in: ['3'] } as const;

function judgment(): FieldDef[] {
  const g = G.banAn;
  return [
    field('soBanAnQuyetDinh', 'Số bản án, quyết định', 'text', g, { required: 'always', help: 'Số bản án, quyết định hoặc giấy tờ của cơ quan nước ngoài, như ghi trong sổ.' }),
    field('ngayBanAn', 'Ngày bản án, quyết định', 'date', g, { required: 'always' }),
    field('coQuanGiaiQuyet', 'Cơ quan đã giải quyết', 'text', g, { required: 'always', help: 'Tòa án hoặc cơ quan có thẩm quyền của nước ngoài.' }),
    field('quocGia', 'Quốc gia nơi đã giải quyết', 'nationality', g, { required: 'always' }),
  ];
}

function marriageReference(): FieldDef[] {
  const g = G.ketHon;
  const help = 'Chỉ ghi khi việc kết hôn đã được đăng ký tại Việt Nam.';
  return [
    field('soDangKyKetHon', 'Số đăng ký kết hôn', 'registrationNo', g, { help }),
    field('ngayDangKyKetHon', 'Ngày đăng ký kết hôn', 'date', g, { help }),
    field('noiDangKyKetHon', 'Nơi đăng ký kết hôn', 'place', g, { help }),
  ];
}

const fields: FieldDef[] = [
  header.so(G.dangKy),
  header.quyenSo(G.dangKy),
  header.trangSo(G.dangKy),
  header.ngayDangKy(G.dangKy),
  codeField('loaiViec', 'Loại việc ghi chú', 'loaiViecGhiChu', G.dangKy, { required: 'always' }),
  header.authority(G.dangKy),
  header.nguoiKy(G.dangKy),
  header.chucVuNguoiKy(G.dangKy),
  header.nguoiThucHien(G.dangKy),
  header.ghiChu(G.dangKy),
  ...person('chong', G.chong, SPOUSE_PARTS, { required: ['HoTen'], requirement: { unless: OTHER_MATTER } }),
  ...person('vo', G.vo, SPOUSE_PARTS, { required: ['HoTen'], requirement: { unless: OTHER_MATTER } }),
  ...judgment(),
  ...marriageReference(),
  ...requester(G.nyc),
];

const judgmentBeforeRegistration: RecordRule = {
  id: 'gc.judgment_before_registration',
  description: 'Bản án, quyết định của nước ngoài phải có trước ngày ghi vào sổ.',
  check({ values }) {
    const judged = readDate(values, 'ngayBanAn');
    const reg = readDate(values, 'ngayDangKy');
    if (!judged || !reg || isBefore(reg, judged) !== true) return [];
    return [finding('ngayBanAn', 'ERROR', 'gc.judgment_after_registration', 'Ngày bản án, quyết định sau ngày ghi vào sổ.')];
  },
};

const marriageBeforeJudgment: RecordRule = {
  id: 'gc.marriage_before_judgment',
  description: 'Việc kết hôn đã đăng ký tại Việt Nam phải có trước bản án ly hôn hoặc hủy kết hôn (chỉ cảnh báo).',
  check({ values }) {
    const married = readDate(values, 'ngayDangKyKetHon');
    const judged = readDate(values, 'ngayBanAn');
    if (!married || !judged || isBefore(judged, married) !== true) return [];
    return [finding('ngayDangKyKetHon', 'WARNING', 'gc.marriage_after_judgment', 'Ngày đăng ký kết hôn sau ngày bản án, quyết định. Hãy đối chiếu với sổ.')];
  },
};

export const GHI_CHU: RegisterTemplate = {
  id: 'GC-P1',
  registerType: 'GC',
  title: 'Sổ ghi chú ly hôn, hủy việc kết hôn và việc hộ tịch khác đã giải quyết ở nước ngoài',
  source: 'Đề xuất của dự án (chưa tìm thấy mẫu nhập liệu hay trang sổ mẫu): các cột suy ra từ Luật Hộ tịch Điều 48–50; độ tin cậy thấp, cần đối chiếu với mẫu do Sở Tư pháp cung cấp.',
  groups: [
    { id: G.dangKy, label: 'Thông tin ghi chú' },
    { id: G.chong, label: 'Chồng' },
    { id: G.vo, label: 'Vợ' },
    { id: G.banAn, label: 'Bản án, quyết định của nước ngoài' },
    { id: G.ketHon, label: 'Việc kết hôn đã đăng ký tại Việt Nam' },
    { id: G.nyc, label: 'Người yêu cầu' },
  ],
  persons: [
    { prefix: 'chong', label: 'chồng', impliedSex: 'male' },
    { prefix: 'vo', label: 'vợ', impliedSex: 'female' },
    { prefix: 'nyc', label: 'người yêu cầu' },
  ],
  fields,
  rules: [judgmentBeforeRegistration, marriageBeforeJudgment],
};
