/**
 * Roles and permissions. A permission names an action ('records.key'); the
 * map says which roles hold it. Admin holds every permission. WHAT a user may
 * act on is her scope, not her role: grants of units or books, checked in
 * SQL (scope.repo.ts) where the data is read or written.
 */
export const ROLES = {
  admin: 'Quản trị',
  planner: 'Cán bộ Sở Tư pháp',
  officer: 'Công chức tư pháp - hộ tịch',
  keyer: 'Nhân viên nhập liệu',
  reviewer: 'Người kiểm tra',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as Role[];

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && Object.hasOwn(ROLES, x);
}

const ALL = ['admin', 'planner', 'officer', 'keyer', 'reviewer'] as const;

/** Who may do what. Contractors' keyers never approve; acceptance (nghiệm thu) belongs to the province. */
export const PERMISSIONS = {
  'books.read': ALL,
  'books.write': ['admin', 'planner', 'officer'],
  'books.assign': ['admin', 'planner', 'officer'],
  'scans.upload': ['admin', 'officer', 'keyer'],
  'records.read': ALL,
  'records.key': ['admin', 'officer', 'keyer'],
  'records.review': ['admin', 'officer', 'reviewer'],
  'records.approve': ['admin', 'officer'],
  'qc.accept': ['admin', 'planner'],
  'qc.arbitrate': ['admin', 'officer', 'reviewer'],
  'qc.plan': ['admin', 'planner'],
  'exports.download': ['admin', 'planner', 'officer'],
  'records.download': ['admin', 'planner', 'officer'],
  'imports.run': ['admin', 'planner', 'officer'],
  'reports.view': ['admin', 'planner', 'officer', 'reviewer'],
  'units.manage': ['admin', 'planner'],
  'users.manage': ['admin'],
  'audit.view': ['admin', 'planner'],
  'extracts.issue': ['admin', 'officer'],
  'plans.read': ['admin', 'planner', 'officer'],
  'plans.manage': ['admin', 'planner'],
  'popdb.compare': ['admin', 'planner', 'officer'],
  'popdb.decide': ['admin', 'officer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** What a permission lets one do, for "Bạn không có quyền …" messages. */
export const PERMISSION_LABELS = {
  'books.read': 'xem quyển sổ',
  'books.write': 'thêm hoặc sửa quyển sổ',
  'books.assign': 'giao quyển sổ cho người nhập liệu, người kiểm tra',
  'scans.upload': 'tải ảnh quét lên',
  'records.read': 'xem bản ghi',
  'records.key': 'nhập liệu',
  'records.review': 'kiểm tra bản ghi',
  'records.approve': 'phê duyệt bản ghi',
  'qc.accept': 'nghiệm thu',
  'qc.arbitrate': 'trọng tài đối chiếu hai lần nhập',
  'qc.plan': 'chọn chế độ kiểm soát chất lượng của sổ',
  'exports.download': 'xuất dữ liệu',
  'records.download': 'tải hàng loạt dữ liệu cá nhân (PDF, tệp nén các việc đăng ký)',
  'imports.run': 'nhập dữ liệu từ tệp',
  'reports.view': 'xem báo cáo',
  'units.manage': 'quản lý danh mục đơn vị hành chính',
  'users.manage': 'quản lý người dùng',
  'audit.view': 'xem nhật ký truy cập và thay đổi',
  'extracts.issue': 'tìm trong toàn tỉnh và cấp bản sao trích lục',
  'plans.read': 'xem kế hoạch và tiến độ số hóa',
  'plans.manage': 'lập và điều chỉnh kế hoạch số hóa',
  'popdb.compare': 'đối chiếu với Cơ sở dữ liệu quốc gia về dân cư (xuất, nhập tệp, xem kết quả)',
  'popdb.decide': 'quyết định chỗ khác nhau giữa sổ hộ tịch và Cơ sở dữ liệu quốc gia về dân cư',
} as const satisfies Record<Permission, string>;

export interface Principal {
  role: Role;
}

export function can(user: Principal | undefined, permission: Permission): boolean {
  if (!user) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/** Every permission the role holds, in the order of PERMISSIONS (what the web app is told at sign-in). */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => (PERMISSIONS[p] as readonly Role[]).includes(role));
}
