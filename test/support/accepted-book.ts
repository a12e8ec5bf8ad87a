/**
 * A book accepted by QC without running a sampling lot: an accepted lot over
 * that one book, decided by `userId`. For tests of what follows acceptance
 * (certified copies), not of acceptance itself (src/qc has those).
 */
import type { ActorContext } from '../../src/auth/index.js';

export async function acceptBook(ctx: ActorContext, bookId: string, userId: string): Promise<void> {
  await ctx.store.db
    .insertInto('qc_lots')
    .values({
      scope: JSON.stringify({ kind: 'books', bookIds: [bookId], books: [{ id: bookId, label: 'sổ thử' }] }),
      plan: JSON.stringify({ kind: 'iso2859' }),
      targets: JSON.stringify({}),
      seed: '123456',
      sampler: 'test',
      manifest_hash: 'x',
      lot_size: 1,
      status: 'accepted',
      decision: JSON.stringify({ verdict: 'accept' }),
      decided_by: userId,
      decided_at: new Date(),
    })
    .execute();
}
