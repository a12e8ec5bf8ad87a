/** Inputs of users and sign-in (HTTP, CLI). Messages are Vietnamese. */
import { z } from 'zod';
import { parseWith } from '../core/index.js';
import { ROLE_IDS, type Role } from './roles.js';

export const PASSWORD_MIN = 10;
/** Upper bound only to keep hashing cheap for absurd inputs. */
export const PASSWORD_MAX = 1024;

export const LoginName = z
  .string({ message: 'Cần nhập tên đăng nhập.' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,64}$/, 'Tên đăng nhập gồm 2–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang.');

export const NewPassword = z
  .string({ message: 'Cần nhập mật khẩu.' })
  .min(PASSWORD_MIN, `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự.`)
  .max(PASSWORD_MAX, `Mật khẩu không được dài quá ${PASSWORD_MAX} ký tự.`);

export const RoleInput = z.enum(ROLE_IDS as [Role, ...Role[]], { message: `Vai trò phải là một trong: ${ROLE_IDS.join(', ')}.` });

export const NewUserInput = z.object({
  login: LoginName,
  displayName: z.string().trim().max(200, 'Tên hiển thị không được dài quá 200 ký tự.').default(''),
  role: RoleInput,
  password: NewPassword,
  organizationId: z.uuid('Mã đơn vị (tổ chức) không hợp lệ.').nullish(),
});
export type NewUserInput = z.input<typeof NewUserInput>;

/** Sign-in: no format rules on the login, so a malformed one gets the same answer as an unknown one. */
export const LoginInput = z.object({
  login: z.string({ message: 'Cần nhập tên đăng nhập.' }).trim().toLowerCase().max(200),
  password: z.string({ message: 'Cần nhập mật khẩu.' }).max(PASSWORD_MAX),
});
export type LoginInput = z.input<typeof LoginInput>;

/** Parses with a Zod schema; the first problem becomes an Invalid with its Vietnamese message and field path. */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => parseWith(schema, input, 'user.invalid');
