/**
 * A unit's full name and kind from what a list or a package writes — one rule
 * for the file formats and the built-in packages:
 * - the name is cleaned (NFC, one space between words) and its kind word put
 *   in official casing ("Thành Phố Long Khánh" → "Thành phố Long Khánh");
 * - the kind word that starts the name wins over a separate type column,
 *   because the official lists themselves carry wrong type cells (GSO gives
 *   "Xã" for "Phường 5" of Quận Phú Nhuận and for "Thị trấn Ngọc Lặc"); the
 *   disagreement is returned as a doubt. A type of the same word refines the
 *   kind ("Thành phố" + "Thành phố Trung ương");
 * - a name without a kind word gets the word of its type column ("Cao Bằng"
 *   + Tỉnh → "Tỉnh Cao Bằng"), else of a fallback kind the caller states;
 *   with neither, the kind is unknown and the caller decides.
 */
import { cleanText } from '../vn/index.js';
import { kindOf } from './unit-kind.js';
import { UNIT_KINDS, type UnitKind, type UnitLevel } from './unit.types.js';

export type NamedUnit = { ok: true; name: string; kind: UnitKind; doubt?: string } | { ok: false; reason: string };

export interface NameInput {
  level: UnitLevel;
  name: string;
  /** The text of a type column ("Cấp", "wardType", a package's place type), when there is one. */
  type?: string;
  fallback?: UnitKind;
}

const sameWord = (a: UnitKind, b: UnitKind): boolean => UNIT_KINDS[a].word === UNIT_KINDS[b].word;

/** The name with its leading kind word in official casing: "Thị Trấn X" → "Thị trấn X". */
function withKindWord(name: string, kind: UnitKind): string {
  const word = UNIT_KINDS[kind].word;
  return [word, ...name.split(' ').slice(word.split(' ').length)].join(' ');
}

function fromName(written: string, type: string, nameKind: UnitKind, typeKind: UnitKind | undefined): NamedUnit {
  const name = withKindWord(written, nameKind);
  if (typeKind && sameWord(typeKind, nameKind)) return { ok: true, name, kind: typeKind };
  if (type === '') return { ok: true, name, kind: nameKind };
  const doubt = `tên "${name}" cho biết loại "${UNIT_KINDS[nameKind].word}" nhưng cột loại ghi "${type}"; lấy theo tên.`;
  return { ok: true, name, kind: nameKind, doubt };
}

export function nameUnit(input: NameInput): NamedUnit {
  const name = cleanText(input.name);
  const type = cleanText(input.type ?? '');
  const nameKind = kindOf(name, input.level);
  const typeKind = type === '' ? undefined : kindOf(type, input.level);
  if (nameKind) return fromName(name, type, nameKind, typeKind);
  const kind = typeKind ?? input.fallback;
  if (kind) return { ok: true, name: `${UNIT_KINDS[kind].word} ${name}`, kind };
  return { ok: false, reason: `không xác định được loại đơn vị của "${name}" (cần tên bắt đầu bằng Tỉnh, Huyện, Xã, Phường…).` };
}

/** A "Thành phố" district of a centrally-run city is a city of that city (Thủ Đức), not of a province. */
export function districtKind(kind: UnitKind, provinceKind: UnitKind | undefined): UnitKind {
  return kind === 'thanh_pho_thuoc_tinh' && provinceKind === 'thanh_pho_tw' ? 'thanh_pho_thuoc_tw' : kind;
}
