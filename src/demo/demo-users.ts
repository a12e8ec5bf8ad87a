/**
 * The demo's sign-ins: one user per kind a visitor wants to try, with one
 * shared, printed password, each with the scope a real one would have:
 * the administrator and the Sở Tư pháp's planner see the province; each
 * commune officer sees her commune's books (the book's unit, or the book
 * itself when units are not loaded); the contractor's keyers and reviewer see
 * the books assigned to them. Only ever created together with the demo data
 * (never on a database that already had books), so a real installation never
 * gets them.
 */
import { listBooks } from '../archive/index.js';
import { assignBooks, createOrganization, createUser, findUserByLogin, grantScope, listOrganizations, setUserOrganization, type ActorContext } from '../auth/index.js';
import { DEMO_COMMUNES } from './demo-place.js';

export const DEMO_PASSWORD = 'hotich-demo';

type CommuneKey = keyof typeof DEMO_COMMUNES;
type DemoScope = { kind: 'all' } | { kind: 'communes'; communes: readonly CommuneKey[] } | { kind: 'assigned'; communes: readonly CommuneKey[] };

export interface DemoUser {
  login: string;
  displayName: string;
  role: 'admin' | 'planner' | 'officer' | 'keyer' | 'reviewer';
  org: keyof typeof DEMO_ORGS;
  scope: DemoScope;
  /** What a visitor reads next to the login. */
  note: string;
}

export const DEMO_ORGS = {
  so: { name: 'Sở Tư pháp tỉnh Thái Nguyên (minh họa)', kind: 'so_tu_phap' },
  laBang: { name: 'UBND xã La Bằng (minh họa)', kind: 'ubnd_xa' },
  cuVan: { name: 'UBND xã Cù Vân (minh họa)', kind: 'ubnd_xa' },
  contractor: { name: 'Công ty Số hóa Miền Bắc (nhà thầu minh họa)', kind: 'contractor' },
} as const;

export const DEMO_USERS: readonly DemoUser[] = [
  { login: 'quantri', displayName: 'Quản trị (minh họa)', role: 'admin', org: 'so', scope: { kind: 'all' }, note: 'toàn tỉnh, mọi quyền' },
  { login: 'sotuphap', displayName: 'Cán bộ Sở Tư pháp (minh họa)', role: 'planner', org: 'so', scope: { kind: 'all' }, note: 'toàn tỉnh: kế hoạch, nghiệm thu, xuất dữ liệu' },
  { login: 'canbo', displayName: 'Công chức tư pháp - hộ tịch xã La Bằng (minh họa)', role: 'officer', org: 'laBang', scope: { kind: 'communes', communes: ['laBang', 'hoangNong'] }, note: 'sổ của xã La Bằng và Hoàng Nông' },
  { login: 'canbo2', displayName: 'Công chức tư pháp - hộ tịch xã Cù Vân (minh họa)', role: 'officer', org: 'cuVan', scope: { kind: 'communes', communes: ['cuVan', 'phuXuyen'] }, note: 'sổ của xã Cù Vân và Phú Xuyên' },
  { login: 'nhaplieu1', displayName: 'Nhân viên nhập liệu 1 (minh họa)', role: 'keyer', org: 'contractor', scope: { kind: 'assigned', communes: ['laBang', 'hoangNong', 'cuVan', 'phuXuyen'] }, note: 'các quyển được giao' },
  { login: 'nhaplieu2', displayName: 'Nhân viên nhập liệu 2 (minh họa)', role: 'keyer', org: 'contractor', scope: { kind: 'assigned', communes: ['laBang', 'hoangNong', 'cuVan', 'phuXuyen'] }, note: 'các quyển được giao' },
  { login: 'kiemtra', displayName: 'Người kiểm tra (minh họa)', role: 'reviewer', org: 'contractor', scope: { kind: 'assigned', communes: ['laBang', 'hoangNong', 'cuVan', 'phuXuyen'] }, note: 'các quyển được giao' },
];

const communeOf = (authority: string): CommuneKey | undefined =>
  (Object.keys(DEMO_COMMUNES) as CommuneKey[]).find((k) => authority.includes(`xã ${DEMO_COMMUNES[k].name},`));

async function ensureOrgs(ctx: ActorContext): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const existing = await listOrganizations(ctx);
  for (const [key, o] of Object.entries(DEMO_ORGS)) {
    const found = existing.find((e) => e.name === o.name) ?? (await createOrganization(ctx, { name: o.name, kind: o.kind }));
    ids.set(key, found.id);
  }
  return ids;
}

/** Gives a new demo user her scope over the demo books (a unit where the book's authority resolved, else the book). */
async function grant(ctx: ActorContext, userId: string, scope: DemoScope, books: readonly { id: string; authority: string; unitId: string | null }[]): Promise<void> {
  if (scope.kind === 'all') return void (await grantScope(ctx, userId, { kind: 'all' }));
  const mine = books.filter((b) => scope.communes.includes(communeOf(b.authority)!));
  if (scope.kind === 'assigned') {
    if (mine.length > 0) await assignBooks(ctx, { userIds: [userId], bookIds: mine.map((b) => b.id) });
    return;
  }
  for (const b of mine) await grantScope(ctx, userId, b.unitId ? { kind: 'unit', unitId: b.unitId } : { kind: 'book', bookId: b.id });
}

/** Creates the demo organizations and users that do not exist yet, with their scopes; returns the new logins. */
export async function ensureDemoUsers(ctx: ActorContext): Promise<string[]> {
  const orgs = await ensureOrgs(ctx);
  const books = (await listBooks(ctx, { limit: 200 })).items.map((b) => ({ id: b.id, authority: b.authority, unitId: b.authorityUnit?.id ?? null }));
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    if (await findUserByLogin(ctx, u.login)) continue;
    const user = await createUser(ctx, { login: u.login, displayName: u.displayName, role: u.role, password: DEMO_PASSWORD });
    await setUserOrganization(ctx, user.id, orgs.get(u.org)!);
    await grant(ctx, user.id, u.scope, books);
    created.push(u.login);
  }
  return created;
}
