/**
 * THE register catalog: every register type and column layout hotich knows.
 * `CURRENT_TEMPLATE` names the layout used for new books of each type; it is
 * complete by construction (a new RegisterType fails to compile until added).
 */
import { Invalid } from '../common/index.js';
import type { RegisterTemplate, RegisterType } from './field.js';
import { KHAI_SINH_60, KHAI_SINH_70 } from './khai-sinh.js';
import { KHAI_TU } from './khai-tu.js';
import { KET_HON } from './ket-hon.js';
import { NHAN_CHA_ME_CON } from './nhan-cha-me-con.js';
import { XAC_NHAN_HON_NHAN } from './xac-nhan-hon-nhan.js';
import { THAY_DOI_HO_TICH } from './thay-doi-ho-tich.js';
import { GIAM_HO } from './giam-ho.js';
import { GHI_CHU } from './ghi-chu.js';
import { NUOI_CON_NUOI } from './nuoi-con-nuoi.js';

export const TEMPLATES: readonly RegisterTemplate[] = [KHAI_SINH_70, KHAI_SINH_60, KHAI_TU, KET_HON, NHAN_CHA_ME_CON, XAC_NHAN_HON_NHAN, THAY_DOI_HO_TICH, GIAM_HO, GHI_CHU, NUOI_CON_NUOI];

export const CURRENT_TEMPLATE = {
  KS: KHAI_SINH_70.id,
  KT: KHAI_TU.id,
  KH: KET_HON.id,
  CMC: NHAN_CHA_ME_CON.id,
  HN: XAC_NHAN_HON_NHAN.id,
  TDCC: THAY_DOI_HO_TICH.id,
  GH: GIAM_HO.id,
  GC: GHI_CHU.id,
  CN: NUOI_CON_NUOI.id,
} as const satisfies Record<RegisterType, string>;

export const REGISTER_TYPES = Object.keys(CURRENT_TEMPLATE) as RegisterType[];

const ALIASES: Record<string, string> = { TĐCC: 'TDCC', TĐ: 'TDCC' };

/** A template by its id ('KS-60') or by register type ('KS', 'kt', 'TĐCC'): the current layout. */
export function findTemplate(idOrType: string): RegisterTemplate | undefined {
  const key = idOrType.trim().normalize('NFC').toUpperCase();
  const typeOrId = ALIASES[key] ?? key;
  const id = (CURRENT_TEMPLATE as Record<string, string>)[typeOrId] ?? typeOrId;
  return TEMPLATES.find((t) => t.id.toUpperCase() === id);
}

export function getTemplate(idOrType: string): RegisterTemplate {
  const t = findTemplate(idOrType);
  if (t) return t;
  const known = TEMPLATES.map((x) => x.id).join(', ');
  throw new Invalid('register.unknown_type', `Loại sổ "${idOrType}" không có trong danh mục. Các loại: ${REGISTER_TYPES.join(', ')} (mẫu: ${known}).`, 'type');
}
