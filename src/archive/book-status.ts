/**
 * books.status follows the book through the line, derived from facts and
 * written where a transition happens (pages stored, a registration created,
 * completed, reopened or corrected, a QC lot decided, an export signed off),
 * in that write's transaction, each change an entity action (status_changed,
 * {from, to}) in the book's history:
 *   inventoried → scanning → keying → checking → accepted → exported → loaded
 * 'loaded' (in the national system: a load confirmation, plans confirmLoads)
 * is kept once set; the rest is derived:
 * exported while the newest signed-off export is not stale; accepted when
 * every registration is completed and accepted by QC (or a sampling lot
 * holding the book was accepted); checking when every registration is
 * completed; keying with any registration; scanning with any page.
 */
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, type Actor } from '../auth/index.js';
import type { Database } from '../store/index.js';
import type { Transaction } from 'kysely';
import { findBookFacts, writeBookStatus, type BookFacts } from './book-status.repo.js';

export const BOOK_STATUSES = ['inventoried', 'scanning', 'keying', 'checking', 'accepted', 'exported', 'loaded'] as const;
export type BookStatus = (typeof BOOK_STATUSES)[number];

export const BOOK_STATUS_LABELS: Record<BookStatus, string> = {
  inventoried: 'Đã kiểm kê',
  scanning: 'Đang quét',
  keying: 'Đang nhập liệu',
  checking: 'Đang kiểm tra',
  accepted: 'Đã nghiệm thu',
  exported: 'Đã xuất dữ liệu',
  loaded: 'Đã đưa vào CSDL hộ tịch điện tử',
};

/** PURE: the status the facts say. */
export function bookStatusOf(f: BookFacts): BookStatus {
  if (f.status === 'loaded' || f.loaded) return 'loaded';
  if (f.signedExport && !f.exportStale) return 'exported';
  if (f.registrations > 0 && f.drafts === 0) return f.lotAccepted === true || f.qcAccepted === f.registrations ? 'accepted' : 'checking';
  if (f.registrations > 0) return 'keying';
  return f.pages > 0 ? 'scanning' : 'inventoried';
}

/** Re-derives the book's status inside the caller's transaction; writes it and its entity action when it moved. */
export async function syncBookStatus(tx: Transaction<Database>, actor: Actor, bookId: string, at: Date): Promise<BookStatus | undefined> {
  const facts = await findBookFacts(tx, bookId);
  if (!facts) return undefined;
  const next = bookStatusOf(facts);
  if (next === facts.status) return next;
  await writeBookStatus(tx, bookId, next, at);
  await appendEntityAction(tx, { entityType: 'book', entityId: bookId, bookId, kind: 'status_changed', actorId: actorIdOf(actor), payload: { from: facts.status, to: next } });
  return next;
}
