/**
 * 0007 — imports of registrations from files (src/exchange import): one row
 * per import run, whether it succeeded (its records exist) or failed (the row
 * keeps the row-level report so the user can download the error xlsx; no book
 * and no record were written). A file's content (sha256) is imported at most
 * once per book: the partial unique index makes a replay add nothing.
 */
export const name = 'imports';

export const up = /* sql */ `
create table imports (
  id            uuid primary key default gen_random_uuid(),
  book_id       uuid references books(id),
  file_name     text not null,
  sha256        text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  sheet         text not null default '',
  template_id   text not null,
  rows_total    integer not null check (rows_total >= 0),
  rows_imported integer not null check (rows_imported >= 0 and rows_imported <= rows_total),
  warnings      integer not null default 0 check (warnings >= 0),
  status        text not null check (status in ('imported', 'failed')),
  report        jsonb not null default '{}'::jsonb,
  imported_by   uuid references users(id),
  created_at    timestamptz not null default now(),
  check (status = 'imported' or rows_imported = 0)
);
create unique index imports_done_once_idx on imports (coalesce(book_id::text, ''), sha256) where status = 'imported';
create index imports_sha_idx on imports (sha256);
comment on table imports is
  'One import of registrations from an xlsx (MoJ template) or CSV file. status imported: every row of the file became a completed record in the same transaction as this row; book_id is the book they went into, or null when the import created several books (their ids in report.books). status failed: at least one row had an ERROR finding, nothing else was written; report holds the row findings and errorReport (blob sha256 of the xlsx with the added "Lỗi" column). The same content (sha256) is imported at most once per book (partial unique index); the service also refuses a file already imported into any book. Each imported record names this row in the source of its created action. Rows are never updated or deleted.';
`;
