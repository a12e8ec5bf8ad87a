/**
 * GH — Sổ đăng ký giám hộ (đăng ký, chấm dứt, thay đổi giám hộ). PROPOSAL
 * (DOMAIN.md §1.7): no import template was found. The columns follow the
 * paper register page (up to two guardians, the person under guardianship)
 * and the MoJ module "guardianship"; keys in the MoJ camelCase style.
 */
import { codeField, field, foreign, header, ID_DOC_PARTS, person, requester } from './blocks.js';
import type { FieldDef, Finding, RecordRule, RegisterTemplate, RuleContext } from './field.js';
import { finding, maxAgeAt, readDate } from './rule-helpers.js';

const G = { dangKy: 'dangKy', ngh1: 'ngh1', ngh2: 'ngh2', ndgh: 'ndgh', canCu: 'canCu', nyc: 'nyc', nuocNgoai: 'nuocNgoai' } as const;

const PARTS = ['HoTen', 'GioiTinh', 'NgaySinh', 'DanToc', 'QuocTich', 'NoiCuTru', ...ID_DOC_PARTS] as const;
const ENDING = { field: 'loaiDangKy', in: ['2'] } as const;

function basis(): FieldDef[] {
  return [
    field('lyDoChamDut', 'Lý do chấm dứt giám hộ', 'text', G.canCu, {
      required: { when: ENDING },
      help: 'Bắt buộc khi đăng ký chấm dứt giám hộ (mã 2), ví dụ "Người được giám hộ đã thành niên".',
    }),
    field('canCu', 'Căn cứ', 'text', G.canCu, { help: 'Văn bản cử người giám hộ, thỏa thuận, quyết định của Tòa án… (số, ngày, cơ quan).' }),
  ];
}

const fields: FieldDef[] = [
  header.so(G.dangKy),
  header.quyenSo(G.dangKy),
  header.trangSo(G.dangKy),
  header.ngayDangKy(G.dangKy),
  header.loaiDangKy(G.dangKy, 'loaiDangKyGiamHo'),
  codeField('loaiGiamHo', 'Loại giám hộ', 'loaiGiamHo', G.dangKy, { required: 'always' }),
  header.authority(G.dangKy),
  header.nguoiKy(G.dangKy),
  header.chucVuNguoiKy(G.dangKy),
  header.nguoiThucHien(G.dangKy),
  header.ghiChu(G.dangKy),
  ...person('ngh1', G.ngh1, PARTS, { required: ['HoTen'] }),
  ...person('ngh2', G.ngh2, PARTS),
  ...person('ndgh', G.ndgh, PARTS, { required: ['HoTen', 'NgaySinh'] }),
  ...basis(),
  ...requester(G.nyc),
  ...foreign(G.nuocNgoai, { field: 'loaiGiamHo', in: ['3'] }),
];

/** Bộ luật Dân sự 2015 Art. 49: a guardian (cá nhân) has full civil capacity, i.e. is an adult. */
export const GUARDIAN_MIN_AGE = 18;

function guardianAge(ctx: RuleContext, prefix: 'ngh1' | 'ngh2', who: string): Finding[] {
  const birth = readDate(ctx.values, `${prefix}NgaySinh`);
  const reg = readDate(ctx.values, 'ngayDangKy');
  if (!birth || !reg || maxAgeAt(birth, reg) >= GUARDIAN_MIN_AGE) return [];
  return [
    finding(
      `${prefix}NgaySinh`,
      'WARNING',
      'gh.guardian_minor',
      `${who} chưa đủ ${GUARDIAN_MIN_AGE} tuổi vào ngày đăng ký, trong khi người giám hộ phải có năng lực hành vi dân sự đầy đủ. Hãy đối chiếu với sổ.`,
    ),
  ];
}

const guardianAdult: RecordRule = {
  id: 'gh.guardian_adult',
  description: `Người giám hộ là cá nhân phải đủ ${GUARDIAN_MIN_AGE} tuổi vào ngày đăng ký (chỉ cảnh báo).`,
  check: (ctx) => [...guardianAge(ctx, 'ngh1', 'Người giám hộ thứ nhất'), ...guardianAge(ctx, 'ngh2', 'Người giám hộ thứ hai')],
};

export const GIAM_HO: RegisterTemplate = {
  id: 'GH-P1',
  registerType: 'GH',
  title: 'Sổ đăng ký giám hộ',
  source: 'Đề xuất của dự án (chưa tìm thấy mẫu nhập liệu): các cột theo trang sổ giấy và phân hệ giám hộ của phần mềm Bộ Tư pháp; độ tin cậy thấp, cần đối chiếu với mẫu do Sở Tư pháp cung cấp.',
  groups: [
    { id: G.dangKy, label: 'Thông tin đăng ký' },
    { id: G.ngh1, label: 'Người giám hộ thứ nhất' },
    { id: G.ngh2, label: 'Người giám hộ thứ hai (nếu có)' },
    { id: G.ndgh, label: 'Người được giám hộ' },
    { id: G.canCu, label: 'Căn cứ, lý do chấm dứt' },
    { id: G.nyc, label: 'Người yêu cầu' },
    { id: G.nuocNgoai, label: 'Đăng ký ở nước ngoài' },
  ],
  persons: [
    { prefix: 'ngh1', label: 'người giám hộ thứ nhất' },
    { prefix: 'ngh2', label: 'người giám hộ thứ hai' },
    { prefix: 'ndgh', label: 'người được giám hộ' },
    { prefix: 'nyc', label: 'người yêu cầu' },
  ],
  fields,
  rules: [guardianAdult],
};
