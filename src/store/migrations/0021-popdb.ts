/**
 * 0021 — the comparison with the national population database (CSDL quốc
 * gia về dân cư), file-based: the match-key files sent out, the result files
 * read back (batches) with one classified row per registration, and the
 * officer's decision on each difference. Luật Hộ tịch Art. 60.2: where the
 * two differ, the register book wins; the population side's value is stored
 * beside the book's and never written into a record by this module.
 */
export const name = 'popdb';

export const up = /* sql */ `
create table popdb_exports (
  id            uuid primary key default gen_random_uuid(),
  unit_id       text not null references admin_units(id),
  record_count  integer not null check (record_count >= 0),
  files         jsonb not null,
  exported_by   uuid references users(id),
  created_at    timestamptz not null default now()
);
comment on table popdb_exports is
  'A match-key file sent to the population side: the unit (and the units within it) it covers, how many registrations it lists, and its files (name, bytes, sha256; the manifest lists the same). The files themselves are written out, not stored. Never changed.';

create table popdb_batches (
  id               uuid primary key default gen_random_uuid(),
  file_name        text not null,
  sha256           text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  status           text not null check (status in ('imported', 'failed')),
  rows_total       integer not null check (rows_total >= 0),
  counts           jsonb not null default '{}'::jsonb,
  report           jsonb not null default '{}'::jsonb,
  error_report_sha256 text,
  imported_by      uuid references users(id),
  created_at       timestamptz not null default now(),
  check ((status = 'failed') = (error_report_sha256 is not null))
);
create unique index popdb_batches_imported_once on popdb_batches (sha256) where status = 'imported';
comment on table popdb_batches is
  'A result file returned by the population side, read all or nothing: imported (its rows are in popdb_rows, counts per class) or failed (no row stored; report lists the rows with errors and error_report_sha256 is the blob of the error report xlsx). The same content is imported once. Never changed.';

create table popdb_rows (
  id            uuid primary key default gen_random_uuid(),
  batch_id      uuid not null references popdb_batches(id),
  row_no        integer not null check (row_no >= 1),
  record_id     uuid not null references records(id),
  book_id       uuid not null references books(id),
  class         text not null check (class in ('same', 'differs', 'not_found', 'id_conflict')),
  pop_status    text not null,
  pop_values    jsonb not null,
  book_values   jsonb not null,
  diffs         jsonb not null default '[]'::jsonb,
  conflict      jsonb,
  record_version integer not null,
  unique (batch_id, row_no),
  unique (batch_id, record_id),
  check ((class = 'id_conflict') = (conflict is not null))
);
create index popdb_rows_record_idx on popdb_rows (record_id);
create index popdb_rows_book_idx on popdb_rows (book_id, batch_id);
comment on table popdb_rows is
  'One row of a result file: the registration (record_id, its book for scope), the population side''s status and values as returned (pop_values, keyed by the file''s column keys), the book''s values compared, as keyed at import (book_values, record_version), and the class: same, differs (diffs = [{key, book, population}]), not_found, id_conflict (conflict = {reason, …}). The population value is evidence only: it never enters records here. Never changed.';

create table popdb_decisions (
  id            uuid primary key default gen_random_uuid(),
  row_id        uuid not null unique references popdb_rows(id),
  decision      text not null check (decision in ('book_confirmed', 'record_corrected')),
  note          text not null default '',
  corrected     jsonb not null default '{}'::jsonb,
  record_version integer not null,
  decided_by    uuid references users(id),
  decided_at    timestamptz not null default now()
);
comment on table popdb_decisions is
  'The officer''s decision on a row that differs or conflicts, once per row: book_confirmed (the keyed value is the book''s; the population side is asked to correct) or record_corrected (the keying was wrong: the record was corrected through its action log, corrected = the fields and the values typed from the book, record_version = the version after the correction). Append-only (trigger); each decision is also an entity_actions row (entity_type popdb_row).';

create function popdb_decisions_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'popdb_decisions is append-only';
end $$;
create trigger popdb_decisions_no_update before update or delete on popdb_decisions
  for each row execute function popdb_decisions_append_only();
create trigger popdb_rows_no_update before update or delete on popdb_rows
  for each row execute function popdb_decisions_append_only();
`;
