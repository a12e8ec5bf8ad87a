/**
 * The QC mode of a book (qc_book_settings), set by a planner. No row means
 * 'single_review'. The mode decides how a NEW registration is keyed; it
 * never changes registrations or passes that already exist.
 */
import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import { findSettingRow, upsertSetting } from './qc-mode.repo.js';
import { getBook } from '../archive/index.js';
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, assertPermission, type ActorContext } from '../auth/index.js';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export const QC_MODES = ['single_review', 'double_blind', 'double_critical'] as const;
export type QcMode = (typeof QC_MODES)[number];

/** Vietnamese names of the modes (UI, messages). */
export const QC_MODE_LABELS: Record<QcMode, string> = {
  single_review: 'Nhập một lần + kiểm tra chéo',
  double_blind: 'Nhập hai lần độc lập',
  double_critical: 'Nhập hai lần các trường trọng yếu',
};

export const isDoubleKeyed = (mode: QcMode): boolean => mode !== 'single_review';

export const SetQcModeInput = z.object({
  bookId: z.uuid('Mã sổ không hợp lệ.'),
  mode: z.enum(QC_MODES, { message: 'Chế độ kiểm soát chất lượng phải là single_review, double_blind hoặc double_critical.' }),
});
export type SetQcModeInput = z.input<typeof SetQcModeInput>;

export interface QcSetting {
  bookId: string;
  mode: QcMode;
  label: string;
  setBy: string | null;
  setAt: string | null;
}

export async function findQcMode(db: Db, bookId: string): Promise<QcMode> {
  const row = await findSettingRow(db, bookId);
  return (row?.mode as QcMode | undefined) ?? 'single_review';
}

export async function getQcSetting(ctx: ActorContext, bookId: string): Promise<QcSetting> {
  const book = await getBook(ctx, z.uuid('Mã sổ không hợp lệ.').parse(bookId));
  const row = await findSettingRow(ctx.store.db, book.id);
  const mode = (row?.mode as QcMode | undefined) ?? 'single_review';
  return { bookId: book.id, mode, label: QC_MODE_LABELS[mode], setBy: row?.set_by ?? null, setAt: row?.set_at.toISOString() ?? null };
}

/** Sets a book's QC mode (qc.plan); the change is in the book's history. */
export async function setQcMode(ctx: ActorContext, input: SetQcModeInput): Promise<QcSetting> {
  assertPermission(ctx.actor, 'qc.plan');
  const s = SetQcModeInput.parse(input);
  await getBook(ctx, s.bookId);
  const row = { book_id: s.bookId, mode: s.mode, set_by: actorIdOf(ctx.actor), set_at: ctx.clock() };
  await ctx.store.db.transaction().execute(async (tx) => {
    const before = await findQcMode(tx, s.bookId);
    await upsertSetting(tx, row);
    await appendEntityAction(tx, { entityType: 'qc_setting', entityId: s.bookId, bookId: s.bookId, kind: 'mode_set', actorId: row.set_by, payload: { from: before, to: s.mode } });
  });
  return getQcSetting(ctx, s.bookId);
}
