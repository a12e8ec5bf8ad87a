/**
 * Writing the person index. indexRecord runs inside the transaction that
 * writes a records row (entry's writeProjection calls it, one line), so the
 * index never disagrees with a committed record: the record's rows are
 * replaced by the rows of its new state. Each new folded name also goes into
 * person_names (on conflict do nothing, in name order so concurrent writers
 * take the unique-key locks in one order); a name leaves that table only in
 * a rebuild (meanwhile it just brings no rows). rebuildPersonIndex recomputes every
 * row from the records table, in batches (after an upgrade of the keys, or
 * to repair); it is a job or a CLI command, never a request.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';
import { personRows, type IndexableRecord, type PersonRow } from './person-rows.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Replaces the index rows of one record by those of its current state. */
export async function indexRecord(tx: Db, recordId: string, record: IndexableRecord): Promise<void> {
  await tx.deleteFrom('person_index').where('record_id', '=', recordId).execute();
  await insertPeople(
    tx,
    personRows(record).map((r) => ({ ...r, record_id: recordId, book_id: record.bookId, register_type: record.registerType })),
  );
}

/** A person_index row as written: a person of a record with the record's book and register type. */
export type IndexedPerson = PersonRow & { record_id: string; book_id: string; register_type: string };

/**
 * Appends people to the index and their new names to person_names, in one
 * place so that no writer (keying, a bulk synthetic load) can fill one table
 * and forget the other: the search reads candidate names from person_names.
 */
export async function insertPeople(tx: Db, people: readonly IndexedPerson[]): Promise<void> {
  for (let i = 0; i < people.length; i += 1000) {
    const rows = people.slice(i, i + 1000);
    await tx.insertInto('person_index').values(rows).execute();
    const names = new Map(rows.map((r) => [r.name_fold, { name_fold: r.name_fold, ho_key: r.ho_key, ten_key: r.ten_key, head_key: r.head_key, tail_key: r.tail_key }]));
    await tx
      .insertInto('person_names')
      .values([...names.values()].sort((a, b) => (a.name_fold < b.name_fold ? -1 : a.name_fold > b.name_fold ? 1 : 0)))
      .onConflict((oc) => oc.column('name_fold').doNothing())
      .execute();
  }
}

export interface RebuildReport {
  records: number;
  people: number;
}

/** Recomputes the whole index from the records, `batch` records per transaction. */
export async function rebuildPersonIndex(db: Kysely<Database>, batch = 500): Promise<RebuildReport> {
  await sql`delete from person_index`.execute(db);
  await sql`delete from person_names`.execute(db);
  const report: RebuildReport = { records: 0, people: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .selectFrom('records')
      .select(['id', 'book_id', 'register_type', 'template_version', 'values', 'page_ids', 'keying_of'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (rows.length === 0) return report;
    await db.transaction().execute(async (tx) => {
      for (const r of rows) {
        const rec = { bookId: r.book_id, registerType: r.register_type, templateId: r.template_version, values: r.values, pageIds: r.page_ids, keyingOf: r.keying_of };
        await indexRecord(tx, r.id, rec);
        report.people += personRows(rec).length;
      }
    });
    report.records += rows.length;
    after = rows.at(-1)!.id;
  }
}
