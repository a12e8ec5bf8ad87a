/**
 * KT — Sổ đăng ký khai tử, 48 columns in the order of the vendor exporter
 * (DOMAIN.md §1.2, source S3; S4 has the same columns plus STT and without
 * nktNgayChetGhiBangChu). No official MoJ template was found for this book.
 */
import { codeField, field, foreign, header, ID_DOC_PARTS, person, requester } from './blocks.js';
import type { FieldDef, RegisterTemplate } from './field.js';
import { KHAI_TU_RULES } from './khai-tu.rules.js';

const G = {
  dangKy: 'dangKy',
  nkt: 'nkt',
  tuyenBo: 'tuyenBo',
  gbt: 'gbt',
  nyc: 'nyc',
  nuocNgoai: 'nuocNgoai',
} as const;

function death(): FieldDef[] {
  const g = G.nkt;
  const p = { person: 'nkt' } as const;
  return [
    field('nktNgayChet', 'Ngày chết', 'date', g, { ...p, required: 'always', help: 'Ngày, tháng, năm chết như ghi trong sổ; được ghi thiếu ngày hoặc tháng.' }),
    field('nktNgayChetGhiBangChu', 'Ngày chết ghi bằng chữ', 'dateInWords', g, { ...p, wordsOf: 'nktNgayChet' }),
    field('nktGioPhutChet', 'Giờ, phút chết', 'time', g, { ...p, help: 'Ghi dạng 14:30 hoặc "14 giờ 30 phút".' }),
    field('nktNoiChet', 'Nơi chết', 'place', g, { ...p, required: 'always', help: 'Cơ sở y tế hoặc địa chỉ và xã/phường, như ghi trong sổ.' }),
    field('nktNguyenNhanChet', 'Nguyên nhân chết', 'text', g, p),
  ];
}

/** Court declaration that the person is dead, and its cancellation (same pattern as nksMatTich). */
function courtDeclaration(): FieldDef[] {
  const g = G.tuyenBo;
  const p = { person: 'nkt' } as const;
  return [
    codeField('nktTinhTrangTuyenBoViecChet', 'Tuyên bố/hủy tuyên bố đã chết', 'tuyenBo', g, p),
    field('nktNgayGhiChuTuyenBoViecChet', 'Ngày ghi chú tuyên bố đã chết', 'date', g, p),
    field('nktCanCuTuyenBoViecChet', 'Căn cứ tuyên bố đã chết', 'text', g, { ...p, help: 'Số, ngày bản án/quyết định và tên Tòa án.' }),
    field('nktNgayGhiChuHuyTuyenBoViecChet', 'Ngày ghi chú hủy tuyên bố đã chết', 'date', g, p),
    field('nktCanCuHuyTuyenBoViecChet', 'Căn cứ hủy tuyên bố đã chết', 'text', g, p),
  ];
}

function deathNotice(): FieldDef[] {
  const g = G.gbt;
  return [
    codeField('gbtLoai', 'Loại giấy báo tử hoặc giấy tờ thay thế', 'loaiGiayBaoTu', g),
    field('gbtSo', 'Số giấy báo tử', 'text', g, { help: 'Ghi đúng như trên giấy tờ, ví dụ "125/GBT".' }),
    field('gbtNgay', 'Ngày cấp giấy báo tử', 'date', g),
    field('gbtCoQuanCap', 'Cơ quan cấp giấy báo tử', 'place', g, { help: 'Ví dụ "Bệnh viện Đa khoa tỉnh Nghệ An", "Công an xã…".' }),
  ];
}

const fields: FieldDef[] = [
  header.so(G.dangKy),
  header.quyenSo(G.dangKy),
  header.trangSo(G.dangKy),
  header.ngayDangKy(G.dangKy),
  header.loaiDangKy(G.dangKy, 'loaiDangKyKhaiTu'),
  header.authority(G.dangKy),
  header.nguoiKy(G.dangKy),
  header.chucVuNguoiKy(G.dangKy),
  header.nguoiThucHien(G.dangKy),
  header.ghiChu(G.dangKy),
  ...person('nkt', G.nkt, ['HoTen', 'GioiTinh', 'NgaySinh', 'DanToc', 'QuocTich', 'QuocTichKhac', 'LoaiCuTru', 'NoiCuTru', ...ID_DOC_PARTS], {
    required: ['HoTen', 'GioiTinh', 'NgaySinh', 'DanToc', 'QuocTich'],
  }),
  ...death(),
  ...courtDeclaration(),
  ...deathNotice(),
  ...requester(G.nyc),
  ...foreign(G.nuocNgoai, { field: 'loaiDangKy', in: ['3'] }),
];

export const KHAI_TU: RegisterTemplate = {
  id: 'KT-48',
  registerType: 'KT',
  title: 'Sổ đăng ký khai tử',
  source: 'Danh sách 48 cột theo thứ tự của chương trình xuất dữ liệu của nhà cung cấp phần mềm hộ tịch (chưa tìm thấy mẫu chính thức của Bộ Tư pháp); độ tin cậy trung bình.',
  groups: [
    { id: G.dangKy, label: 'Thông tin đăng ký' },
    { id: G.nkt, label: 'Người chết' },
    { id: G.tuyenBo, label: 'Ghi chú tuyên bố, hủy tuyên bố đã chết' },
    { id: G.gbt, label: 'Giấy báo tử' },
    { id: G.nyc, label: 'Người đi khai tử' },
    { id: G.nuocNgoai, label: 'Đăng ký ở nước ngoài' },
  ],
  persons: [
    { prefix: 'nkt', label: 'người chết' },
    { prefix: 'nyc', label: 'người đi khai tử' },
  ],
  fields,
  rules: KHAI_TU_RULES,
};
