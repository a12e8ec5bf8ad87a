/** Queries on users. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, UserRow } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewUserRow {
  login: string;
  display_name: string;
  role: string;
  password_hash: string;
  organization_id?: string | null;
}

export async function insertUser(db: Db, user: NewUserRow): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Display name (else login) of each of these users that exists. */
export async function listDisplayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const list = [...new Set(ids)].filter(Boolean);
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('users').where('id', 'in', list).select(['id', 'login', 'display_name']).execute();
  return new Map(rows.map((u) => [u.id, u.display_name || u.login]));
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('login').execute();
}

export async function setPasswordHash(db: Db, id: string, hash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
}

export async function setDisabled(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).where('disabled_at', 'is', null).execute();
}
