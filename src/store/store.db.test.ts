import { expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { newRecord } from '../../test/support/fixtures.js';
import { isAppError } from '../core/index.js';
import { MIGRATIONS, migrate, migrationChecksum, provinceOfRecord, sql } from './index.js';

describeBackends('store', (store) => {
  it('has applied every migration, and migrating again applies nothing', async () => {
    const rows = await store().db.selectFrom('hotich_migrations').select('id').orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    const again = await migrate(store().db);
    expect(again.applied).toEqual([]);
  });

  it('keeps the checksum of every applied migration; a migration changed since stops the start, naming it', async () => {
    const { db } = store();
    const rows = await db.selectFrom('hotich_migrations').select(['id', 'checksum']).orderBy('id').execute();
    expect(rows.map((r) => r.checksum)).toEqual(MIGRATIONS.map(migrationChecksum));
    const edited = MIGRATIONS.map((m) => (m.id === '0003' ? { ...m, up: `${m.up}\n-- sửa lén` } : m));
    const err = await migrate(db, edited).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('migrations.changed');
    expect((err as Error).message).toMatch(/^Tệp nâng cấp cơ sở dữ liệu 0003 \(.+\) đã bị sửa sau khi được áp dụng/);
    // A database migrated before checksums existed gets them, and is not refused.
    await db.updateTable('hotich_migrations').set({ checksum: null }).where('id', '=', '0002').execute();
    expect((await migrate(db)).applied).toEqual([]);
    const again = await db.selectFrom('hotich_migrations').select('checksum').where('id', '=', '0002').executeTakeFirstOrThrow();
    expect(again.checksum).toBe(migrationChecksum(MIGRATIONS.find((m) => m.id === '0002')!));
  });

  it('states the invariants of every table in COMMENT ON TABLE', async () => {
    const { rows } = await sql<{ name: string; comment: string | null }>`
      select c.relname as name, obj_description(c.oid, 'pg_class') as comment
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = current_schema() and c.relname <> 'hotich_migrations'`.execute(store().db);
    expect(rows.map((r) => r.name).sort()).toEqual([
      'access_log',
      'admin_unit_aliases',
      'admin_unit_imports',
      'admin_unit_successors',
      'admin_unit_within',
      'admin_units',
      'audit_checkpoints',
      'audit_heads',
      'books',
      'entity_actions',
      'export_changes',
      'exports',
      'extract_copies',
      'extract_counters',
      'extract_requests',
      'imports',
      'ingest_files',
      'jobs',
      'link_candidates',
      'link_decisions',
      'link_dirty',
      'link_runs',
      'login_attempts',
      'ocr_fields',
      'ocr_pages',
      'ocr_thresholds',
      'organizations',
      'pages',
      'person_index',
      'person_names',
      'plan_book_loads',
      'plan_campaigns',
      'plan_package_books',
      'plan_package_stages',
      'plan_packages',
      'popdb_batches',
      'popdb_decisions',
      'popdb_export_records',
      'popdb_exports',
      'popdb_rows',
      'progress_book',
      'progress_book_live',
      'progress_daily',
      'progress_dirty',
      'progress_package',
      'progress_package_daily',
      'progress_package_live',
      'progress_package_month',
      'qc_book_check_notes',
      'qc_book_settings',
      'qc_disagreements',
      'qc_lot_samples',
      'qc_lots',
      'qc_review_corrections',
      'qc_sample_checks',
      'record_actions',
      'record_findings',
      'records',
      'sessions',
      'upload_locks',
      'user_grants',
      'users',
      'working_calendar',
    ]);
    for (const r of rows) expect(r.comment?.length ?? 0, r.name).toBeGreaterThan(40);
  });

  it('rejects UPDATE, DELETE and TRUNCATE on record_actions', async () => {
    const { db } = store();
    const rec = await newRecord(db);
    await db
      .insertInto('record_actions')
      .values({ record_id: rec.id, province_code: provinceOfRecord(rec.id), client_tx_id: 'tx-upd-00001', kind: 'keyed', payload: { values: { so: '1' } } })
      .execute();
    await expect(db.updateTable('record_actions').set({ kind: 'forged' }).where('record_id', '=', rec.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('record_actions').where('record_id', '=', rec.id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate record_actions`.execute(db)).rejects.toThrow(/append-only/);
    const after = await db.selectFrom('record_actions').select('kind').where('record_id', '=', rec.id).execute();
    expect(after.map((a) => a.kind)).toEqual(['keyed']);
  });

  it('stores a client transaction id once', async () => {
    const { db } = store();
    const rec = await newRecord(db);
    const row = { record_id: rec.id, province_code: provinceOfRecord(rec.id), client_tx_id: 'tx-unique-001', kind: 'keyed', payload: {} };
    await db.insertInto('record_actions').values(row).execute();
    await expect(db.insertInto('record_actions').values(row).execute()).rejects.toThrow(/duplicate key|unique/i);
  });

  it('returns the same JS types on both backends', async () => {
    const { rows } = await sql<{ big: unknown; day: unknown; at: unknown; doc: unknown }>`
      select 9007199254740993::int8 as big, date '2008-08-27' as day, now() as at, '{"a":"Đ"}'::jsonb as doc`.execute(store().db);
    expect(rows[0]).toMatchObject({ big: '9007199254740993', day: '2008-08-27', doc: { a: 'Đ' } });
    expect(rows[0]!.at).toBeInstanceOf(Date);
  });

  it('keeps concurrent transactions apart', async () => {
    const { db } = store();
    const rec = await newRecord(db);
    const bump = (n: number) =>
      db.transaction().execute(async (tx) => {
        const row = await tx.selectFrom('records').select('version').where('id', '=', rec.id).forUpdate().executeTakeFirstOrThrow();
        await new Promise((r) => setTimeout(r, n));
        await tx
          .updateTable('records')
          .set({ version: row.version + 1 })
          .where('id', '=', rec.id)
          .execute();
      });
    await Promise.all([bump(20), bump(5), bump(10), bump(1)]);
    const row = await db.selectFrom('records').select('version').where('id', '=', rec.id).executeTakeFirstOrThrow();
    expect(row.version).toBe(4);
  });

  it('rolls back a failed transaction completely', async () => {
    const { db } = store();
    const before = await db.selectFrom('books').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto('books').values({ register_type: 'KT', template_version: 'KT-48', authority_text: 'x', year_from: 1990 }).execute();
        await tx.insertInto('books').values({ register_type: 'KT', template_version: 'KT-48', authority_text: 'x', year_from: 1500 }).execute();
      }),
    ).rejects.toThrow();
    const after = await db.selectFrom('books').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(String(after.n)).toBe(String(before.n));
  });
});
