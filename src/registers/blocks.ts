/**
 * Builders for the column blocks that recur across registers: the header
 * block (số, quyển, trang, ngày đăng ký…), person blocks (prefix + part, e.g.
 * meHoTen), the requester block (nyc*) and the foreign-registration block.
 * A block is declared once here; a register file picks the parts it has,
 * in its template's order.
 */
import type { Condition, FieldDef, FieldType, PersonRole, Requirement } from './field.js';
import type { CodeListId } from './code-lists.js';

type Opts = Partial<Omit<FieldDef, 'key' | 'label' | 'type' | 'group'>>;

export function field(key: string, label: string, type: FieldType, group: string, opts: Opts = {}): FieldDef {
  return { key, label, type, group, required: 'optional', ...opts };
}

export function codeField(key: string, label: string, codeList: CodeListId, group: string, opts: Opts = {}): FieldDef {
  return field(key, label, 'code', group, { ...opts, codeList });
}

/** The parts a person block can have, with the key suffix used by the MoJ templates. */
const PERSON_PARTS = {
  SoDinhDanh: { label: 'Số định danh cá nhân', type: 'personalId', role: 'personalId' },
  SoDinhDanhCaNhan: { label: 'Số định danh cá nhân', type: 'personalId', role: 'personalId' },
  HoTen: { label: 'Họ, chữ đệm, tên', type: 'name', role: 'fullName' },
  GioiTinh: { label: 'Giới tính', type: 'code', role: 'sex', codeList: 'gioiTinh' },
  NgaySinh: { label: 'Ngày, tháng, năm sinh', type: 'date', role: 'birthDate' },
  DanToc: { label: 'Dân tộc', type: 'ethnicity' },
  QuocTich: { label: 'Quốc tịch', type: 'nationality' },
  QuocTichStr: { label: 'Quốc tịch (mã, để trống nếu không có hướng dẫn)', type: 'text' },
  QuocTichKhac: { label: 'Quốc tịch khác', type: 'nationality' },
  QuocTichKhacStr: { label: 'Quốc tịch khác (mã, để trống nếu không có hướng dẫn)', type: 'text' },
  QueQuan: { label: 'Quê quán', type: 'place' },
  LoaiCuTru: { label: 'Loại cư trú', type: 'code', codeList: 'loaiCuTru' },
  NoiCuTru: { label: 'Nơi cư trú', type: 'place' },
  LoaiGiayToTuyThan: { label: 'Loại giấy tờ tùy thân', type: 'code', role: 'idDocType', codeList: 'loaiGiayToTuyThan' },
  GiayToKhac: { label: 'Tên giấy tờ khác', type: 'text', role: 'idDocOther' },
  SoGiayToTuyThan: { label: 'Số giấy tờ tùy thân', type: 'idDocNo', role: 'idDocNo' },
  NgayCapGiayToTuyThan: { label: 'Ngày cấp giấy tờ tùy thân', type: 'date', role: 'idDocDate' },
  NoiCapGiayToTuyThan: { label: 'Nơi cấp giấy tờ tùy thân', type: 'text' },
} as const satisfies Record<string, { label: string; type: FieldType; role?: PersonRole; codeList?: CodeListId }>;

export type PersonPart = keyof typeof PERSON_PARTS;

export interface PersonOptions {
  /** Parts that must be filled, and under which requirement (default 'always'). */
  required?: readonly PersonPart[];
  requirement?: Requirement;
  /** The whole block must stay empty when this holds. */
  emptyWhen?: Condition;
  /** Parts whose default the form may offer (e.g. DanToc "Kinh" is NOT a default: only where the register says so). */
  defaults?: Partial<Record<PersonPart, string>>;
}

/** Fields `${prefix}${part}` for the given parts, in the given order. */
export function person(prefix: string, group: string, parts: readonly PersonPart[], opts: PersonOptions = {}): FieldDef[] {
  return parts.map((part) => {
    const spec: { label: string; type: FieldType; role?: PersonRole; codeList?: CodeListId } = PERSON_PARTS[part];
    const required: Requirement = opts.required?.includes(part) ? (opts.requirement ?? 'always') : 'optional';
    const def: FieldDef = { key: prefix + part, label: spec.label, type: spec.type, group, required, person: prefix };
    if (spec.role) def.role = spec.role;
    if (spec.codeList) def.codeList = spec.codeList;
    if (opts.emptyWhen) def.emptyWhen = opts.emptyWhen;
    const dflt = opts.defaults?.[part];
    if (dflt !== undefined) def.defaultValue = dflt;
    return def;
  });
}

/** The identity-document parts in template order (loại, giấy tờ khác, số, ngày cấp, nơi cấp). */
export const ID_DOC_PARTS = ['LoaiGiayToTuyThan', 'GiayToKhac', 'SoGiayToTuyThan', 'NgayCapGiayToTuyThan', 'NoiCapGiayToTuyThan'] as const satisfies readonly PersonPart[];

/** The common header block. `authorityKey` is noiDangKy (noiCap for HN). */
export const header = {
  so: (g: string) => field('so', 'Số đăng ký', 'registrationNo', g, { required: 'always', help: 'Ghi đúng như trong sổ, ví dụ "15" hoặc "01/2018".' }),
  quyenSo: (g: string) => field('quyenSo', 'Quyển số', 'text', g, { required: 'always', copyForward: true }),
  trangSo: (g: string) => field('trangSo', 'Trang số', 'pageNo', g, { required: 'always' }),
  ngayDangKy: (g: string) => field('ngayDangKy', 'Ngày đăng ký', 'date', g, { required: 'always', copyForward: true, help: 'Gõ 27081985, 27/8/1985, 8.1985 hoặc 1985.' }),
  loaiDangKy: (g: string, codeList: CodeListId) => codeField('loaiDangKy', 'Loại đăng ký', codeList, g, { required: 'always' }),
  authority: (g: string, key: 'noiDangKy' | 'noiCap' = 'noiDangKy') =>
    field(key, key === 'noiCap' ? 'Nơi cấp (cơ quan đăng ký hộ tịch)' : 'Nơi đăng ký (cơ quan đăng ký hộ tịch)', 'place', g, {
      required: 'always',
      copyForward: true,
      help: 'Ghi đúng tên cơ quan như trong sổ, ví dụ "UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng".',
    }),
  nguoiKy: (g: string) => field('nguoiKy', 'Người ký', 'name', g, { copyForward: true }),
  chucVuNguoiKy: (g: string) => field('chucVuNguoiKy', 'Chức vụ người ký', 'text', g, { copyForward: true }),
  nguoiThucHien: (g: string) => field('nguoiThucHien', 'Người thực hiện', 'name', g, { copyForward: true }),
  ghiChu: (g: string) => field('ghiChu', 'Ghi chú', 'text', g, { help: 'Ghi chú bên lề: thay đổi, cải chính, đăng ký lại…' }),
};

/** The requester (người yêu cầu / người đi khai) block. */
export function requester(group: string, relationKeys: readonly string[] = ['nycQuanHe']): FieldDef[] {
  const [head, ...idDocs] = person('nyc', group, ['HoTen', ...ID_DOC_PARTS]);
  const relations = relationKeys.map((key) => field(key, key === 'nycQuanHe' ? 'Quan hệ với người được đăng ký' : relationLabel(key), 'text', group));
  return [head!, ...relations, ...idDocs];
}

function relationLabel(key: string): string {
  return key === 'nycQHNguoiDuocNhan' ? 'Quan hệ với người được nhận' : 'Quan hệ với người nhận';
}

/** Registration abroad, required when loaiDangKy is the "ghi vào sổ … nước ngoài" code. */
export function foreign(group: string, when: Condition): FieldDef[] {
  const req: Requirement = { when };
  return [
    field('soDangKyNuocNgoai', 'Số đăng ký ở nước ngoài', 'registrationNo', group, { required: req }),
    field('ngayDangKyNuocNgoai', 'Ngày đăng ký ở nước ngoài', 'date', group, { required: req }),
    field('cqNuocNgoaiDaDangKy', 'Cơ quan nước ngoài đã đăng ký', 'text', group, { required: req }),
    field('qgNuocNgoaiDaDangKy', 'Quốc gia đã đăng ký', 'nationality', group, { required: req }),
  ];
}

/** Sets the header decorations of an official template on the named keys. */
export function decorateHeaders(fields: readonly FieldDef[], deco: { trailingSpace: readonly string[]; codeHint: readonly string[] }): FieldDef[] {
  const known = new Set(fields.map((f) => f.key));
  for (const k of [...deco.trailingSpace, ...deco.codeHint]) {
    if (!known.has(k)) throw new Error(`decorateHeaders: unknown field ${k}`);
  }
  return fields.map((f) => {
    const trailingSpace = deco.trailingSpace.includes(f.key);
    const codeHint = deco.codeHint.includes(f.key);
    return trailingSpace || codeHint ? { ...f, header: { trailingSpace, codeHint } } : f;
  });
}
