/**
 * HN — Sổ cấp Giấy xác nhận tình trạng hôn nhân, 35 columns in the order of
 * the vendor exporters (DOMAIN.md §1.5, sources S3 and S4 agree). No
 * loaiDangKy; the authority column is noiCap. No official MoJ template found.
 */
import { isBefore } from '../vn/index.js';
import { codeField, field, header, ID_DOC_PARTS, person, requester } from './blocks.js';
import type { FieldDef, RecordRule, RegisterTemplate } from './field.js';
import { finding, readDate } from './rule-helpers.js';

const G = { dangKy: 'dangKy', nxn: 'nxn', cuTru: 'cuTru', xacNhan: 'xacNhan', nyc: 'nyc' } as const;

const OTHER_PURPOSE = { field: 'nxnLoaiMucDichSuDung', in: ['5'] } as const;

function residencePeriod(): FieldDef[] {
  const p = { person: 'nxn' } as const;
  return [
    field('nxnThoiGianCuTruTai', 'Nơi cư trú trong thời gian được xác nhận', 'place', G.cuTru, p),
    field('nxnThoiGianCuTruTu', 'Cư trú từ ngày', 'date', G.cuTru, p),
    field('nxnThoiGianCuTruDen', 'Cư trú đến ngày', 'date', G.cuTru, p),
  ];
}

function certificate(): FieldDef[] {
  const p = { person: 'nxn' } as const;
  return [
    field('nxnTinhTrangHonNhan', 'Tình trạng hôn nhân', 'text', G.xacNhan, {
      ...p,
      required: 'always',
      help: 'Ghi như trong sổ, ví dụ "Chưa đăng ký kết hôn với ai", "Đã đăng ký kết hôn, nhưng đã ly hôn theo Bản án số…".',
    }),
    codeField('nxnLoaiMucDichSuDung', 'Mục đích sử dụng', 'mucDichXacNhanHonNhan', G.xacNhan, p),
    field('nxnMucDichSuDung', 'Mục đích sử dụng (ghi cụ thể)', 'text', G.xacNhan, {
      ...p,
      required: { when: OTHER_PURPOSE },
      help: 'Bắt buộc khi mục đích sử dụng là "Mục đích khác" (mã 5).',
    }),
  ];
}

const fields: FieldDef[] = [
  header.so(G.dangKy),
  header.quyenSo(G.dangKy),
  header.trangSo(G.dangKy),
  header.ngayDangKy(G.dangKy),
  header.authority(G.dangKy, 'noiCap'),
  header.nguoiKy(G.dangKy),
  header.chucVuNguoiKy(G.dangKy),
  header.nguoiThucHien(G.dangKy),
  header.ghiChu(G.dangKy),
  ...person('nxn', G.nxn, ['HoTen', 'GioiTinh', 'NgaySinh', 'DanToc', 'QuocTich', 'QuocTichKhac', 'LoaiCuTru', 'NoiCuTru', ...ID_DOC_PARTS], {
    required: ['HoTen', 'GioiTinh', 'NgaySinh'],
  }),
  ...residencePeriod(),
  ...certificate(),
  ...requester(G.nyc),
];

const residenceOrder: RecordRule = {
  id: 'hn.residence_period_order',
  description: 'Thời gian cư trú: ngày bắt đầu không thể sau ngày kết thúc.',
  check({ values }) {
    const from = readDate(values, 'nxnThoiGianCuTruTu');
    const to = readDate(values, 'nxnThoiGianCuTruDen');
    if (!from || !to || isBefore(to, from) !== true) return [];
    return [finding('nxnThoiGianCuTruDen', 'ERROR', 'hn.residence_end_before_start', 'Ngày kết thúc cư trú trước ngày bắt đầu cư trú.')];
  },
};

export const XAC_NHAN_HON_NHAN: RegisterTemplate = {
  id: 'HN-35',
  registerType: 'HN',
  title: 'Sổ cấp Giấy xác nhận tình trạng hôn nhân',
  source: 'Danh sách 35 cột theo chương trình xuất dữ liệu của hai nhà cung cấp phần mềm hộ tịch (chưa tìm thấy mẫu chính thức của Bộ Tư pháp); độ tin cậy trung bình.',
  groups: [
    { id: G.dangKy, label: 'Thông tin cấp giấy' },
    { id: G.nxn, label: 'Người được xác nhận' },
    { id: G.cuTru, label: 'Thời gian cư trú được xác nhận' },
    { id: G.xacNhan, label: 'Tình trạng hôn nhân và mục đích sử dụng' },
    { id: G.nyc, label: 'Người yêu cầu' },
  ],
  persons: [
    { prefix: 'nxn', label: 'người được xác nhận' },
    { prefix: 'nyc', label: 'người yêu cầu' },
  ],
  fields,
  rules: [residenceOrder],
};
