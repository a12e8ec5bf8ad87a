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
import { assignBooks, createOrganization, createUser, findUserByLogin, grantScope, listOrganizations, setUserOrganization, type ActorContext, type AuthUser } from '../auth/index.js';
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
  {
    login: 'canbo',
    displayName: 'Công chức tư pháp - hộ tịch xã La Bằng (minh họa)',
    role: 'officer',
    org: 'laBang',
    scope: { kind: 'communes', communes: ['laBang', 'hoangNong'] },
    note: 'sổ của xã La Bằng và Hoàng Nông',
  },
  {
    login: 'canbo2',
    displayName: 'Công chức tư pháp - hộ tịch xã Cù Vân (minh họa)',
    role: 'officer',
    org: 'cuVan',
    scope: { kind: 'communes', communes: ['cuVan', 'phuXuyen'] },
    note: 'sổ của xã Cù Vân và Phú Xuyên',
  },
  {
    login: 'nhaplieu1',
    displayName: 'Nhân viên nhập liệu 1 (minh họa)',
    role: 'keyer',
    org: 'contractor',
    scope: { kind: 'assigned', communes: ['laBang', 'hoangNong', 'cuVan', 'phuXuyen'] },
    note: 'các quyển được giao',
  },
  {
    login: 'nhaplieu2',
    displayName: 'Nhân viên nhập liệu 2 (minh họa)',
    role: 'keyer',
    org: 'contractor',
    scope: { kind: 'assigned', communes: ['laBang', 'hoangNong', 'cuVan', 'phuXuyen'] },
    note: 'các quyển được giao',
  },
  {
    login: 'kiemtra',
    displayName: 'Người kiểm tra (minh họa)',
    role: 'reviewer',
    org: 'contractor',
    scope: { kind: 'assigned', communes: ['laBang', 'hoangNong', 'cuVan', 'phuXuyen'] },
    note: 'các quyển được giao',
  },
];

const communeOf = (authority: string): CommuneKey | undefined => (Object.keys(DEMO_COMMUNES) as CommuneKey[]).find((k) => authority.includes(`xã ${DEMO_COMMUNES[k].name},`));

/** The demo's people, by login, once they exist (ensureDemoUsers). */
export type DemoTeam = ReadonlyMap<string, AuthUser>;

async function ensureOrgs(ctx: ActorContext): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const existing = await listOrganizations(ctx);
  for (const [key, o] of Object.entries(DEMO_ORGS)) {
    const found = existing.find((e) => e.name === o.name) ?? (await createOrganization(ctx, { name: o.name, kind: o.kind }));
    ids.set(key, found.id);
  }
  return ids;
}

/**
 * Creates the demo organizations and the demo users that do not exist yet
 * (province-wide users get their scope now; the others get theirs book by
 * book, grantDemoBook); returns every demo user by login.
 */
export async function ensureDemoUsers(ctx: ActorContext): Promise<DemoTeam> {
  const orgs = await ensureOrgs(ctx);
  const team = new Map<string, AuthUser>();
  for (const u of DEMO_USERS) {
    const found = await findUserByLogin(ctx, u.login);
    if (found) {
      team.set(u.login, found);
      continue;
    }
    const user = await createUser(ctx, { login: u.login, displayName: u.displayName, role: u.role, password: DEMO_PASSWORD });
    await setUserOrganization(ctx, user.id, orgs.get(u.org)!);
    if (u.scope.kind === 'all') await grantScope(ctx, user.id, { kind: 'all' });
    team.set(u.login, user);
  }
  return team;
}

/**
 * A new demo book reaches the users whose scope holds it: the commune
 * officers through the book's unit (the book itself when its authority did
 * not resolve), the contractor's keyers and reviewer by assignment.
 */
export async function grantDemoBook(ctx: ActorContext, team: DemoTeam, book: { id: string; authority: string; authorityUnit: { id: string } | null }): Promise<void> {
  const commune = communeOf(book.authority);
  if (!commune) return;
  const assigned: string[] = [];
  for (const u of DEMO_USERS) {
    const user = team.get(u.login);
    if (!user || u.scope.kind === 'all' || !u.scope.communes.includes(commune)) continue;
    if (u.scope.kind === 'assigned') assigned.push(user.id);
    else await grantScope(ctx, user.id, book.authorityUnit ? { kind: 'unit', unitId: book.authorityUnit.id } : { kind: 'book', bookId: book.id });
  }
  if (assigned.length > 0) await assignBooks(ctx, { userIds: assigned, bookIds: [book.id] });
}
