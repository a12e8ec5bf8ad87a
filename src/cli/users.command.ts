/**
 * `hotich users add <login> --role <role> [--name …]`, `hotich users list`
 * and `hotich users reset-password <login>` (new password, the user's
 * sessions ended, her login unlocked, the reset recorded).
 * The password is read from the first line of standard input, never from
 * the command line (argv is visible to every user of the machine):
 *   printf '%s\n' "$MAT_KHAU" | hotich users add ntlan --role officer --name "Nguyễn Thị Lan"
 *   printf '%s\n' "$MAT_KHAU_MOI" | hotich users reset-password ntlan
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { createUser, findUserByLogin, isRole, listUsers, PASSWORD_MIN, resetPassword, ROLE_IDS, ROLES, type AuthUser, type PasswordReset, type Role } from '../auth/index.js';
import { Invalid, NotFound, type AppContext } from '../core/index.js';
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
}

/** `users add` once the password is read. */
export async function addUser(ctx: AppContext, login: string, opts: AddUserOptions, password: string): Promise<AuthUser> {
  return createUser(ctx, { login, role: parseRole(opts.role), password, displayName: opts.name ?? '' });
}

/** `users reset-password` once the password is read (the command line is the actor: none recorded). */
export async function resetUserPassword(ctx: AppContext, login: string, password: string): Promise<PasswordReset> {
  const user = await findUserByLogin(ctx, login);
  if (!user) throw new NotFound('cli.user_not_found', `Không có người dùng "${login.trim().toLowerCase()}".`);
  return resetPassword(ctx, null, user.id, password);
}

export function formatUsers(users: readonly AuthUser[]): string {
  if (users.length === 0) return 'Chưa có người dùng nào.';
  return users
    .map((u) => [u.login.padEnd(20), u.roleLabel.padEnd(28), u.disabledAt ? 'đã vô hiệu hóa' : 'đang dùng', u.displayName].join('  ').trimEnd())
    .join('\n');
}

export function usersCommands(program: Command): void {
  const users = program.command('users').description('người dùng: thêm, liệt kê, đặt lại mật khẩu');
  users
    .command('add <login>')
    .description('thêm người dùng; mật khẩu đọc từ dòng đầu của đầu vào chuẩn (stdin)')
    .requiredOption('-r, --role <role>', `vai trò: ${ROLE_IDS.join(' | ')}`)
    .option('-n, --name <display name>', 'họ tên hiển thị')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .action(async (login: string, opts: AddUserOptions & { data?: string }) => {
      parseRole(opts.role); // before waiting for a password
      if (process.stdin.isTTY) process.stderr.write(`Mật khẩu (ít nhất ${PASSWORD_MIN} ký tự; ký tự gõ vào sẽ hiện trên màn hình), rồi Enter: `);
      const password = await readPassword(process.stdin);
      const user = await withContext(opts.data, (ctx) => addUser(ctx, login, opts, password));
      console.log(`Đã tạo người dùng "${user.login}" (${user.roleLabel}).`);
    });
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
    .description('liệt kê người dùng')
    .option('--json', 'in dạng JSON')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .action((opts: { data?: string; json?: boolean }) =>
      withContext(opts.data, async (ctx) => {
        const list = await listUsers(ctx);
        console.log(opts.json ? JSON.stringify(list, null, 2) : formatUsers(list));
      }),
    );
}
