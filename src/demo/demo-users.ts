/**
 * The demo's sign-ins: one user per role a visitor wants to try, with one
 * shared, printed password. Only ever created together with the demo data
 * (never on a database that already had books), so a real installation
 * never gets them.
 */
import { createUser, findUserByLogin } from '../auth/index.js';
import type { AppContext } from '../core/index.js';

export const DEMO_PASSWORD = 'hotich-demo';

export const DEMO_USERS = [
  { login: 'quantri', displayName: 'Quản trị (minh họa)', role: 'admin' },
  { login: 'canbo', displayName: 'Công chức tư pháp - hộ tịch (minh họa)', role: 'officer' },
  { login: 'nhaplieu1', displayName: 'Nhân viên nhập liệu 1 (minh họa)', role: 'keyer' },
  { login: 'nhaplieu2', displayName: 'Nhân viên nhập liệu 2 (minh họa)', role: 'keyer' },
  { login: 'kiemtra', displayName: 'Người kiểm tra (minh họa)', role: 'reviewer' },
] as const;

/** Creates the demo users that do not exist yet; returns their logins. */
export async function ensureDemoUsers(ctx: AppContext): Promise<string[]> {
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    if (await findUserByLogin(ctx, u.login)) continue;
    await createUser(ctx, { ...u, password: DEMO_PASSWORD });
    created.push(u.login);
  }
  return created;
}
