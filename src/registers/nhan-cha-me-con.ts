/**
 * CMC — Sổ đăng ký nhận cha, mẹ, con, 50 columns in the order of the vendor
 * exporter (DOMAIN.md §1.4, source S3; another vendor adds cmGioiTinh and
 * ncGioiTinh, not modelled here). No official MoJ template found.
 */
import { isBefore } from '../vn/index.js';
import { codeField, field, foreign, header, ID_DOC_PARTS, person, requester } from './blocks.js';
import type { FieldDef, RecordRule, RegisterTemplate } from './field.js';
import { finding, readDate } from './rule-helpers.js';

const G = { dangKy: 'dangKy', cm: 'cm', nc: 'nc', nyc: 'nyc', nuocNgoai: 'nuocNgoai' } as const;

const PERSON_PARTS = ['HoTen', 'NgaySinh', 'DanToc', 'QuocTich', 'QuocTichKhac', 'QueQuan', 'LoaiCuTru', 'NoiCuTru', ...ID_DOC_PARTS] as const;
const REQUIRED = ['HoTen', 'NgaySinh'] as const;

const fields: FieldDef[] = [
  header.so(G.dangKy),
  header.quyenSo(G.dangKy),
  header.trangSo(G.dangKy),
  field('quyetDinhSo', 'Quyết định số', 'text', G.dangKy, { help: 'Số quyết định công nhận việc nhận cha, mẹ, con, nếu sổ có ghi.' }),
  header.ngayDangKy(G.dangKy),
  header.loaiDangKy(G.dangKy, 'loaiDangKyChaMeCon'),
  codeField('loaiXacNhan', 'Loại xác nhận', 'loaiXacNhanChaMeCon', G.dangKy, { required: 'always' }),
  header.authority(G.dangKy),
  header.nguoiKy(G.dangKy),
  header.chucVuNguoiKy(G.dangKy),
  header.nguoiThucHien(G.dangKy),
  header.ghiChu(G.dangKy),
  ...person('cm', G.cm, PERSON_PARTS, { required: REQUIRED }),
  ...person('nc', G.nc, PERSON_PARTS, { required: REQUIRED }),
  ...requester(G.nyc, ['nycQHNguoiDuocNhan', 'nycQHNguoiNhan']),
  ...foreign(G.nuocNgoai, { field: 'loaiDangKy', in: ['2'] }),
];

/** Below this age difference (in years of birth) a parent is implausible: warn. */
export const MIN_PARENT_AGE = 12;

const parentBornBeforeChild: RecordRule = {
  id: 'cmc.parent_born_before_child',
  description: `Cha, mẹ phải sinh trước người con; nếu chênh lệch dưới ${MIN_PARENT_AGE} tuổi thì cảnh báo.`,
  check({ values }) {
    const parent = readDate(values, 'cmNgaySinh');
    const child = readDate(values, 'ncNgaySinh');
    if (!parent || !child) return [];
    if (isBefore(child, parent) === true) {
      return [finding('cmNgaySinh', 'ERROR', 'cmc.parent_born_after_child', 'Cha/mẹ sinh sau người con. Hãy kiểm tra lại hai ngày sinh.')];
    }
    const age = child.year - parent.year;
    if (age >= MIN_PARENT_AGE) return [];
    return [finding('cmNgaySinh', 'WARNING', 'cmc.parent_too_young', `Cha/mẹ khoảng ${age} tuổi khi người con sinh ra (thường từ ${MIN_PARENT_AGE} tuổi trở lên). Hãy kiểm tra lại năm sinh.`)];
  },
};

export const NHAN_CHA_ME_CON: RegisterTemplate = {
  id: 'CMC-50',
  registerType: 'CMC',
  title: 'Sổ đăng ký nhận cha, mẹ, con',
  source: 'Danh sách 50 cột theo chương trình xuất dữ liệu của một nhà cung cấp phần mềm hộ tịch (chưa tìm thấy mẫu chính thức của Bộ Tư pháp); độ tin cậy trung bình.',
  groups: [
    { id: G.dangKy, label: 'Thông tin đăng ký' },
    { id: G.cm, label: 'Cha hoặc mẹ' },
    { id: G.nc, label: 'Người con' },
    { id: G.nyc, label: 'Người yêu cầu' },
    { id: G.nuocNgoai, label: 'Đăng ký ở nước ngoài' },
  ],
  persons: [
    { prefix: 'cm', label: 'cha hoặc mẹ' },
    { prefix: 'nc', label: 'người con' },
    { prefix: 'nyc', label: 'người yêu cầu' },
  ],
  fields,
  rules: [parentBornBeforeChild],
};
