/**
 * Scopes: what each user may see. A grant covers everything (`all`), the
 * books of a unit and of every unit within it (`unit`), or one assigned book
 * (`book`). Grants of units and everything belong to user management
 * (users.manage); assigning books to keyers and reviewers belongs to whoever
 * holds books.assign, and only for books she sees herself. Every grant and
 * revocation is an entity action; a revoked grant takes effect on the next
 * request (scopes are read live, in SQL, by every scoped query).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { appendEntityAction } from '../audit/index.js';
import { NotFound } from '../core/index.js';
import { transact, type UserGrantRow } from '../store/index.js';
import { actorIdOf, assertPermission, type ActorContext } from './actor.js';
import * as repo from './grants.repo.js';
import { bookInScope, isBookVisible } from './scope.repo.js';
import { parseInput } from './user.schema.js';
import { findUserById } from './users.repo.js';

export type GrantKind = repo.GrantKind;

export interface GrantView {
  id: string;
  userId: string;
  kind: GrantKind;
  unit: { id: string; name: string } | null;
  book: { id: string; title: string } | null;
  grantedAt: string;
}

export const GrantInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('unit'), unitId: z.string().min(3, 'Cần mã đơn vị hành chính.').max(100) }),
    z.object({ kind: z.literal('book'), bookId: z.uuid('Mã quyển sổ không hợp lệ.') }),
  ],
  { message: 'Phạm vi phải là "all", "unit" (kèm unitId) hoặc "book" (kèm bookId).' },
);
export type GrantInput = z.input<typeof GrantInput>;

const userNotFound = (id: string) => new NotFound('user.not_found', `Không tìm thấy người dùng ${id}.`);
const bookNotFound = (id: string) => new NotFound('book.not_found', `Không tìm thấy quyển sổ ${id}.`);
const unitNotFound = (id: string) => new NotFound('unit.not_found', `Không tìm thấy đơn vị hành chính ${id}.`);

function grantView(r: repo.GrantListRow): GrantView {
  return {
    id: String(r.id),
    userId: r.user_id,
    kind: r.kind as GrantKind,
    grantedAt: r.granted_at.toISOString(),
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name ?? r.unit_id } : null,
    book: r.book_id ? { id: r.book_id, title: r.book_title ?? r.book_id } : null,
  };
}

async function assertUser(ctx: ActorContext, userId: string): Promise<void> {
  if (!z.uuid().safeParse(userId).success || !(await findUserById(ctx.store.db, userId))) throw userNotFound(userId);
}

/** Who may give or take this kind of grant, and on what. */
async function assertMayGrant(ctx: ActorContext, g: { kind: string; unitId?: string | null; bookId?: string | null }): Promise<void> {
  if (g.kind !== 'book') return assertPermission(ctx.actor, 'users.manage');
  assertPermission(ctx.actor, 'books.assign');
  if (!(await isBookVisible(ctx.store.db, ctx.actor, g.bookId!))) throw bookNotFound(g.bookId!);
}

export async function grantScope(ctx: ActorContext, userId: string, input: GrantInput): Promise<GrantView> {
  const g = parseInput(GrantInput, input);
  const unitId = g.kind === 'unit' ? g.unitId : null;
  const bookId = g.kind === 'book' ? g.bookId : null;
  await assertMayGrant(ctx, { kind: g.kind, unitId, bookId });
  await assertUser(ctx, userId);
  if (unitId && !(await ctx.store.db.selectFrom('admin_units').select('id').where('id', '=', unitId).executeTakeFirst())) throw unitNotFound(unitId);
  const row = await transact(ctx.store.db, async (tx) => {
    const { row, created } = await repo.upsertGrant(tx, { userId, kind: g.kind, unitId, bookId, grantedBy: actorIdOf(ctx.actor) });
    if (created) await logGrant(tx, ctx, row, 'granted');
    return row;
  });
  return (await listGrantViews(ctx, [userId])).find((v) => v.id === String(row.id))!;
}

export async function revokeGrant(ctx: ActorContext, grantId: string): Promise<void> {
  const row = /^\d{1,18}$/.test(grantId) ? await repo.findGrant(ctx.store.db, grantId) : undefined;
  if (!row) throw new NotFound('grant.not_found', `Không tìm thấy quyền truy cập #${grantId}.`);
  await assertMayGrant(ctx, { kind: row.kind, unitId: row.unit_id, bookId: row.book_id });
  await transact(ctx.store.db, async (tx) => {
    await repo.deleteGrant(tx, row.id);
    await logGrant(tx, ctx, row, 'revoked');
  });
}

async function logGrant(tx: Parameters<typeof appendEntityAction>[0], ctx: ActorContext, row: UserGrantRow, kind: 'granted' | 'revoked'): Promise<void> {
  await appendEntityAction(tx, {
    entityType: 'grant',
    entityId: String(row.id),
    kind,
    actorId: actorIdOf(ctx.actor),
    bookId: row.book_id,
    payload: { userId: row.user_id, grant: row.kind, unitId: row.unit_id, bookId: row.book_id },
  });
}

/** The grants of these users (views: unit names, book titles). */
export async function listGrantViews(ctx: ActorContext, userIds: readonly string[]): Promise<GrantView[]> {
  return (await repo.listGrantsOfUsers(ctx.store.db, userIds)).map(grantView);
}

export interface AssignInput {
  userIds: string[];
  bookIds?: string[];
  /** Every book (visible to the assigner) whose authority lies within this unit. */
  unitId?: string;
}

export const AssignInputSchema = z
  .object({
    userIds: z.array(z.uuid('Mã người dùng không hợp lệ.')).min(1, 'Chọn ít nhất một người.').max(200),
    bookIds: z.array(z.uuid('Mã quyển sổ không hợp lệ.')).max(5000).optional(),
    unitId: z.string().min(3).max(100).optional(),
  })
  .refine((a) => (a.bookIds?.length ?? 0) > 0 || a.unitId, { message: 'Chọn quyển sổ hoặc một đơn vị hành chính.' });

/** The books an assignment names: the listed ones and those of the unit, all of them visible to the assigner. */
async function booksToAssign(ctx: ActorContext, a: AssignInput): Promise<string[]> {
  const ids = new Set<string>();
  for (const id of a.bookIds ?? []) {
    if (!(await isBookVisible(ctx.store.db, ctx.actor, id))) throw bookNotFound(id);
    ids.add(id);
  }
  if (a.unitId) {
    const rows = await ctx.store.db
      .selectFrom('books')
      .select('books.id')
      .where(sql<boolean>`books.authority_unit_code in (select unit_id from admin_unit_within where within_id = ${a.unitId})`)
      .where(bookInScope(ctx.actor, 'books.id'))
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  return [...ids];
}

/** Assigns books to keyers or reviewers (books.assign); returns how many new assignments were made. */
export async function assignBooks(ctx: ActorContext, input: AssignInput): Promise<{ books: number; created: number }> {
  assertPermission(ctx.actor, 'books.assign');
  const a = parseInput(AssignInputSchema, input);
  for (const u of a.userIds) await assertUser(ctx, u);
  const bookIds = await booksToAssign(ctx, a);
  const created = await transact(ctx.store.db, async (tx) => {
    let n = 0;
    for (const userId of a.userIds) {
      for (const bookId of bookIds) {
        const r = await repo.upsertGrant(tx, { userId, kind: 'book', bookId, grantedBy: actorIdOf(ctx.actor) });
        if (!r.created) continue;
        n++;
        await logGrant(tx, ctx, r.row, 'granted');
      }
    }
    return n;
  });
  return { books: bookIds.length, created };
}

/** Ends assignments of these books for these users, at once. */
export async function unassignBooks(ctx: ActorContext, input: { userIds: string[]; bookIds: string[] }): Promise<{ removed: number }> {
  assertPermission(ctx.actor, 'books.assign');
  let removed = 0;
  for (const userId of input.userIds) {
    for (const g of await repo.listGrantsOfUsers(ctx.store.db, [userId])) {
      if (g.kind !== 'book' || !input.bookIds.includes(g.book_id!)) continue;
      await revokeGrant(ctx, String(g.id));
      removed++;
    }
  }
  return { removed };
}
