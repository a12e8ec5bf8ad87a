/**
 * The shell's navigation, grouped by the kind of work, each entry shown only
 * to a role holding its permission (`can`, as the server told it at sign-in).
 * Labels stay as the screens are named elsewhere (tests and guides use them).
 */
import { can, type Permission, type SignedInUser } from '../auth/index.js';

export interface NavItem {
  href: string;
  label: string;
  /** Shown when the user holds any of these (none: everyone signed in). */
  any?: readonly Permission[];
  title?: string;
}

export interface NavGroup {
  label: string;
  items: readonly NavItem[];
}

export const NAV: readonly NavGroup[] = [
  {
    label: 'Tổng quan',
    items: [
      { href: '#/', label: 'Trang chủ' },
      { href: '#/plans', label: 'Kế hoạch', any: ['plans.read'] },
    ],
  },
  {
    label: 'Sổ và nhập liệu',
    items: [
      { href: '#/books', label: 'Quyển sổ' },
      { href: '#/imports', label: 'Nhập dữ liệu từ tệp Excel/CSV', any: ['imports.run'] },
      { href: '#/admin/assign', label: 'Giao sổ', any: ['books.assign'] },
    ],
  },
  {
    label: 'Kiểm tra chất lượng',
    items: [
      { href: '#/qc/lots', label: 'Nghiệm thu' },
      { href: '#/qc/arbitration', label: 'Hàng chờ trọng tài', any: ['qc.arbitrate'] },
      { href: '#/qc/keyers', label: 'Độ chính xác nhập liệu', any: ['reports.view', 'records.key'] },
      { href: '#/linkage', label: 'Bản ghi trùng', any: ['records.review'] },
    ],
  },
  {
    label: 'Tra cứu và cấp bản sao',
    items: [
      { href: '#/search', label: 'Tìm kiếm', title: 'Phím tắt: / hoặc Ctrl+K' },
      { href: '#/extracts', label: 'Bản sao trích lục', any: ['extracts.issue'] },
      { href: '#/popdb', label: 'Đối chiếu CSDL dân cư', any: ['popdb.compare'] },
    ],
  },
  {
    label: 'Quản trị',
    items: [
      { href: '#/audit', label: 'Nhật ký', any: ['audit.view'] },
      { href: '#/admin/users', label: 'Người dùng', any: ['users.manage'] },
    ],
  },
];

/** The groups and entries this user may use (empty groups left out). */
export function navFor(user: SignedInUser): NavGroup[] {
  return NAV.map((g) => ({ ...g, items: g.items.filter((i) => !i.any || i.any.some((p) => can(user, p))) })).filter((g) => g.items.length > 0);
}

/** The entry a hash belongs to: the longest href that prefixes it ('#/' only for the home itself). */
export function currentHref(groups: readonly NavGroup[], hash: string): string | undefined {
  const h = hash === '' || hash === '#' ? '#/' : hash;
  if (h === '#/' || h.startsWith('#/?')) return '#/';
  const hrefs = groups.flatMap((g) => g.items.map((i) => i.href)).filter((href) => href !== '#/' && (h === href || h.startsWith(`${href}/`) || h.startsWith(`${href}?`)));
  if (h.startsWith('#/books/') && !hrefs.length) return '#/books';
  return hrefs.sort((a, b) => b.length - a.length)[0];
}
