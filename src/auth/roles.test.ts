/** The permission map: who may do what. */
import { describe, expect, it } from 'vitest';
import { can, permissionsOf, PERMISSION_LABELS, PERMISSIONS, ROLE_IDS, ROLES, type Permission, type Role } from './roles.js';

const user = (role: Role) => ({ role });
const perms = Object.keys(PERMISSIONS) as Permission[];

describe('roles and permissions', () => {
  it('labels every role in Vietnamese', () => {
    expect(ROLES).toEqual({
      admin: 'Quản trị',
      planner: 'Cán bộ Sở Tư pháp',
      officer: 'Công chức tư pháp - hộ tịch',
      keyer: 'Nhân viên nhập liệu',
      reviewer: 'Người kiểm tra',
    });
  });

  it('keeps user management to admins', () => {
    expect(ROLE_IDS.filter((r) => can(user(r), 'users.manage'))).toEqual(['admin']);
    expect(can(user('keyer'), 'users.manage')).toBe(false);
  });

  it('lets keyers key but never review, approve or accept', () => {
    expect(can(user('keyer'), 'records.key')).toBe(true);
    for (const p of ['records.review', 'records.approve', 'qc.accept', 'books.write'] as const) expect(can(user('keyer'), p)).toBe(false);
    expect(can(user('reviewer'), 'records.review')).toBe(true);
    expect(can(user('reviewer'), 'records.key')).toBe(false);
  });

  it('gives admins every permission and anonymous nothing', () => {
    for (const p of perms) {
      expect(can(user('admin'), p)).toBe(true);
      expect(can(undefined, p)).toBe(false);
    }
  });

  it('lists exactly the permissions can() grants to each role, admins all of them', () => {
    for (const r of ROLE_IDS) expect(permissionsOf(r)).toEqual(perms.filter((p) => can(user(r), p)));
    expect(permissionsOf('admin')).toEqual(perms);
  });

  it('has a Vietnamese label for every permission', () => {
    for (const p of perms) expect(PERMISSION_LABELS[p]).toMatch(/\S/);
  });
});
