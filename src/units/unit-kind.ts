/**
 * Reading a unit's kind from what lists write: the "Cấp" column ("Phường",
 * "Thị trấn", "Thành phố Trung ương"…) or the kind word that starts a full
 * name ("Thành phố Hà Nội", "Huyện Đạ Tẻh").
 */
import { searchKey } from '../vn/index.js';
import type { UnitKind, UnitLevel } from './unit.types.js';

const BY_WORD: Record<UnitLevel, [string, UnitKind][]> = {
  province: [
    ['thanh pho trung uong', 'thanh_pho_tw'],
    ['thanh pho', 'thanh_pho_tw'],
    ['tinh', 'tinh'],
  ],
  district: [
    ['thanh pho thuoc thanh pho trung uong', 'thanh_pho_thuoc_tw'],
    ['thanh pho', 'thanh_pho_thuoc_tinh'],
    ['thi xa', 'thi_xa'],
    ['quan', 'quan'],
    ['huyen', 'huyen'],
  ],
  commune: [
    ['thi tran', 'thi_tran'],
    ['phuong', 'phuong'],
    ['dac khu', 'dac_khu'],
    ['xa', 'xa'],
  ],
};

/** The kind named by a "Cấp" cell or at the start of a full name; undefined when none fits the level. */
export function kindOf(text: string, level: UnitLevel): UnitKind | undefined {
  const key = searchKey(text);
  return BY_WORD[level].find(([word]) => key === word || key.startsWith(`${word} `))?.[1];
}

/** The name without its leading kind word: "Phường Phúc Xá" → "Phúc Xá", "Phường 9" → "9". */
export function shortName(name: string, level: UnitLevel): string {
  const words = name.trim().split(/\s+/);
  const key = searchKey(name);
  const match = BY_WORD[level].find(([word]) => key.startsWith(`${word} `));
  return match ? words.slice(match[0].split(' ').length).join(' ') : name.trim();
}
