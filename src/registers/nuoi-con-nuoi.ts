/**
 * CN — Sổ đăng ký nuôi con nuôi (Luật Nuôi con nuôi 2010). PROPOSAL
 * (DOMAIN.md §1.8): no import template was found; keys in the MoJ camelCase
 * style. Adoptive father and mother (at least one), the adopted child, the
 * person or institution handing the child over, the decision, the requester.
 */
import { isBefore } from '../vn/index.js';
import { field, foreign, header, ID_DOC_PARTS, person, requester } from './blocks.js';
import type { FieldDef, Finding, RecordRule, RegisterTemplate, RuleContext } from './field.js';
import { finding, maxAgeAt, readDate } from './rule-helpers.js';

const G = {
  dangKy: 'dangKy',
  chaNuoi: 'chaNuoi',
  meNuoi: 'meNuoi',
  conNuoi: 'conNuoi',
  nguoiGiao: 'nguoiGiao',
  quyetDinh: 'quyetDinh',
  nyc: 'nyc',
  nuocNgoai: 'nuocNgoai',
} as const;

const PARENT_PARTS = ['HoTen', 'NgaySinh', 'DanToc', 'QuocTich', 'NoiCuTru', ...ID_DOC_PARTS] as const;

function handOver(): FieldDef[] {
  const p = { person: 'nguoiGiao' } as const;
  return [
    field('nguoiGiaoHoTen', 'Họ tên người giao hoặc tên cơ sở nuôi dưỡng', 'text', G.nguoiGiao, {
      ...p,
      role: 'fullName',
      help: 'Cha, mẹ đẻ hoặc người giám hộ giao con nuôi; hoặc tên cơ sở nuôi dưỡng, ví dụ "Trung tâm Bảo trợ xã hội số 2".',
    }),
    field('nguoiGiaoNoiCuTru', 'Nơi cư trú hoặc địa chỉ', 'place', G.nguoiGiao, p),
  ];
}

function decision(): FieldDef[] {
  return [field('quyetDinhSo', 'Quyết định số', 'text', G.quyetDinh, { help: 'Số quyết định cho nhận con nuôi, nếu sổ có ghi.' }), field('ngayQuyetDinh', 'Ngày quyết định', 'date', G.quyetDinh)];
}

const fields: FieldDef[] = [
  header.so(G.dangKy),
  header.quyenSo(G.dangKy),
  header.trangSo(G.dangKy),
  header.ngayDangKy(G.dangKy),
  header.loaiDangKy(G.dangKy, 'loaiDangKyNuoiConNuoi'),
  header.authority(G.dangKy),
  header.nguoiKy(G.dangKy),
  header.chucVuNguoiKy(G.dangKy),
  header.nguoiThucHien(G.dangKy),
  header.ghiChu(G.dangKy),
  ...person('chaNuoi', G.chaNuoi, PARENT_PARTS),
  ...person('meNuoi', G.meNuoi, PARENT_PARTS),
  ...person('conNuoi', G.conNuoi, ['HoTen', 'GioiTinh', 'NgaySinh', 'DanToc', 'QuocTich', 'NoiCuTru'], { required: ['HoTen', 'GioiTinh', 'NgaySinh'] }),
  ...handOver(),
  ...decision(),
  ...requester(G.nyc),
  ...foreign(G.nuocNgoai, { field: 'loaiDangKy', in: ['3'] }),
];

const adoptiveParentPresent: RecordRule = {
  id: 'cn.adoptive_parent_present',
  description: 'Phải có ít nhất cha nuôi hoặc mẹ nuôi.',
  check({ values }) {
    if (values.chaNuoiHoTen || values.meNuoiHoTen) return [];
    return [finding('chaNuoiHoTen', 'ERROR', 'cn.no_adoptive_parent', 'Chưa nhập họ tên cha nuôi hoặc mẹ nuôi (cần ít nhất một người).')];
  },
};

/** Luật Nuôi con nuôi 2010 Art. 14.1.c: the adopter is at least 20 years older (exceptions in Art. 14.3). */
export const ADOPTION_AGE_GAP = 20;

function ageGap(ctx: RuleContext, prefix: 'chaNuoi' | 'meNuoi', who: string): Finding[] {
  const parent = readDate(ctx.values, `${prefix}NgaySinh`);
  const child = readDate(ctx.values, 'conNuoiNgaySinh');
  if (!parent || !child || maxAgeAt(parent, child) >= ADOPTION_AGE_GAP) return [];
  return [
    finding(
      `${prefix}NgaySinh`,
      'WARNING',
      'cn.age_gap',
      `${who} hơn con nuôi chưa đủ ${ADOPTION_AGE_GAP} tuổi. Luật cho phép ngoại lệ (cha dượng, mẹ kế, cô, cậu, dì, chú, bác ruột); hãy đối chiếu với sổ.`,
    ),
  ];
}

const adoptionAgeGap: RecordRule = {
  id: 'cn.age_gap',
  description: `Cha nuôi, mẹ nuôi thường hơn con nuôi từ ${ADOPTION_AGE_GAP} tuổi trở lên (chỉ cảnh báo vì có ngoại lệ).`,
  check: (ctx) => [...ageGap(ctx, 'chaNuoi', 'Cha nuôi'), ...ageGap(ctx, 'meNuoi', 'Mẹ nuôi')],
};

const decisionBeforeRegistration: RecordRule = {
  id: 'cn.decision_before_registration',
  description: 'Ngày quyết định cho nhận con nuôi không sau ngày đăng ký (chỉ cảnh báo).',
  check({ values }) {
    const decided = readDate(values, 'ngayQuyetDinh');
    const reg = readDate(values, 'ngayDangKy');
    if (!decided || !reg || isBefore(reg, decided) !== true) return [];
    return [finding('ngayQuyetDinh', 'WARNING', 'cn.decision_after_registration', 'Ngày quyết định sau ngày đăng ký nuôi con nuôi. Hãy đối chiếu với sổ.')];
  },
};

export const NUOI_CON_NUOI: RegisterTemplate = {
  id: 'CN-P1',
  registerType: 'CN',
  title: 'Sổ đăng ký nuôi con nuôi',
  source: 'Đề xuất của dự án (chưa tìm thấy mẫu nhập liệu hay trang sổ mẫu): các cột suy ra từ Luật Nuôi con nuôi 2010; độ tin cậy thấp, cần đối chiếu với mẫu do Sở Tư pháp cung cấp.',
  groups: [
    { id: G.dangKy, label: 'Thông tin đăng ký' },
    { id: G.chaNuoi, label: 'Cha nuôi' },
    { id: G.meNuoi, label: 'Mẹ nuôi' },
    { id: G.conNuoi, label: 'Con nuôi' },
    { id: G.nguoiGiao, label: 'Người giao con nuôi (cha, mẹ đẻ hoặc cơ sở nuôi dưỡng)' },
    { id: G.quyetDinh, label: 'Quyết định cho nhận con nuôi' },
    { id: G.nyc, label: 'Người yêu cầu' },
    { id: G.nuocNgoai, label: 'Đăng ký ở nước ngoài' },
  ],
  persons: [
    { prefix: 'chaNuoi', label: 'cha nuôi', impliedSex: 'male' },
    { prefix: 'meNuoi', label: 'mẹ nuôi', impliedSex: 'female' },
    { prefix: 'conNuoi', label: 'con nuôi' },
    { prefix: 'nguoiGiao', label: 'người giao con nuôi' },
    { prefix: 'nyc', label: 'người yêu cầu' },
  ],
  fields,
  rules: [adoptiveParentPresent, adoptionAgeGap, decisionBeforeRegistration],
};
