/** Queries on user_grants (what each user may see) and organizations. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, OrganizationRow, UserGrantRow } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export type GrantKind = 'all' | 'unit' | 'book';

export interface NewGrant {
  userId: string;
  kind: GrantKind;
  unitId?: string | null;
  bookId?: string | null;
  grantedBy: string | null;
}

/** Inserts the grant unless the same one exists; returns the row either way. */
export async function upsertGrant(db: Db, g: NewGrant): Promise<{ row: UserGrantRow; created: boolean }> {
  const existing = await findSameGrant(db, g);
  if (existing) return { row: existing, created: false };
  const row = await db
    .insertInto('user_grants')
    .values({ user_id: g.userId, kind: g.kind, unit_id: g.unitId ?? null, book_id: g.bookId ?? null, granted_by: g.grantedBy })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, created: true };
}

async function findSameGrant(db: Db, g: NewGrant): Promise<UserGrantRow | undefined> {
  let q = db.selectFrom('user_grants').selectAll().where('user_id', '=', g.userId).where('kind', '=', g.kind);
  q = g.unitId ? q.where('unit_id', '=', g.unitId) : q.where('unit_id', 'is', null);
  q = g.bookId ? q.where('book_id', '=', g.bookId) : q.where('book_id', 'is', null);
  return q.executeTakeFirst();
}

export async function findGrant(db: Db, id: string): Promise<UserGrantRow | undefined> {
  return db.selectFrom('user_grants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteGrant(db: Db, id: string): Promise<void> {
  await db.deleteFrom('user_grants').where('id', '=', id).execute();
}

export interface GrantListRow extends UserGrantRow {
  unit_name: string | null;
  book_title: string | null;
}

/** A user's grants with the unit's name or the book's identity, for views. */
export async function listGrantsOfUsers(db: Db, userIds: readonly string[]): Promise<GrantListRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('user_grants as g')
    .leftJoin('admin_units as u', 'u.id', 'g.unit_id')
    .leftJoin('books as b', 'b.id', 'g.book_id')
    .selectAll('g')
    .select(['u.name as unit_name', sql<string>`concat_ws(' ', b.register_type, 'quyển', b.volume_no, 'năm', b.year_from::text, '—', b.authority_text)`.as('book_title')])
    .where('g.user_id', 'in', userIds)
    .orderBy('g.id')
    .execute() as Promise<GrantListRow[]>;
}

export async function insertOrganization(db: Db, o: { name: string; kind: string; unitId: string | null }): Promise<OrganizationRow> {
  return db.insertInto('organizations').values({ name: o.name, kind: o.kind, unit_id: o.unitId }).returningAll().executeTakeFirstOrThrow();
}

export async function findOrganizationByName(db: Db, name: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function findOrganization(db: Db, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOrganizations(db: Db): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').selectAll().orderBy('name').execute();
}

export async function setUserOrganization(db: Db, userId: string, organizationId: string | null): Promise<void> {
  await db.updateTable('users').set({ organization_id: organizationId }).where('id', '=', userId).execute();
}
