/**
 * The Vietnamese words of the admin screens: role and organization-kind
 * labels (the server's lists, typed against its ids: a new role or kind
 * fails the type check here, and labels.test.ts compares the words), a
 * user's scope described from her grants, and text folded for filters.
 */
import type { GrantView, OrganizationKind, Role } from './admin.api.js';

export const ROLE_LABELS = {
  admin: 'Quản trị',
  planner: 'Cán bộ Sở Tư pháp',
  officer: 'Công chức tư pháp - hộ tịch',
  keyer: 'Nhân viên nhập liệu',
  reviewer: 'Người kiểm tra',
} as const satisfies Record<Role, string>;

export const ORGANIZATION_KIND_LABELS = {
  so_tu_phap: 'Sở Tư pháp',
  phong_tu_phap: 'Phòng Tư pháp (cấp huyện, trước 01.07.2025)',
  ubnd_xa: 'UBND xã, phường, đặc khu',
  contractor: 'Đơn vị thi công (nhà thầu)',
  other: 'Đơn vị khác',
} as const satisfies Record<OrganizationKind, string>;

export const ROLE_IDS = Object.keys(ROLE_LABELS) as Role[];
export const ORGANIZATION_KINDS = Object.keys(ORGANIZATION_KIND_LABELS) as OrganizationKind[];

/** One grant in words: "Toàn bộ", the unit's name, or "Sổ …" with the book's title. */
export function grantText(g: GrantView): string {
  if (g.kind === 'all') return 'Toàn bộ';
  if (g.kind === 'unit') return g.unit?.name ?? 'đơn vị không còn';
  return `Sổ ${g.book?.title ?? 'không còn'}`;
}

/** A user's scope in words; no grant at all: she sees nothing. */
export function scopeText(grants: readonly GrantView[]): string {
  return grants.length === 0 ? 'Không thấy quyển sổ nào' : grants.map(grantText).join('; ');
}

const LEVEL_WORDS = { province: 'tỉnh', district: 'huyện', commune: 'xã' } as const;

/** How a unit hit is told apart from its namesakes: its path and whether it is a unit before or after 01.07.2025. */
export function unitHitText(u: { path: string; level: keyof typeof LEVEL_WORDS; scheme: string }): string {
  const era = u.scheme === 'y2025' ? 'từ 01.07.2025' : u.scheme === 'legacy' ? 'trước 01.07.2025' : 'đơn vị cũ';
  return `${u.path} (cấp ${LEVEL_WORDS[u.level]}, ${era})`;
}

/** Lower case without diacritics ("Đạ Tẻh" → "da teh"): filters match however the user types. */
export const foldText = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
