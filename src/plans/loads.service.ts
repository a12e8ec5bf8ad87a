/**
 * "Đã cập nhật vào Hệ thống": the confirmation, per book, that its data was
 * loaded into the national civil-status system (day and batch reference),
 * typed on the web or imported from a file. All or nothing: a book out of
 * scope or unknown refuses the whole batch. Each confirmation is an
 * entity_actions row of the book (kind loaded). A batch writes to the audit
 * chain of each of its books: their locks are taken first, in the one fixed
 * order (src/audit lockBookChains), so two batches naming the same books in
 * other orders wait for each other instead of deadlocking.
 */
import { syncBookStatus } from '../archive/index.js';
import { appendEntityAction, lockBookChains } from '../audit/index.js';
import { actorIdOf, assertPermission, bookInScope, type ActorContext } from '../auth/index.js';
import { NotFound } from '../core/index.js';
import { transactRetrying } from '../store/index.js';
import { LoadsInput, parsePlanInput } from './plan.schema.js';

export async function confirmLoads(ctx: ActorContext, input: LoadsInput): Promise<{ confirmed: number }> {
  assertPermission(ctx.actor, 'plans.manage');
  const { loads, source } = parsePlanInput(LoadsInput, input);
  return transactRetrying(ctx.store.db, ctx.log, async (tx) => {
    const ids = [...new Set(loads.map((l) => l.bookId))];
    const seen = new Set((await tx.selectFrom('books').select('id').where('id', 'in', ids).where(bookInScope(ctx.actor, 'books.id')).execute()).map((r) => r.id));
    const missing = ids.find((id) => !seen.has(id));
    if (missing) throw new NotFound('book.not_found', `Không tìm thấy quyển sổ ${missing} trong phạm vi của bạn.`);
    await lockBookChains(tx, ids);
    for (const l of loads) {
      const row = { loaded_on: l.loadedOn, batch_ref: l.batchRef, source, confirmed_by: actorIdOf(ctx.actor), confirmed_at: ctx.clock() };
      await tx
        .insertInto('plan_book_loads')
        .values({ book_id: l.bookId, ...row })
        .onConflict((oc) => oc.column('book_id').doUpdateSet(row))
        .execute();
      await appendEntityAction(tx, {
        entityType: 'book',
        entityId: l.bookId,
        bookId: l.bookId,
        kind: 'loaded',
        actorId: actorIdOf(ctx.actor),
        payload: { loadedOn: l.loadedOn, batchRef: l.batchRef, source },
      });
      await syncBookStatus(tx, ctx.actor, l.bookId, ctx.clock());
    }
    return { confirmed: loads.length };
  });
}
