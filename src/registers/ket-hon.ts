/**
 * KH — Sổ đăng ký kết hôn, 44 columns in the order of the vendor exporters
 * (DOMAIN.md §1.3, sources S3 and S4 agree). No official MoJ template found.
 * Rules: marriage age under the current law (WARNING only: earlier laws
 * counted age differently), and the order of the dates in the entry.
 */
import { isBefore } from '../vn/index.js';
import { field, foreign, header, ID_DOC_PARTS, person } from './blocks.js';
import type { FieldDef, Finding, RecordRule, RegisterTemplate, RuleContext } from './field.js';
import { finding, maxAgeAt, readDate } from './rule-helpers.js';

const G = { dangKy: 'dangKy', tinhTrang: 'tinhTrang', chong: 'chong', vo: 'vo', nuocNgoai: 'nuocNgoai' } as const;

const SPOUSE_PARTS = ['HoTen', 'NgaySinh', 'DanToc', 'QuocTich', 'QuocTichKhac', 'LoaiCuTru', 'NoiCuTru', ...ID_DOC_PARTS] as const;

const TINH_TRANG_HELP = 'Ghi như các phần mềm hộ tịch: "Đã ly hôn", "Đã hủy việc kết hôn", "Đã được công nhận việc kết hôn" hoặc "Không có thông tin".';

function maritalStatus(): FieldDef[] {
  const g = G.tinhTrang;
  return [
    field('tinhTrangKetHon', 'Tình trạng kết hôn', 'text', g, { help: TINH_TRANG_HELP }),
    field('huyKetHonNgayGhiChu', 'Ngày ghi chú hủy việc kết hôn', 'date', g),
    field('huyKetHonCanCu', 'Căn cứ hủy việc kết hôn', 'text', g, { help: 'Số, ngày bản án/quyết định và tên Tòa án.' }),
    field('congNhanKetHonNgayGhiChu', 'Ngày ghi chú công nhận việc kết hôn', 'date', g),
    field('congNhanKetHonCanCu', 'Căn cứ công nhận việc kết hôn', 'text', g, { help: 'Số, ngày bản án/quyết định và tên Tòa án.' }),
  ];
}

const fields: FieldDef[] = [
  header.so(G.dangKy),
  header.quyenSo(G.dangKy),
  header.trangSo(G.dangKy),
  header.ngayDangKy(G.dangKy),
  header.loaiDangKy(G.dangKy, 'loaiDangKyKetHon'),
  header.authority(G.dangKy),
  header.nguoiKy(G.dangKy),
  header.chucVuNguoiKy(G.dangKy),
  field('ngayXacLapQuanHeHonNhan', 'Ngày xác lập quan hệ hôn nhân', 'date', G.dangKy, {
    help: 'Chỉ ghi khi sổ có ghi (ví dụ công nhận quan hệ hôn nhân thực tế có từ trước ngày đăng ký).',
  }),
  header.nguoiThucHien(G.dangKy),
  header.ghiChu(G.dangKy),
  ...maritalStatus(),
  ...person('chong', G.chong, SPOUSE_PARTS, { required: ['HoTen', 'NgaySinh'] }),
  ...person('vo', G.vo, SPOUSE_PARTS, { required: ['HoTen', 'NgaySinh'] }),
  ...foreign(G.nuocNgoai, { field: 'loaiDangKy', in: ['3'] }),
];

/** Luật Hôn nhân và gia đình 2014 Art. 8: nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi. */
export const MARRIAGE_AGE = { chong: 20, vo: 18 } as const;

function spouseAge(ctx: RuleContext, prefix: 'chong' | 'vo', who: string): Finding[] {
  const birth = readDate(ctx.values, `${prefix}NgaySinh`);
  const reg = readDate(ctx.values, 'ngayDangKy');
  const min = MARRIAGE_AGE[prefix];
  if (!birth || !reg || maxAgeAt(birth, reg) >= min) return [];
  return [
    finding(
      `${prefix}NgaySinh`,
      'WARNING',
      'kh.under_marriage_age',
      `${who} chưa đủ ${min} tuổi vào ngày đăng ký kết hôn (theo Luật Hôn nhân và gia đình 2014). Luật trước đây tính tuổi kết hôn khác ("từ ${min} tuổi trở lên"), nên chỉ cảnh báo; hãy đối chiếu năm sinh với sổ.`,
    ),
  ];
}

const marriageAge: RecordRule = {
  id: 'kh.marriage_age',
  description: 'Vào ngày đăng ký, chồng đủ 20 tuổi và vợ đủ 18 tuổi theo Luật Hôn nhân và gia đình 2014 (chỉ cảnh báo vì luật trước đây quy định khác).',
  check: (ctx) => [...spouseAge(ctx, 'chong', 'Người chồng'), ...spouseAge(ctx, 'vo', 'Người vợ')],
};

const establishedBeforeRegistration: RecordRule = {
  id: 'kh.established_before_registration',
  description: 'Ngày xác lập quan hệ hôn nhân không sau ngày đăng ký kết hôn (chỉ cảnh báo).',
  check({ values }) {
    const established = readDate(values, 'ngayXacLapQuanHeHonNhan');
    const reg = readDate(values, 'ngayDangKy');
    if (!established || !reg || isBefore(reg, established) !== true) return [];
    return [finding('ngayXacLapQuanHeHonNhan', 'WARNING', 'kh.established_after_registration', 'Ngày xác lập quan hệ hôn nhân sau ngày đăng ký kết hôn. Hãy đối chiếu với sổ.')];
  },
};

const annotationsAfterRegistration: RecordRule = {
  id: 'kh.annotations_after_registration',
  description: 'Ngày ghi chú hủy hoặc công nhận việc kết hôn không trước ngày đăng ký kết hôn (chỉ cảnh báo).',
  check({ values }) {
    const reg = readDate(values, 'ngayDangKy');
    return ['huyKetHonNgayGhiChu', 'congNhanKetHonNgayGhiChu'].flatMap((key) => {
      const noted = readDate(values, key);
      if (!noted || !reg || isBefore(noted, reg) !== true) return [];
      return [finding(key, 'WARNING', 'kh.annotation_before_registration', 'Ngày ghi chú trước ngày đăng ký kết hôn. Hãy đối chiếu với sổ.')];
    });
  },
};

export const KET_HON: RegisterTemplate = {
  id: 'KH-44',
  registerType: 'KH',
  title: 'Sổ đăng ký kết hôn',
  source: 'Danh sách 44 cột theo chương trình xuất dữ liệu của hai nhà cung cấp phần mềm hộ tịch (chưa tìm thấy mẫu chính thức của Bộ Tư pháp); độ tin cậy trung bình.',
  groups: [
    { id: G.dangKy, label: 'Thông tin đăng ký' },
    { id: G.tinhTrang, label: 'Tình trạng kết hôn, ghi chú hủy hoặc công nhận' },
    { id: G.chong, label: 'Chồng' },
    { id: G.vo, label: 'Vợ' },
    { id: G.nuocNgoai, label: 'Đăng ký ở nước ngoài' },
  ],
  persons: [
    { prefix: 'chong', label: 'chồng', impliedSex: 'male' },
    { prefix: 'vo', label: 'vợ', impliedSex: 'female' },
  ],
  fields,
  rules: [marriageAge, establishedBeforeRegistration, annotationsAfterRegistration],
};
