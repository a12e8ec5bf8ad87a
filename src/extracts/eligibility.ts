/**
 * Whether a registration may be certified, and why not: it must be
 * completed, carry no ERROR finding under today's catalog, and its book must
 * be accepted — a QC lot accepted over it, or its export signed off. The
 * refusal lists every reason in Vietnamese.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { getTemplate, validateTemplateRecord } from '../registers/index.js';
import type { Book, Database, RecordRow } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Its export signed off, or a QC lot accepted over it (a lot's scope lists its books as {id, label}, whatever kind of scope chose them). */
export async function bookAccepted(db: Db, book: Book): Promise<boolean> {
  const row = await db
    .selectNoFrom(
      sql<boolean>`(
    exists (select 1 from exports e where e.book_id = ${book.id} and e.signed_off_at is not null)
    or exists (select 1 from qc_lots l where l.status = 'accepted' and (l.scope->'books') @> jsonb_build_array(jsonb_build_object('id', ${book.id}::text))))`.as('ok'),
    )
    .executeTakeFirstOrThrow();
  return row.ok === true;
}

export async function refusalsOf(db: Db, record: RecordRow, book: Book, today: Date): Promise<string[]> {
  const out: string[] = [];
  if (record.keying_of) out.push('Đây là một lượt nhập liệu, không phải bản ghi đăng ký.');
  if (record.status !== 'completed') out.push('Bản ghi chưa hoàn thành nhập liệu.');
  const errors = validateTemplateRecord(getTemplate(record.template_version), record.values, { today }).filter((f) => f.severity === 'ERROR');
  if (errors.length > 0)
    out.push(
      `Bản ghi còn ${errors.length} lỗi chưa sửa (${errors
        .slice(0, 3)
        .map((e) => e.message)
        .join('; ')}${errors.length > 3 ? '; …' : ''}).`,
    );
  if (!(await bookAccepted(db, book))) out.push('Quyển sổ chưa được nghiệm thu (chưa có lô nghiệm thu đạt và chưa ký xác nhận bàn giao dữ liệu).');
  return out;
}
