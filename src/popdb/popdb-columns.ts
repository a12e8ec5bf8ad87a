/**
 * The columns of the match-key file (sent to the population side) and of the
 * result file (returned), derived from the register catalog: which person
 * block of a register is the registered person, the mother, the father (the
 * only thing named here, as catalog prefixes), and then every field by its
 * catalog role (fullName, birthDate, sex, personalId) or key (so, quyenSo…),
 * with the catalog's label and type. PURE and the one source of the file
 * format documented in docs/POPDB.md. A header cell reads "<label> (<key>)";
 * a reader accepts the key alone too.
 */
import { getTemplate, type FieldDef, type FieldType, type PersonRole, type RegisterTemplate } from '../registers/index.js';

/** The registers whose people the population database holds, and their person blocks (catalog prefixes). */
export const POPDB_REGISTERS = {
  KS: { subject: 'nks', mother: 'me', father: 'cha' },
  KT: { subject: 'nkt' },
} as const satisfies Record<string, { subject: string; mother?: string; father?: string }>;
export type PopdbRegister = keyof typeof POPDB_REGISTERS;

export const isPopdbRegister = (t: string): t is PopdbRegister => Object.hasOwn(POPDB_REGISTERS, t);

type Block = 'subject' | 'mother' | 'father';

/** Where a column's value lives in a record: a person block's role, or a registration field by key. */
type Source = { block: Block; role: PersonRole } | { key: string };

export interface KeyColumn {
  /** The file's column key (MoJ exchange naming, EXTRACTS-LINKAGE §3.4). */
  key: string;
  source?: Source;
  /** Compared with the population side's `dc<Key>` column. */
  compared: boolean;
}

/** The match keys, in file order: sent out and echoed back unchanged. */
export const KEY_COLUMNS: readonly KeyColumn[] = [
  { key: 'recordId', compared: false },
  { key: 'loaiSo', compared: false },
  { key: 'soDinhDanh', source: { block: 'subject', role: 'personalId' }, compared: true },
  { key: 'hoTen', source: { block: 'subject', role: 'fullName' }, compared: true },
  { key: 'ngaySinh', source: { block: 'subject', role: 'birthDate' }, compared: true },
  { key: 'gioiTinh', source: { block: 'subject', role: 'sex' }, compared: true },
  { key: 'noiDangKy', source: { key: 'noiDangKy' }, compared: false },
  { key: 'soDangKy', source: { key: 'so' }, compared: false },
  { key: 'quyenSo', source: { key: 'quyenSo' }, compared: false },
  { key: 'trangSo', source: { key: 'trangSo' }, compared: false },
  { key: 'ngayDangKy', source: { key: 'ngayDangKy' }, compared: false },
  { key: 'meHoTen', source: { block: 'mother', role: 'fullName' }, compared: true },
  { key: 'chaHoTen', source: { block: 'father', role: 'fullName' }, compared: true },
];

export const COMPARED_KEYS = KEY_COLUMNS.filter((c) => c.compared).map((c) => c.key);

/** The population side's column for a compared key: hoTen -> dcHoTen. */
export const popKey = (key: string): string => `dc${key[0]!.toUpperCase()}${key.slice(1)}`;
export const STATUS_KEY = 'dcTrangThai';
export const NOTE_KEY = 'dcGhiChu';

/** What the population side answers for a row. */
export const POP_STATUSES = {
  TIM_THAY: 'Tìm thấy',
  KHONG_TIM_THAY: 'Không tìm thấy',
  NHIEU_KET_QUA: 'Nhiều kết quả',
} as const;
export type PopStatus = keyof typeof POP_STATUSES;

/** Every column of a result file, in order: the match keys, the status, the population values, a note. */
export const RESULT_KEYS: readonly string[] = [...KEY_COLUMNS.map((c) => c.key), STATUS_KEY, ...COMPARED_KEYS.map(popKey), NOTE_KEY];

const FIXED_LABELS: Readonly<Record<string, string>> = {
  recordId: 'Mã bản ghi',
  loaiSo: 'Loại sổ',
  [STATUS_KEY]: 'Trạng thái trong CSDL dân cư',
  [NOTE_KEY]: 'Ghi chú của cơ quan dân cư',
};

const blockPrefix = (type: PopdbRegister, block: Block): string | undefined => (POPDB_REGISTERS[type] as Partial<Record<Block, string>>)[block];

/** The catalog field a column reads in a template; undefined when the register has none (a death has no mother block). */
export function fieldOf(template: RegisterTemplate, column: KeyColumn): FieldDef | undefined {
  const s = column.source;
  if (!s) return undefined;
  if ('key' in s) return template.fields.find((f) => f.key === s.key);
  if (!isPopdbRegister(template.registerType)) return undefined;
  const prefix = blockPrefix(template.registerType, s.block);
  return prefix === undefined ? undefined : template.fields.find((f) => f.person === prefix && f.role === s.role);
}

export const columnOf = (key: string): KeyColumn | undefined => KEY_COLUMNS.find((c) => c.key === key);

/** The Vietnamese label of a file column, from the catalog's birth register (the richest one). */
export function labelOf(key: string): string {
  if (FIXED_LABELS[key]) return FIXED_LABELS[key];
  const base = KEY_COLUMNS.find((c) => c.key === key || popKey(c.key) === key);
  const ks = getTemplate('KS');
  const f = base ? fieldOf(ks, base) : undefined;
  const person = f?.person ? ks.persons.find((p) => p.prefix === f.person) : undefined;
  const label = f ? (person ? `${f.label} của ${person.label}` : f.label) : key;
  return base && key !== base.key ? `${label} theo CSDL dân cư` : label;
}

/** The catalog type of a compared key (how both sides are normalized before comparing). */
export function typeOf(key: string): FieldType | undefined {
  const c = columnOf(key);
  return c ? fieldOf(getTemplate('KS'), c)?.type : undefined;
}

export const headerCell = (key: string): string => `${labelOf(key)} (${key})`;

/** The key a header cell names: "<label> (<key>)" or the key alone; undefined for an unknown column. */
export function keyOfHeader(text: string): string | undefined {
  const t = text.normalize('NFC').trim();
  const inParens = /\(([A-Za-z]+)\)\s*$/.exec(t)?.[1];
  const candidate = inParens ?? t;
  return RESULT_KEYS.find((k) => k.toLowerCase() === candidate.toLowerCase());
}
