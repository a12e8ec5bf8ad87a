/**
 * 0027 — the dashboard's recent throughput read per month instead of per day:
 * progress_package_month holds, per work package, stage and calendar month,
 * the days of that month that saw work and their amounts (two parallel
 * arrays, at most 31 entries), derived from progress_package_daily. The
 * dashboard's 28-day window then reads at most two small rows per package
 * and stage instead of up to 28 (a province of 100 packages: ~1.600 rows
 * instead of ~6.000, and one index probe each). Rewritten for every package
 * whose daily rows change, in the same transaction (src/plans
 * package-rollup.ts); a test checks it equals the daily rows.
 * Also popdb_export_records: which registrations each population-DB
 * match-key file listed, so the dashboard can show per commune how many
 * were sent (src/popdb popdb-progress).
 */
export const name = 'package-months';

export const up = /* sql */ `
create table progress_package_month (
  package_id uuid not null,
  stage      text not null,
  month      date not null check (extract(day from month) = 1),
  days       smallint[] not null,
  qty        bigint[] not null,
  primary key (package_id, stage, month),
  check (cardinality(days) between 1 and 31 and cardinality(days) = cardinality(qty))
);
comment on table progress_package_month is
  'Derived: progress_package_daily folded by calendar month — per package, stage and month (its first day) the days of the month with a non-zero amount (ascending) and those amounts, as parallel arrays. Rewritten from progress_package_daily for every package whose daily rows change, in the same transaction (src/plans/package-rollup.ts); equal to the daily rows (tested after random activity). What the dashboard reads for the 28-day throughput.';

insert into progress_package_month (package_id, stage, month, days, qty)
select package_id, stage, date_trunc('month', day)::date, array_agg(extract(day from day)::smallint order by day), array_agg(qty order by day)
from progress_package_daily group by 1, 2, 3;

create table popdb_export_records (
  export_id uuid not null references popdb_exports(id),
  record_id uuid not null references records(id),
  book_id   uuid not null references books(id),
  primary key (export_id, record_id)
);
create index popdb_export_records_book_idx on popdb_export_records (book_id);
comment on table popdb_export_records is
  'The registrations a match-key file (popdb_exports) listed, with their book (for scope and for counting per unit), written in the transaction that records the export. Exports made before migration 0027 have no rows here. Never changed.';
`;
