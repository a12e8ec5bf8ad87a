/**
 * The progress rollup per work package (migration 0025), kept exact
 * incrementally: package tables = the sum, over the books each package
 * covers as recorded in plan_package_books, of the per-book tables
 * (progress_book, progress_daily, progress_book_live). Two writers keep that
 * equation, each under one transaction-level advisory lock so they never
 * interleave:
 * - the refresh of dirty books (progress-refresh.ts) calls `subtractBooks`
 *   before it rewrites their per-book rows and `addBooks` after: the books'
 *   old contribution leaves their old packages, the new one joins the
 *   packages that cover them now (their membership is rewritten between);
 * - every plan change (plan.service.ts) calls `rebuildPackage`: the
 *   package's books found again and its rows summed from scratch.
 * Rows that sum to 0 are removed, so the tables equal a full recomputation
 * (`packageRollupDrift`, tested after random activity). Both writers end by
 * rewriting progress_package_month (migration 0027: the daily rows folded by
 * month) for the packages they touched. The dashboard reads only these
 * tables (progress.repo.ts).
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';
import { bookInPackage } from './membership.js';

type Tx = Transaction<Database>;

const ids = (list: readonly string[]) => sql`(select unnest(${sql.val([...list])}::uuid[]))`;

/** Serializes the writers of the package tables (the lock ends with the transaction). */
export async function lockPackageRollup(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(7140025)`.execute(tx);
}

/** Adds `sign` × the per-book figures of these members (package, book) to the package tables. */
async function apply(tx: Tx, members: RawBuilder<unknown>, sign: 1 | -1): Promise<void> {
  await sql`insert into progress_package (package_id, stage, register_type, done)
    select m.package_id, g.stage, l.register_type, ${sign}::int * sum(g.done)
    from ${members} m join progress_book g on g.book_id = m.book_id join progress_book_live l on l.book_id = m.book_id
    group by 1, 2, 3
    on conflict (package_id, stage, register_type) do update set done = progress_package.done + excluded.done`.execute(tx);
  await sql`insert into progress_package_daily (package_id, stage, day, qty)
    select m.package_id, d.stage, d.day, ${sign}::int * sum(d.qty)
    from ${members} m join progress_daily d on d.book_id = m.book_id join progress_book_live l on l.book_id = m.book_id
    group by 1, 2, 3
    on conflict (package_id, stage, day) do update set qty = progress_package_daily.qty + excluded.qty`.execute(tx);
  await sql`insert into progress_package_live (package_id, books, declared_pages, double_registrations, open_disagreements)
    select m.package_id, ${sign}::int * count(*), ${sign}::int * sum(l.declared_pages), ${sign}::int * sum(l.double_registrations), ${sign}::int * sum(l.open_disagreements)
    from ${members} m join progress_book_live l on l.book_id = m.book_id
    group by 1
    on conflict (package_id) do update set books = progress_package_live.books + excluded.books,
      declared_pages = progress_package_live.declared_pages + excluded.declared_pages,
      double_registrations = progress_package_live.double_registrations + excluded.double_registrations,
      open_disagreements = progress_package_live.open_disagreements + excluded.open_disagreements`.execute(tx);
}

const membersOfBooks = (bookIds: readonly string[]) => sql`(select package_id, book_id from plan_package_books where book_id in ${ids(bookIds)})`;

/** Removes the rows of these packages that now sum to nothing. */
async function dropEmpty(tx: Tx, packageIds: readonly string[]): Promise<void> {
  if (packageIds.length === 0) return;
  await sql`delete from progress_package where done = 0 and package_id in ${ids(packageIds)}`.execute(tx);
  await sql`delete from progress_package_daily where qty = 0 and package_id in ${ids(packageIds)}`.execute(tx);
  await sql`delete from progress_package_live where books = 0 and package_id in ${ids(packageIds)}`.execute(tx);
}

/** progress_package_month rewritten from progress_package_daily for these packages (all their months: a few hundred daily rows each). */
async function rewriteMonths(tx: Tx, packageIds: readonly string[]): Promise<void> {
  if (packageIds.length === 0) return;
  await sql`delete from progress_package_month where package_id in ${ids(packageIds)}`.execute(tx);
  await sql`insert into progress_package_month (package_id, stage, month, days, qty)
    select package_id, stage, date_trunc('month', day)::date, array_agg(extract(day from day)::smallint order by day), array_agg(qty order by day)
    from progress_package_daily where package_id in ${ids(packageIds)} group by 1, 2, 3`.execute(tx);
}

/** Before the books' per-book rows are rewritten: their old figures leave the packages that counted them; answers those packages. */
export async function subtractBooks(tx: Tx, bookIds: readonly string[]): Promise<string[]> {
  await lockPackageRollup(tx);
  await apply(tx, membersOfBooks(bookIds), -1);
  const { rows } = await sql<{ package_id: string }>`delete from plan_package_books where book_id in ${ids(bookIds)} returning package_id`.execute(tx);
  return [...new Set(rows.map((r) => r.package_id))];
}

/** The per-book figures that are states, rewritten for these books (after their progress_book rows). */
export async function rewriteBookLive(tx: Tx, bookIds: readonly string[]): Promise<void> {
  await sql`delete from progress_book_live where book_id in ${ids(bookIds)}`.execute(tx);
  await sql`insert into progress_book_live (book_id, register_type, declared_pages, double_registrations, open_disagreements)
    select b.id, b.register_type, coalesce(b.page_count, 0),
      case when exists (select 1 from qc_book_settings s where s.book_id = b.id and s.mode like 'double%')
        then coalesce((select g.done from progress_book g where g.book_id = b.id and g.stage = 'key1'), 0) else 0 end,
      (select count(*) from qc_disagreements d join records r on r.id = d.record_id where d.status = 'open' and r.book_id = b.id)
    from books b where b.id in ${ids(bookIds)}`.execute(tx);
}

/** After the books' per-book rows are rewritten: they join the live packages that cover them now, with their new figures. */
export async function addBooks(tx: Tx, bookIds: readonly string[], oldPackages: readonly string[]): Promise<void> {
  const { rows } = await sql<{ package_id: string }>`insert into plan_package_books (package_id, book_id)
    select p.id, b.id from books b join plan_packages p on p.removed_at is null and ${bookInPackage('p', 'b')}
    where b.id in ${ids(bookIds)} returning package_id`.execute(tx);
  await apply(tx, membersOfBooks(bookIds), 1);
  const touched = [...new Set([...oldPackages, ...rows.map((r) => r.package_id)])];
  await dropEmpty(tx, touched);
  await rewriteMonths(tx, touched);
}

/** A package changed (added, its unit, types or years changed, removed): its books found again and its rows summed from scratch. */
export async function rebuildPackage(tx: Tx, packageId: string): Promise<void> {
  await lockPackageRollup(tx);
  for (const table of ['progress_package', 'progress_package_daily', 'progress_package_live', 'plan_package_books'] as const) await tx.deleteFrom(table).where('package_id', '=', packageId).execute();
  await sql`insert into plan_package_books (package_id, book_id)
    select p.id, b.id from plan_packages p join books b on ${bookInPackage('p', 'b')} where p.id = ${packageId} and p.removed_at is null`.execute(tx);
  await apply(tx, sql`(select package_id, book_id from plan_package_books where package_id = ${packageId})`, 1);
  await rewriteMonths(tx, [packageId]);
}

export interface PackageDriftRow {
  table: string;
  key: string;
  rollup: string | null;
  full: string | null;
}

/** Rows where progress_book_live or the package tables differ from a full recomputation (the source tables, the per-book tables, the membership rule; the months from the daily rows); empty = exact. */
export async function packageRollupDrift(db: Tx | Kysely<Database>): Promise<PackageDriftRow[]> {
  const { rows } = await sql<PackageDriftRow>`
    with m as (select p.id as package_id, b.id as book_id from plan_packages p join books b on ${bookInPackage('p', 'b')} where p.removed_at is null),
    f_done as (select m.package_id, g.stage, l.register_type, sum(g.done) as v from m join progress_book g on g.book_id = m.book_id join progress_book_live l on l.book_id = m.book_id group by 1, 2, 3),
    f_daily as (select m.package_id, d.stage, d.day, sum(d.qty) as v from m join progress_daily d on d.book_id = m.book_id join progress_book_live l on l.book_id = m.book_id group by 1, 2, 3),
    b_live as (select b.id as book_id, b.register_type || '/' || coalesce(b.page_count, 0) || '/' ||
        case when exists (select 1 from qc_book_settings s where s.book_id = b.id and s.mode like 'double%')
          then coalesce((select g.done from progress_book g where g.book_id = b.id and g.stage = 'key1'), 0) else 0 end || '/' ||
        (select count(*) from qc_disagreements d join records r on r.id = d.record_id where d.status = 'open' and r.book_id = b.id) as v from books b),
    a_month as (select package_id, stage, (month + (d - 1))::date as day, q from progress_package_month, unnest(days, qty) as u(d, q)),
    f_live as (select m.package_id, count(*) || '/' || sum(l.declared_pages) || '/' || sum(l.double_registrations) || '/' || sum(l.open_disagreements) as v
      from m join progress_book_live l on l.book_id = m.book_id group by 1)
    select 'book_live' as table, coalesce(a.book_id, f.book_id)::text as key, a.register_type || '/' || a.declared_pages || '/' || a.double_registrations || '/' || a.open_disagreements as rollup, f.v as full
      from progress_book_live a full join b_live f on f.book_id = a.book_id
      where (a.register_type || '/' || a.declared_pages || '/' || a.double_registrations || '/' || a.open_disagreements) is distinct from f.v
    union all
    select 'members', coalesce(a.package_id, m.package_id) || ' ' || coalesce(a.book_id, m.book_id), a.book_id::text, m.book_id::text
      from plan_package_books a full join m on m.package_id = a.package_id and m.book_id = a.book_id where a.book_id is null or m.book_id is null
    union all
    select 'done', coalesce(a.package_id, f.package_id) || ' ' || coalesce(a.stage, f.stage) || ' ' || coalesce(a.register_type, f.register_type), a.done::text, f.v::text
      from progress_package a full join f_done f on f.package_id = a.package_id and f.stage = a.stage and f.register_type = a.register_type where a.done is distinct from f.v
    union all
    select 'daily', coalesce(a.package_id, f.package_id) || ' ' || coalesce(a.stage, f.stage) || ' ' || coalesce(a.day, f.day)::text, a.qty::text, f.v::text
      from progress_package_daily a full join f_daily f on f.package_id = a.package_id and f.stage = a.stage and f.day = a.day where a.qty is distinct from f.v
    union all
    select 'month', coalesce(a.package_id, f.package_id) || ' ' || coalesce(a.stage, f.stage) || ' ' || coalesce(a.day, f.day)::text, a.q::text, f.qty::text
      from a_month a full join progress_package_daily f on f.package_id = a.package_id and f.stage = a.stage and f.day = a.day where a.q is distinct from f.qty
    union all
    select 'live', coalesce(a.package_id, f.package_id)::text, a.books || '/' || a.declared_pages || '/' || a.double_registrations || '/' || a.open_disagreements, f.v
      from progress_package_live a full join f_live f on f.package_id = a.package_id
      where (a.books || '/' || a.declared_pages || '/' || a.double_registrations || '/' || a.open_disagreements) is distinct from f.v`.execute(db);
  return rows;
}
