/**
 * Users, their organizations and scopes from the command line:
 *   hotich users add <login> --role <role> [--name …] [--org <name>] [--unit <unit>[,<unit>…]] [--all]
 *   hotich users assign <login> --book <id>… | --unit <unit>     (keyers, reviewers: assigned books)
 *   hotich users unassign <login> --book <id>…
 *   hotich users list [--json]
 *   hotich users reset-password <login>   (new password; her sessions end, her login is unlocked, the reset recorded)
 *   hotich orgs add <name> --kind <kind> [--unit <unit>],  hotich orgs list
 * A unit is its id as the API shows it or its GSO code. The password is read
 * from the first line of standard input, never from the command line (argv
 * is visible to every user of the machine):
 *   printf '%s\n' "$MAT_KHAU" | hotich users add ntlan --role officer --name "Nguyễn Thị Lan" --unit 05815
 *   printf '%s\n' "$MAT_KHAU_MOI" | hotich users reset-password ntlan
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import {
  assignBooks,
  createOrganization,
  createUser,
  findUserByLogin,
  getOrganization,
  grantScope,
  isRole,
  listGrantViews,
  listOrganizations,
  listUsers,
  resetPassword,
  ORGANIZATION_KINDS,
  PASSWORD_MIN,
  ROLE_IDS,
  ROLES,
  unassignBooks,
  type ActorContext,
  type AuthUser,
  type GrantView,
  type OrganizationKind,
  type PasswordReset,
  type Role,
} from '../auth/index.js';
import { Invalid, NotFound } from '../core/index.js';
import { findUnitByRef } from '../units/index.js';
import { withContext } from './open-context.js';

/** The first line of `input` (without its line ending); '' when the input is empty. */
export async function readFirstLine(input: Readable): Promise<string> {
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

/** Reads the password from `input`, refusing an empty or short one in Vietnamese. */
export async function readPassword(input: Readable): Promise<string> {
  const password = (await readFirstLine(input)).replace(/\r$/, '');
  if (password === '') {
    throw new Invalid('cli.password_empty', 'Chưa có mật khẩu: hãy đưa mật khẩu vào dòng đầu của đầu vào chuẩn (stdin), ví dụ: printf \'%s\\n\' "$MAT_KHAU" | hotich users add …');
  }
  if ([...password].length < PASSWORD_MIN) throw new Invalid('cli.password_short', `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự.`);
  return password;
}

function parseRole(raw: string): Role {
  const role = raw.trim().toLowerCase();
  if (!isRole(role)) throw new Invalid('cli.bad_role', `Vai trò "${raw}" không có. Chọn một trong: ${ROLE_IDS.map((r) => `${r} (${ROLES[r]})`).join(', ')}.`);
  return role;
}

export interface AddUserOptions {
  role: string;
  name?: string | undefined;
  org?: string | undefined;
  /** Comma-separated units (ids or GSO codes). */
  unit?: string | undefined;
  /** Sees every book of the installation. */
  all?: boolean | undefined;
}

const unitRefs = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);

/** `users add` once the password is read: the user, her organization and her scope, in that order. */
export async function addUser(ctx: ActorContext, login: string, opts: AddUserOptions, password: string): Promise<AuthUser> {
  const units = await Promise.all(unitRefs(opts.unit).map((u) => findUnitByRef(ctx, u)));
  const org = opts.org ? await getOrganization(ctx, opts.org) : undefined;
  const user = await createUser(ctx, { login, role: parseRole(opts.role), password, displayName: opts.name ?? '', organizationId: org?.id ?? null });
  if (opts.all) await grantScope(ctx, user.id, { kind: 'all' });
  for (const u of units) await grantScope(ctx, user.id, { kind: 'unit', unitId: u.id });
  return user;
}

async function userByLogin(ctx: ActorContext, login: string): Promise<AuthUser> {
  const user = await findUserByLogin(ctx, login);
  if (!user) throw new NotFound('user.not_found', `Không có người dùng "${login}".`);
  return user;
}

export interface AssignOptions {
  book?: string[] | undefined;
  unit?: string | undefined;
}

/** `users assign`: books by id, or every book of a unit, to one user. */
export async function assignUser(ctx: ActorContext, login: string, opts: AssignOptions): Promise<{ books: number; created: number }> {
  const user = await userByLogin(ctx, login);
  const unit = opts.unit ? await findUnitByRef(ctx, opts.unit) : undefined;
  return assignBooks(ctx, { userIds: [user.id], ...(opts.book?.length ? { bookIds: opts.book } : {}), ...(unit ? { unitId: unit.id } : {}) });
}

/** `users reset-password` once the password is read (the command line acts as the system: no user recorded). */
export async function resetUserPassword(ctx: ActorContext, login: string, password: string): Promise<PasswordReset> {
  const user = await findUserByLogin(ctx, login);
  if (!user) throw new NotFound('cli.user_not_found', `Không có người dùng "${login.trim().toLowerCase()}".`);
  return resetPassword(ctx, user.id, password);
}

const scopeText = (grants: readonly GrantView[]) =>
  grants.length === 0 ? 'không thấy sổ nào' : grants.map((g) => (g.kind === 'all' ? 'toàn bộ' : g.kind === 'unit' ? g.unit!.name : `sổ ${g.book!.title}`)).join('; ');

export function formatUsers(users: readonly (AuthUser & { grants?: readonly GrantView[] })[]): string {
  if (users.length === 0) return 'Chưa có người dùng nào.';
  return users
    .map((u) => [u.login.padEnd(20), u.roleLabel.padEnd(28), u.disabledAt ? 'đã vô hiệu hóa' : 'đang dùng', u.displayName, u.grants ? `— phạm vi: ${scopeText(u.grants)}` : ''].join('  ').trimEnd())
    .join('\n');
}

export function usersCommands(program: Command): void {
  const users = program.command('users').description('người dùng: thêm, giao sổ, liệt kê, đặt lại mật khẩu');
  users
    .command('add <login>')
    .description('thêm người dùng; mật khẩu đọc từ dòng đầu của đầu vào chuẩn (stdin)')
    .requiredOption('-r, --role <role>', `vai trò: ${ROLE_IDS.join(' | ')}`)
    .option('-n, --name <display name>', 'họ tên hiển thị')
    .option('--org <name>', 'đơn vị công tác (tên hoặc mã, xem "hotich orgs list")')
    .option('--unit <units>', 'phạm vi: đơn vị hành chính được xem (mã như API hoặc mã Tổng cục Thống kê), cách nhau bởi dấu phẩy')
    .option('--all', 'phạm vi: toàn bộ các quyển sổ (quản trị, Sở Tư pháp)')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .action(async (login: string, opts: AddUserOptions & { data?: string }) => {
      parseRole(opts.role); // before waiting for a password
      if (process.stdin.isTTY) process.stderr.write(`Mật khẩu (ít nhất ${PASSWORD_MIN} ký tự; ký tự gõ vào sẽ hiện trên màn hình), rồi Enter: `);
      const password = await readPassword(process.stdin);
      const user = await withContext(opts.data, (ctx) => addUser(ctx, login, opts, password));
      console.log(`Đã tạo người dùng "${user.login}" (${user.roleLabel}).`);
    });
  users
    .command('assign <login>')
    .description('giao quyển sổ cho người nhập liệu / người kiểm tra (có hiệu lực ngay)')
    .option('--book <ids...>', 'mã quyển sổ')
    .option('--unit <unit>', 'mọi quyển sổ của đơn vị hành chính này')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .action((login: string, opts: AssignOptions & { data?: string }) =>
      withContext(opts.data, async (ctx) => {
        const r = await assignUser(ctx, login, opts);
        console.log(`Đã giao ${r.books} quyển sổ cho "${login}" (${r.created} quyển mới giao).`);
      }),
    );
  users
    .command('unassign <login>')
    .description('thôi giao quyển sổ (có hiệu lực ngay, kể cả phiên đang đăng nhập)')
    .requiredOption('--book <ids...>', 'mã quyển sổ')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .action((login: string, opts: { book: string[]; data?: string }) =>
      withContext(opts.data, async (ctx) => {
        const r = await unassignBooks(ctx, { userIds: [(await userByLogin(ctx, login)).id], bookIds: opts.book });
        console.log(`Đã thôi giao ${r.removed} quyển sổ của "${login}".`);
      }),
    );
  users
    .command('reset-password <login>')
    .description('đặt lại mật khẩu (đọc từ dòng đầu của stdin); kết thúc mọi phiên đăng nhập của người đó, mở khóa đăng nhập')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .action(async (login: string, opts: { data?: string }) => {
      if (process.stdin.isTTY) process.stderr.write(`Mật khẩu mới (ít nhất ${PASSWORD_MIN} ký tự; ký tự gõ vào sẽ hiện trên màn hình), rồi Enter: `);
      const password = await readPassword(process.stdin);
      const r = await withContext(opts.data, (ctx) => resetUserPassword(ctx, login, password));
      console.log(`Đã đặt lại mật khẩu của "${r.user.login}"; đã kết thúc ${r.sessionsEnded} phiên đăng nhập.`);
    });
  users
    .command('list')
    .description('liệt kê người dùng và phạm vi của họ')
    .option('--json', 'in dạng JSON')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .action((opts: { data?: string; json?: boolean }) =>
      withContext(opts.data, async (ctx) => {
        const list = await listUsers(ctx);
        const grants = await listGrantViews(
          ctx,
          list.map((u) => u.id),
        );
        const withGrants = list.map((u) => ({ ...u, grants: grants.filter((g) => g.userId === u.id) }));
        console.log(opts.json ? JSON.stringify(withGrants, null, 2) : formatUsers(withGrants));
      }),
    );
  orgsCommands(program);
}

function orgsCommands(program: Command): void {
  const orgs = program.command('orgs').description('đơn vị công tác của người dùng: Sở Tư pháp, UBND xã, nhà thầu…');
  const kinds = Object.entries(ORGANIZATION_KINDS)
    .map(([k, v]) => `${k} (${v})`)
    .join(', ');
  orgs
    .command('add <name>')
    .description('thêm đơn vị')
    .requiredOption('--kind <kind>', `loại: ${kinds}`)
    .option('--unit <unit>', 'đơn vị hành chính của tổ chức')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .action((name: string, opts: { kind: string; unit?: string; data?: string }) =>
      withContext(opts.data, async (ctx) => {
        const unit = opts.unit ? await findUnitByRef(ctx, opts.unit) : undefined;
        const org = await createOrganization(ctx, { name, kind: opts.kind as OrganizationKind, unitId: unit?.id ?? null });
        console.log(`Đã thêm đơn vị "${org.name}" (${org.kindLabel}), mã ${org.id}.`);
      }),
    );
  orgs
    .command('list')
    .description('liệt kê đơn vị')
    .option('--json', 'in dạng JSON')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .action((opts: { json?: boolean; data?: string }) =>
      withContext(opts.data, async (ctx) => {
        const list = await listOrganizations(ctx);
        console.log(opts.json ? JSON.stringify(list, null, 2) : list.map((o) => `${o.name.padEnd(40)}  ${o.kindLabel}  ${o.id}`).join('\n') || 'Chưa có đơn vị nào.');
      }),
    );
}
